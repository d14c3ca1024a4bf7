package org.edgewise.recon;

import java.util.Arrays;

/**
 * Sinogram-domain stripe (ring-artefact) suppression.
 * <p>
 * A defective or miscalibrated detector column adds nearly the same offset to every projection: a vertical
 * stripe in the sinogram and a ring in the slice. This filter takes the mean of every column over all angles,
 * keeps its smooth part (a running median over {@code window} columns, shrinking at the detector edges) and
 * subtracts the remainder, the stripe profile, from every projection. Object features move across the detector
 * as the sample turns, so they are smooth in the column mean; a running median keeps monotone flanks exactly,
 * and changes a curved profile (for example the top of a centred particle) by a fraction of a percent.
 * <p>
 * Limitations: a stripe narrower than half the window is removed; one that sits on a flank of the column-mean
 * profile steeper than its own amplitude per column is not detected (the median cannot tell it from the
 * slope), and partial stripes (offsets in only some projections) are reduced only by their mean.
 */
public final class RingRemoval {

    private final int window;

    /**
     * @param window running-median width in columns, odd, {@code >= 3}
     */
    public RingRemoval(int window) {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("median window must be odd and >= 3, was " + window);
        }
        this.window = window;
    }

    /** @return the median window in columns */
    public int window() {
        return window;
    }

    /**
     * The stripe profile of a sinogram: column means minus their running median.
     *
     * @param sinogram {@code [angle, column]}
     * @param angles number of projections
     * @param columns detector width
     * @return {@code columns} offsets
     */
    public float[] stripeProfile(float[] sinogram, int angles, int columns) {
        return profile(sinogram, 0, angles, columns, 1, columns);
    }

    /**
     * Removes stripes from a sinogram in place.
     *
     * @param sinogram {@code [angle, column]}
     * @param angles number of projections
     * @param columns detector width
     */
    public void apply(float[] sinogram, int angles, int columns) {
        ParallelProjector.checkLength(sinogram, angles * columns, "sinogram");
        float[] stripe = stripeProfile(sinogram, angles, columns);
        for (int a = 0; a < angles; a++) {
            int off = a * columns;
            for (int c = 0; c < columns; c++) {
                sinogram[off + c] -= stripe[c];
            }
        }
    }

    /**
     * Removes stripes from every row of a projection slab in place.
     *
     * @param projections {@code [angle, row, column]}
     * @param angles number of projections
     * @param rows number of rows
     * @param columns detector width
     */
    public void applyToSlab(float[] projections, int angles, int rows, int columns) {
        ParallelProjector.checkLength(projections, angles * rows * columns, "projections");
        java.util.stream.IntStream.range(0, rows).parallel().forEach(z -> {
            float[] stripe = profile(projections, z * columns, angles, columns, 1, rows * columns);
            for (int a = 0; a < angles; a++) {
                int off = (a * rows + z) * columns;
                for (int c = 0; c < columns; c++) {
                    projections[off + c] -= stripe[c];
                }
            }
        });
    }

    private float[] profile(float[] data, int offset, int angles, int columns, int colStride, int angleStride) {
        double[] mean = new double[columns];
        for (int a = 0; a < angles; a++) {
            int off = offset + a * angleStride;
            for (int c = 0; c < columns; c++) {
                mean[c] += data[off + c * colStride];
            }
        }
        for (int c = 0; c < columns; c++) {
            mean[c] /= angles;
        }
        double[] stripe64 = highPass(mean, window);
        float[] stripe = new float[columns];
        for (int c = 0; c < columns; c++) {
            stripe[c] = (float) stripe64[c];
        }
        return stripe;
    }

    /** Values minus their running median over {@code width} (shrinking at the ends). */
    private static double[] highPass(double[] values, int width) {
        int columns = values.length;
        int half = width / 2;
        double[] buf = new double[2 * half + 1];
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            int h = Math.min(half, Math.min(c, columns - 1 - c));
            int len = 2 * h + 1;
            System.arraycopy(values, c - h, buf, 0, len);
            Arrays.sort(buf, 0, len);
            out[c] = values[c] - buf[h];
        }
        return out;
    }
}
