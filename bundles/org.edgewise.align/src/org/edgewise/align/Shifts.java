package org.edgewise.align;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;

/**
 * Applies stored alignment shifts to projections (the shifts are never baked in by the alignment itself).
 * <p>
 * With the convention of {@link ProjectionAlignment} (projection {@code a}'s axis at column
 * {@code centre + shiftCol[a]}, image displaced by {@code shiftRow[a]} rows), the aligned projection puts every
 * rotation axis on the central column {@code (columns − 1)/2} and removes the row jitter:
 * {@code aligned(a, r, c) = measured(a, r + shiftRow[a], c + centre + shiftCol[a] − (columns − 1)/2)}, sampled with
 * Keys cubic interpolation (edge values beyond the detector). Angle slabs can be processed alone: pass the shifts
 * of the slab's projections.
 */
public final class Shifts {

    private Shifts() {
    }

    /**
     * @param projections {@code [angle, row, column]}, with {@link PhysicalMetadata} (copied to the result)
     * @param centre      rotation-centre column, pixels
     * @param shiftRowPx  one per projection of {@code projections}
     * @param shiftColPx  one per projection of {@code projections}
     * @return aligned projections {@code [angle, row, column]}, float32
     */
    public static FloatDataset apply(Dataset projections, double centre, double[] shiftRowPx, double[] shiftColPx) {
        int[] shape = projections.getShape();
        if (projections.getRank() != 3 || shiftRowPx.length != shape[0] || shiftColPx.length != shape[0]) {
            throw new IllegalArgumentException("need [angle, row, column] projections and one row and column shift"
                    + " per projection; shape " + Arrays.toString(shape) + ", " + shiftRowPx.length + " and "
                    + shiftColPx.length + " shifts");
        }
        float[] out = apply(FlatArrays.floats(projections), shape[1], shape[2], centre, shiftRowPx,
                shiftColPx);
        FloatDataset result = FlatArrays.wrap(out, shape);
        PhysicalMetadata.find(projections).ifPresent(m -> m.attachTo(result));
        result.setName("aligned projections");
        return result;
    }

    /**
     * @param p          {@code [angle, row, column]} row-major
     * @param rows       rows
     * @param cols       columns
     * @param centre     rotation-centre column
     * @param shiftRowPx per projection
     * @param shiftColPx per projection
     * @return the aligned stack
     */
    public static float[] apply(float[] p, int rows, int cols, double centre, double[] shiftRowPx,
            double[] shiftColPx) {
        return apply(p, rows, cols, centre, shiftRowPx, shiftColPx, 1);
    }

    /**
     * Alignment and a magnification in one resampling (an energy pair's moving scan onto its reference's grid):
     * {@code out(a, r, c) = measured(a, m_r + scale·(r − m_r) + shiftRow[a], centre + shiftCol[a] + scale·(c − m_c))}
     * with {@code m_r = (rows − 1)/2}, {@code m_c = (columns − 1)/2}; {@code scale = 1} is {@link #apply(float[],
     * int, int, double, double[], double[])}.
     *
     * @param p          {@code [angle, row, column]} row-major
     * @param rows       rows
     * @param cols       columns
     * @param centre     rotation-centre column
     * @param shiftRowPx per projection, rows (the registration's row shift included)
     * @param shiftColPx per projection, columns (the registration's column shift and sample translation included)
     * @param scale      moving pixels per output pixel
     * @return the resampled stack, same shape
     */
    public static float[] apply(float[] p, int rows, int cols, double centre, double[] shiftRowPx,
            double[] shiftColPx, double scale) {
        return resample(p, 0, rows, rows, cols, centre, shiftRowPx, shiftColPx, scale, 0, rows);
    }

