package org.edgewise.align.stages;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.Tables;

/**
 * The rows of an alignment table ({@link AlignmentTables#ALIGNMENT}) for one slab of projections, read by column
 * name and checked against the projections' angles.
 *
 * @param centrePx the rotation-axis column, pixels
 * @param rowsPx   per projection of the slab, the row shift, pixels
 * @param colsPx   per projection of the slab, the column shift, pixels
 */
record AlignmentSlab(double centrePx, double[] rowsPx, double[] colsPx) {

    /**
     * @param table     the whole alignment table, one row per projection of the stack
     * @param input     the slab
     * @param anglesDeg the slab's projection angles (empty when unknown: not checked)
     * @param stage     the stage id, for messages
     * @return the slab's shifts
     * @throws StageException if the table is not an alignment table for this stack
     */
    static AlignmentSlab of(Dataset table, StageInput input, double[] anglesDeg, String stage) throws StageException {
        int length = input.slabLength();
        if (table.getRank() != 2 || table.getShape()[0] != input.stackLength()) {
            throw new StageException(stage + ": the alignment table must have " + input.stackLength()
                    + " rows (one per projection), its shape was " + Arrays.toString(table.getShape()));
        }
        double[] tableAngles;
        double[] rows;
        double[] cols;
        double centre;
        try {
            tableAngles = Tables.column(table, AlignmentTables.ANGLE_DEG);
            rows = Tables.column(table, AlignmentTables.SHIFT_ROW_PX);
            cols = Tables.column(table, AlignmentTables.SHIFT_COL_PX);
            centre = Tables.get(table, 0, AlignmentTables.ROTATION_CENTER_PX);
        } catch (IllegalArgumentException e) {
            throw new StageException(stage + ": alignment table: " + e.getMessage(), e);
        }
        int start = input.slabStart();
        for (int a = 0; a < length && anglesDeg.length == length; a++) {
            if (Math.abs(anglesDeg[a] - tableAngles[start + a]) > 1e-3) {
                throw new StageException(String.format(Locale.ROOT, "%s: projection %d is at %.4f° but the"
                        + " alignment table row is for %.4f°", stage, start + a, anglesDeg[a],
                        tableAngles[start + a]));
            }
        }
        return new AlignmentSlab(centre, Arrays.copyOfRange(rows, start, start + length),
                Arrays.copyOfRange(cols, start, start + length));
    }
}
