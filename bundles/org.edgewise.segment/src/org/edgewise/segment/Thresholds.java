package org.edgewise.segment;

import java.util.stream.IntStream;

/**
 * Global thresholds of volumes: Otsu's method and binarisation.
 * <pre>{@code
 * double t = Thresholds.otsu(values);          // as scikit-image's threshold_otsu (256 bins)
 * byte[] mask = Thresholds.above(values, t);    // value > t
 * }</pre>
 */
public final class Thresholds {

    /** Number of histogram bins of {@link #otsu(float[])}, as in scikit-image. */
    public static final int BINS = 256;

    private Thresholds() {
    }

    /**
     * Otsu's threshold on a 256-bin histogram spanning the finite values' range; the threshold is the centre of the
     * bin that maximises the between-class variance (the definition of scikit-image's {@code threshold_otsu}).
     * Foreground is {@code value > threshold}.
     *
     * @param values the volume, any shape; NaN and infinite values are ignored
     * @return the threshold; the single value if all finite values are equal
     * @throws IllegalArgumentException if there is no finite value
     */
    public static double otsu(float[] values) {
        return otsu(values, BINS);
    }

    /** {@link #otsu(float[])} with a given number of bins. */
    public static double otsu(float[] values, int bins) {
        double[] range = range(values);
        double min = range[0];
        double max = range[1];
        if (!(min <= max)) {
            throw new IllegalArgumentException("no finite value to threshold");
        }
        if (min == max) {
            return min;
        }
        return otsu(histogram(values, min, max, bins), min, max);
    }

    /**
     * Otsu's threshold from a histogram already accumulated (e.g. slab by slab over a volume too large to hold):
     * with the range of {@link #range(float[])} over all values and the bins of {@link #histogram}, the same
     * threshold as {@link #otsu(float[], int)} on the whole volume.
     *
     * @param hist counts per bin, the bins spanning [min, max] in equal widths
     * @param min  the smallest finite value, in the unit of the volume
     * @param max  the largest finite value (&gt; min)
     * @return the centre of the bin that maximises the between-class variance
     */
    public static double otsu(long[] hist, double min, double max) {
        int bins = hist.length;
        double width = (max - min) / bins;
        double[] centre = new double[bins];
        for (int b = 0; b < bins; b++) {
            centre[b] = min + (b + 0.5) * width;
        }
        // class weights and means from the left (w1, m1 at bin b: bins 0..b) and the right (bins b..end)
        double[] w1 = new double[bins];
        double[] s1 = new double[bins];
        double w = 0;
        double s = 0;
        for (int b = 0; b < bins; b++) {
            w += hist[b];
            s += hist[b] * centre[b];
            w1[b] = w;
            s1[b] = s;
        }
        double[] w2 = new double[bins];
        double[] s2 = new double[bins];
        w = 0;
        s = 0;
        for (int b = bins - 1; b >= 0; b--) {
            w += hist[b];
            s += hist[b] * centre[b];
            w2[b] = w;
            s2[b] = s;
        }
        double best = -1;
        int bestBin = 0;
        for (int b = 0; b < bins - 1; b++) {
            if (w1[b] == 0 || w2[b + 1] == 0) {
                continue;
            }
            double m1 = s1[b] / w1[b];
            double m2 = s2[b + 1] / w2[b + 1];
            double between = w1[b] * w2[b + 1] * (m1 - m2) * (m1 - m2);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        return centre[bestBin];
    }

    /**
     * The range of two parts of one volume, as {@link #range(float[])} of the whole (NaN entries of a part
     * without finite values are ignored).
     *
     * @return {min, max}
     */
    public static double[] union(double[] a, double[] b) {
        if (!(a[0] <= a[1])) {
            return b.clone();
        }
        if (!(b[0] <= b[1])) {
            return a.clone();
        }
        return new double[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) };
    }

    /** @return {min, max} of the finite values (NaN, NaN if none), in the unit of the values */
    public static double[] range(float[] values) {
        int chunks = Math.max(1, Math.min(64, values.length / 65536));
        double[][] parts = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) values.length * c / chunks);
            int to = (int) ((long) values.length * (c + 1) / chunks);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                float v = values[i];
                if (v < lo) {
                    lo = v;
                }
                if (v > hi && v != Float.POSITIVE_INFINITY) {
                    hi = v;
                }
            }
            parts[c] = new double[] { lo, hi };
        });
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : parts) {
            lo = Math.min(lo, p[0]);
            hi = Math.max(hi, p[1]);
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            lo = hi; // only −∞ below: ignore it
        }
        return Double.isInfinite(lo) || Double.isInfinite(hi) ? new double[] { Double.NaN, Double.NaN }
                : new double[] { lo, hi };
    }

    /**
     * Counts of the values in {@code bins} equal bins spanning [min, max] (the maximum in the last bin; values
     * outside and NaN are not counted). Histograms of the slabs of a volume add up to the histogram of the whole.
     *
     * @param values any shape
     * @param min    lower end of the first bin, in the unit of the values
     * @param max    upper end of the last bin (&gt; min)
     * @return counts per bin
     */
    public static long[] histogram(float[] values, double min, double max, int bins) {
        int chunks = Math.max(1, Math.min(64, values.length / 65536));
        long[][] parts = new long[chunks][bins];
        double scale = bins / (max - min);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long[] h = parts[c];
            int from = (int) ((long) values.length * c / chunks);
            int to = (int) ((long) values.length * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                float v = values[i];
                if (v >= min && v <= max) {
                    int b = (int) ((v - min) * scale);
                    h[b >= bins ? bins - 1 : b]++;
                }
            }
        });
        long[] hist = new long[bins];
        for (long[] p : parts) {
            for (int b = 0; b < bins; b++) {
                hist[b] += p[b];
            }
        }
        return hist;
    }

    /** @return 1 where {@code value > threshold}, else 0 (NaN is outside) */
    public static byte[] above(float[] values, double threshold) {
        byte[] out = new byte[values.length];
        IntStream.range(0, Math.max(1, values.length / 65536 + 1)).parallel().forEach(c -> {
            int from = (int) Math.min(values.length, (long) c * 65536);
            int to = (int) Math.min(values.length, (long) (c + 1) * 65536);
            for (int i = from; i < to; i++) {
                out[i] = values[i] > threshold ? (byte) 1 : 0;
            }
        });
        return out;
    }

    /** @return 1 where {@code value ≥ threshold}, else 0 (NaN is outside) */
    public static byte[] atLeast(float[] values, double threshold) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] >= threshold ? (byte) 1 : 0;
        }
        return out;
    }
}