    /**
     * The input rows a window of output rows needs: {@link #applyWindow} with these rows gives exactly the matching
     * rows of {@link #apply(float[], int, int, double, double[], double[], double)}.
     *
     * @param outputRow0 first output row
     * @param outputRows output rows in the window, ≥ 1
     * @param rows       detector rows
     * @param shiftRowPx per projection, rows (as for {@code apply})
     * @param scale      moving pixels per output pixel (1 without a magnification)
     * @return {@code {first, count}}: input rows {@code [first, first + count)}, within {@code [0, rows)}
     */
    public static int[] inputRows(int outputRow0, int outputRows, int rows, double[] shiftRowPx, double scale) {
        double midRow = (rows - 1) / 2.0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double shift : shiftRowPx) {
            for (int r : new int[] { outputRow0, outputRow0 + outputRows - 1 }) {
                double y = midRow + scale * (r - midRow) + shift;
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        int first = Math.max(0, Math.min(rows - 1, (int) Math.floor(low) - 1));
        int last = Math.max(0, Math.min(rows - 1, (int) Math.floor(high) + 2));
        return new int[] { first, last - first + 1 };
    }

    /**
     * {@link #apply(float[], int, int, double, double[], double[], double)} for a window of output rows, from a window
     * of input rows (as {@link #inputRows} gives them): the same values as the matching rows of the whole-frame
     * result, without holding whole frames.
     *
     * @param window     input rows {@code [inputRow0, inputRow0 + inputRows)} of every projection,
     *                   {@code [angle, inputRows, column]} row-major
     * @param inputRow0  detector row of the window's first row
     * @param inputRows  rows in the input window
     * @param rows       detector rows (the whole frame's height)
     * @param cols       columns
     * @param centre     rotation-centre column
     * @param shiftRowPx per projection, rows
     * @param shiftColPx per projection, columns
     * @param scale      moving pixels per output pixel
     * @param outputRow0 first output row
     * @param outputRows output rows
     * @return {@code [angle, outputRows, column]}
     * @throws IllegalArgumentException if the input window lacks a row the output needs
     */
    public static float[] applyWindow(float[] window, int inputRow0, int inputRows, int rows, int cols, double centre,
            double[] shiftRowPx, double[] shiftColPx, double scale, int outputRow0, int outputRows) {
        if (inputRow0 < 0 || inputRows < 1 || inputRow0 + inputRows > rows || outputRow0 < 0 || outputRows < 1
                || outputRow0 + outputRows > rows) {
            throw new IllegalArgumentException("windows of rows " + inputRow0 + "+" + inputRows + " (input) and "
                    + outputRow0 + "+" + outputRows + " (output) must lie within the " + rows + " detector rows");
        }
        return resample(window, inputRow0, inputRows, rows, cols, centre, shiftRowPx, shiftColPx, scale, outputRow0,
                outputRows);
    }

    /** The one resampling: columns of every input row of the window, then rows of every output row. */
    private static float[] resample(float[] p, int inputRow0, int inputRows, int rows, int cols, double centre,
            double[] shiftRowPx, double[] shiftColPx, double scale, int outputRow0, int outputRows) {
        int angles = shiftRowPx.length;
        int inFrame = inputRows * cols;
        int outFrame = outputRows * cols;
        if (p.length < angles * inFrame || shiftColPx.length != angles) {
            throw new IllegalArgumentException(angles + " projections of " + inputRows + " × " + cols + " need "
                    + (long) angles * inFrame + " values and " + angles + " column shifts, got " + p.length + " and "
                    + shiftColPx.length);
        }
        float[] out = new float[angles * outFrame];
        double midCol = (cols - 1) / 2.0;
        double midRow = (rows - 1) / 2.0;
        IntStream.range(0, angles).parallel().forEach(a -> {
            float[] column = new float[inputRows];
            float[] tmp = new float[inFrame];
            double axis = centre + shiftColPx[a];
            for (int r = 0; r < inputRows; r++) { // along columns
                for (int c = 0; c < cols; c++) {
                    tmp[r * cols + c] = (float) Cubic.sample(p, a * inFrame + r * cols, cols,
                            axis + scale * (c - midCol));
                }
            }
            for (int c = 0; c < cols; c++) { // along rows
                for (int r = 0; r < inputRows; r++) {
                    column[r] = tmp[r * cols + c];
                }
                for (int r = 0; r < outputRows; r++) {
                    int row = outputRow0 + r;
                    out[a * outFrame + r * cols + c] = (float) Cubic.sample(column, 0, midRow + scale * (row - midRow)
                            + shiftRowPx[a], inputRow0, inputRows, rows);
                }
            }
        });
        return out;
    }
}
