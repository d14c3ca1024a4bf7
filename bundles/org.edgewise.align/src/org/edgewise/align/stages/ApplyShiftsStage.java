package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.Shifts;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.apply-shifts}: resamples projections [angle, row, column] so that every rotation axis lies on
 * the central column and the row jitter is removed ({@link Shifts}), from an {@code alignment} table made by
 * {@code edgewise.align.projections} ({@link AlignmentTables#ALIGNMENT}, read by column name). Slab by slab over
 * angles (the table comes whole with every slab).
 */
public final class ApplyShiftsStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.apply-shifts";

    /** Input and output port. */
    public static final String PROJECTIONS = "projections";
    /** Input port: the alignment table. */
    public static final String ALIGNMENT = "alignment";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        AlignmentSlab shifts = AlignmentSlab.of(input.get(ALIGNMENT), input,
                PhysicalMetadata.of(projections).anglesDeg(), "edgewise.align.apply-shifts");
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.apply-shifts: cancelled");
        }
        FloatDataset aligned = Shifts.apply(projections, shifts.centrePx(), shifts.rowsPx(), shifts.colsPx());
        PhysicalMetadata.of(projections).attachTo(aligned);
        return StageOutput.of(PROJECTIONS, aligned);
    }

    @Override
    public SlabPolicy slabPolicy(NoParameters model) {
        return SlabPolicy.slabs(1);
    }
}
