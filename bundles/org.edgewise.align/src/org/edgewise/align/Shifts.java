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
        int angles = shiftRowPx.length;
        int frame = rows * cols;
        float[] out = new float[p.length];
        double midCol = (cols - 1) / 2.0;
        double midRow = (rows - 1) / 2.0;
        IntStream.range(0, angles).parallel().forEach(a -> {
            float[] column = new float[rows];
            float[] tmp = new float[frame];
            double axis = centre + shiftColPx[a];
            for (int r = 0; r < rows; r++) { // along columns
                for (int c = 0; c < cols; c++) {
                    tmp[r * cols + c] = (float) Cubic.sample(p, a * frame + r * cols, cols,
                            axis + scale * (c - midCol));
                }
            }
            for (int c = 0; c < cols; c++) { // along rows
                for (int r = 0; r < rows; r++) {
                    column[r] = tmp[r * cols + c];
                }
                for (int r = 0; r < rows; r++) {
                    out[a * frame + r * cols + c] = (float) Cubic.sample(column, 0, rows,
                            midRow + scale * (r - midRow) + shiftRowPx[a]);
                }
            }
        });
        return out;
    }
}
