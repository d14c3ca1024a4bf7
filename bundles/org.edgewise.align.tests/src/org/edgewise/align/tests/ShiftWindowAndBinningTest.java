package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.DetectorBinning;
import org.edgewise.align.Shifts;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.junit.jupiter.api.Test;

/**
 * The row-window resampling equals the matching rows of the whole-frame resampling, and detector binning gives the
 * block means, computed here independently.
 */
class ShiftWindowAndBinningTest {

    private static final int ANGLES = 5;
    private static final int ROWS = 41;
    private static final int COLS = 23;

    private static float[] frames(long seed, int count, int rows, int cols) {
        Random random = new Random(seed);
        float[] values = new float[count * rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 100);
        }
        return values;
    }

    @Test
    void aWindowOfRowsEqualsTheMatchingRowsOfTheWholeFrame() {
        float[] p = frames(1, ANGLES, ROWS, COLS);
        double[] shiftRows = { 0.4, -2.7, 1.3, 3.9, -0.2 };
        double[] shiftCols = { 1.1, -0.6, 2.2, 0.0, -3.4 };
        double centre = 11.7;
        for (double scale : new double[] { 1, 1.0123, 0.987 }) {
            float[] whole = Shifts.apply(p, ROWS, COLS, centre, shiftRows, shiftCols, scale);
            // windows in the middle, at the top and at the bottom (where the edge of the detector is extended)
            for (int[] window : new int[][] { { 12, 7 }, { 0, 5 }, { ROWS - 6, 6 }, { 0, ROWS } }) {
                int[] needed = Shifts.inputRows(window[0], window[1], ROWS, shiftRows, scale);
                assertTrue(needed[0] >= 0 && needed[0] + needed[1] <= ROWS, Arrays.toString(needed));
                float[] input = rows(p, needed[0], needed[1]);
                float[] part = Shifts.applyWindow(input, needed[0], needed[1], ROWS, COLS, centre, shiftRows,
                        shiftCols, scale, window[0], window[1]);
                assertArrayEquals(rows(whole, window[0], window[1]), part, 0f, "scale " + scale + ", window "
                        + Arrays.toString(window));
            }
        }
        // a window one row too short is refused, never silently sampled from the wrong row
        int[] needed = Shifts.inputRows(12, 7, ROWS, shiftRows, 1);
        float[] tooShort = rows(p, needed[0] + 1, needed[1] - 1);
        assertThrows(IllegalArgumentException.class, () -> Shifts.applyWindow(tooShort, needed[0] + 1, needed[1] - 1,
                ROWS, COLS, centre, shiftRows, shiftCols, 1, 12, 7));
    }

    /** Rows {@code [first, first + count)} of every frame of a {@code [angle, ROWS, COLS]} stack. */
    private static float[] rows(float[] stack, int first, int count) {
        float[] out = new float[ANGLES * count * COLS];
        for (int a = 0; a < ANGLES; a++) {
            System.arraycopy(stack, (a * ROWS + first) * COLS, out, a * count * COLS, count * COLS);
        }
        return out;
    }

    @Test
    void binningAveragesBlocksDropsTheRemainderAndScalesThePixel() {
        int frames = 3;
        int rows = 11; // 11 = 2·5 + 1 and 4·2 + 3: a remainder for both factors
        int cols = 10; // 10 = 2·5 and 4·2 + 2
        float[] counts = frames(2, frames, rows, cols);
        FloatDataset stack = DatasetFactory.createFromObject(FloatDataset.class, counts, frames, rows, cols);
        PhysicalMetadata.create(0.05, 8.4, "counts").withAnglesDeg(new double[] { 0, 60, 120 },
                DataKind.PROJECTIONS).attachTo(stack);
        for (int f : new int[] { 2, 4 }) {
            FloatDataset binned = DetectorBinning.bin(stack, f);
            assertArrayEquals(new int[] { frames, rows / f, cols / f }, binned.getShape());
            PhysicalMetadata metadata = PhysicalMetadata.of(binned);
            assertEquals(0.05 * f, metadata.pixelSizeUm(), 1e-15);
            assertEquals(8.4, metadata.energyKev(), 0);
            assertArrayEquals(new double[] { 0, 60, 120 }, metadata.anglesDeg(), 0);
            for (int a = 0; a < frames; a++) {
                for (int r = 0; r < rows / f; r++) {
                    for (int c = 0; c < cols / f; c++) {
                        // the block through the dataset's own indexing, not the flat arithmetic of the code
                        double mean = ((Number) stack.getSlice(new int[] { a, r * f, c * f }, new int[] { a + 1,
                                r * f + f, c * f + f }, null).mean()).doubleValue();
                        assertEquals(mean, binned.getDouble(a, r, c), 1e-4, "f " + f + " at " + a + "," + r + ","
                                + c);
                    }
                }
            }
        }
        // a hand-checked block: f = 2, frame 1, binned pixel (3, 2) covers rows 6–7, columns 4–5
        double expected = (counts[(1 * rows + 6) * cols + 4] + counts[(1 * rows + 6) * cols + 5]
                + counts[(1 * rows + 7) * cols + 4] + counts[(1 * rows + 7) * cols + 5]) / 4.0;
        assertEquals(expected, DetectorBinning.bin(stack, 2).getDouble(1, 3, 2), 1e-4);
        assertArrayEquals(counts, DetectorBinning.bin(counts, frames, rows, cols, 1), 0f);
        assertThrows(IllegalArgumentException.class, () -> DetectorBinning.bin(stack, 0));
        assertThrows(IllegalArgumentException.class, () -> DetectorBinning.bin(stack, 12));
    }
}
