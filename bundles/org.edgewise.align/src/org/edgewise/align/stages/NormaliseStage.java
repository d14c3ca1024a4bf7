package org.edgewise.align.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;

/**
 * {@code edgewise.align.normalise}: line integrals {@code −ln((I − D̃)/(W̃ − D̃))} [angle, row, column],
 * dimensionless, from counts {@code projections} [angle, row, column] and the per-pixel medians of {@code flats}
 * and {@code darks} [frame, row, column], with outlier removal and clamping ({@link Normalisation}). Works slab by
 * slab over angles; flats and darks come whole with every slab. The second output {@code statistics}
 * [angle, 2] (table, columns {@link #STATISTICS_COLUMNS}) holds per projection the number of clamped pixels and of
 * replaced outliers, so the counts are never lost.
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
    /** Column of the statistics table: pixels clamped in each projection. */
    public static final String CLAMPED = "clamped";
    /** Column of the statistics table: pixels replaced as outliers in each projection. */
    public static final String OUTLIERS = "outliers";
    /** Columns of the statistics table. */
    public static final List<Column> STATISTICS_COLUMNS = List.of(Column.of(CLAMPED, "pixels"),
            Column.of(OUTLIERS, "pixels"));

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
        int angles = counts.getShape()[0];
        DoubleDataset statistics = DatasetFactory.zeros(DoubleDataset.class, angles, 2);
        for (int a = 0; a < angles; a++) {
            statistics.set(result.clampedPerAngle()[a], a, 0);
            statistics.set(result.outliersPerAngle()[a], a, 1);
        }
        statistics.setName("clamped, outliers per projection");
        TableMetadata.of(STATISTICS_COLUMNS).attachTo(statistics);
        PhysicalMetadata.create(Double.NaN, metadata.energyKev(), "pixels").attachTo(statistics);
        Map<String, Dataset> out = new LinkedHashMap<>();
        out.put(PROJECTIONS, lineIntegrals);
        out.put(STATISTICS, statistics);
        return new StageOutput(out);
    }

    @Override
    public SlabPolicy slabPolicy(NormaliseModel model) {
        return SlabPolicy.slabs(1);
    }

    /**
     * @param table a statistics table of this stage (when it carries no column names, e.g. after a trip through a
     *              results file or the runner's scratch files, they are taken to be {@link #STATISTICS_COLUMNS})
     * @return the table with its column names
     */
    public static Dataset statistics(Dataset table) {
        return StageTables.named(table, STATISTICS_COLUMNS, "a normalisation statistics table");
    }
}
