package org.edgewise.core.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IndexIterator;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.core.minus-log}: line integrals {@code p = −ln(max(T, floor))} from flat- and dark-corrected
 * transmission projections {@code T = (I − D)/(W − D)}, both {@code [angle, row, column]}. The output unit is
 * dimensionless ({@value PhysicalMetadata#DIMENSIONLESS}); pixel size, energy and angles are unchanged. Works
 * projection by projection.
 */
public final class MinusLogStage implements IStage<MinusLogModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.core.minus-log";

    /** Input and output port name. */
    public static final String PROJECTIONS = "projections";

    @Override
    public StageOutput apply(StageInput input, MinusLogModel model, IMonitor monitor) {
        Dataset transmission = input.get(PROJECTIONS);
        DoubleDataset result = DatasetFactory.zeros(DoubleDataset.class, transmission.getShape());
        IndexIterator it = transmission.getIterator();
        double floor = model.floor();
        int i = 0;
        while (it.hasNext()) {
            double t = transmission.getElementDoubleAbs(it.index);
            // NaN stays NaN: a dead pixel must not look like a valid measurement
            result.setAbs(i++, Double.isNaN(t) ? Double.NaN : -Math.log(Math.max(t, floor)));
        }
        PhysicalMetadata.of(transmission).withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(result);
        result.setName("line integrals");
        return StageOutput.of(PROJECTIONS, result);
    }

    @Override
    public SlabPolicy slabPolicy(MinusLogModel model) {
        return SlabPolicy.slabs(1);
    }
}
