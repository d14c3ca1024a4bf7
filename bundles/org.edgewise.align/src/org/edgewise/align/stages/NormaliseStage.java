package org.edgewise.align.stages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.normalise}: line integrals {@code −ln((I − D̃)/(W̃ − D̃))} [angle, row, column],
 * dimensionless, from counts {@code projections} [angle, row, column] and the per-pixel medians of {@code flats}
 * and {@code darks} [frame, row, column], with outlier removal and clamping ({@link Normalisation}). Works slab by
 * slab over angles; flats and darks come whole with every slab. The second output {@code statistics}
 * [angle, 2] (table {@link AlignmentTables#NORMALISATION_STATISTICS}) holds per projection the number of clamped
 * pixels ({@code clamped}) and of replaced outliers ({@code outliers}), so the counts are never lost.
 */
public final class NormaliseStage implements IStage<NormaliseModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.normalise";

    /** Input and output port: projections. */
    public static final String PROJECTIONS = "projections";
    /** Input port: flat frames. */
    public static final String FLATS = "flats";
    /** Input port: dark frames. */
    public static final String DARKS = "darks";
    /** Output port: per-projection counts of clamped and replaced pixels. */
    public static final String STATISTICS = "statistics";

    @Override
    public StageOutput apply(StageInput input, NormaliseModel model, IMonitor monitor) throws StageException {
        Dataset counts = input.get(PROJECTIONS);
        Normalisation.Result result;
        try {
            result = Normalisation.normalise(counts, input.get(FLATS), input.get(DARKS),
                    new NormalisationOptions(model.transmissionFloor(), model.zingerSigma()), monitor);
        } catch (IllegalArgumentException e) {
            throw new StageException("edgewise.align.normalise: " + e.getMessage(), e);
        } catch (CancellationException e) {
            throw new StageException("edgewise.align.normalise: cancelled", e);
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(counts);
        Dataset lineIntegrals = result.lineIntegrals();
        metadata.withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(lineIntegrals);
        Map<String, Dataset> out = new LinkedHashMap<>();
        out.put(PROJECTIONS, lineIntegrals);
        out.put(STATISTICS, AlignmentTables.statistics(result, metadata.energyKev()));
        return new StageOutput(out);
    }

    @Override
    public SlabPolicy slabPolicy(NormaliseModel model) {
        return SlabPolicy.slabs(1);
    }
}
