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
 * the central column and the row jitter is removed ({@link Shifts}), from an {@code alignment} table [angle, 4] made
 * by {@code edgewise.align.projections}. Slab by slab over angles (the table comes whole with every slab).
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
        Dataset table = input.get(ALIGNMENT);
        int length = projections.getShape()[0];
        if (table.getRank() != 2 || table.getShape()[1] != AlignStage.COLUMNS.length
                || table.getShape()[0] != input.stackLength()) {
            throw new StageException("edgewise.align.apply-shifts: the alignment table must be [" + input.stackLength()
                    + ", " + AlignStage.COLUMNS.length + "] (one row per projection: " + String.join(", ",
                            AlignStage.COLUMNS) + "), was "
                    + java.util.Arrays.toString(table.getShape()));
        }
        double[] rows = new double[length];
        double[] cols = new double[length];
        double centre = table.getDouble(0, 3);
        double[] angles = PhysicalMetadata.of(projections).anglesDeg();
        for (int a = 0; a < length; a++) {
            int row = input.slabStart() + a;
            if (angles.length == length && Math.abs(angles[a] - table.getDouble(row, 0)) > 1e-3) {
                throw new StageException(String.format(java.util.Locale.ROOT, "edgewise.align.apply-shifts: "
                        + "projection %d is at %.4f° but the alignment table row is for %.4f°", row, angles[a],
                        table.getDouble(row, 0)));
            }
            rows[a] = table.getDouble(row, 1);
            cols[a] = table.getDouble(row, 2);
        }
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.apply-shifts: cancelled");
        }
        FloatDataset aligned = Shifts.apply(projections, centre, rows, cols);
        PhysicalMetadata.of(projections).attachTo(aligned);
        return StageOutput.of(PROJECTIONS, aligned);
    }

    @Override
    public SlabPolicy slabPolicy(NoParameters model) {
        return SlabPolicy.slabs(1);
    }
}
