package org.edgewise.ui.image;

import java.util.Arrays;

/**
 * A histogram of finite values with equal bins over a range (by default the smallest to the largest value);
 * NaN and infinities are left out, values outside a given range are counted below or above it. It gives the
 * automatic display range (percentiles) and the threshold plot.
 * <pre>{@code
 * DisplayRange range = Histogram.autoRange(values, 1); // 0.5 % … 99.5 %, robust to a few extreme values
 * }</pre>
 */
public final class Histogram {

    /** Fraction of values left below the automatic range. */
    public static final double AUTO_LOW = 0.005;
    /** Fraction of values left below the top of the automatic range. */
    public static final double AUTO_HIGH = 0.995;
    /** Bins of the automatic range's histograms. */
    public static final int AUTO_BINS = 4096;

    private final double min;
    private final double max;
    private final long[] counts;
    private final long below;
    private final long above;

    private Histogram(double min, double max, long[] counts, long below, long above) {
        this.min = min;
        this.max = max;
        this.counts = counts;
        this.below = below;
        this.above = above;
    }

    /**
     * @param values any values; NaN and infinities are ignored
     * @param bins   number of bins, at least 1
     * @return the histogram over [smallest, largest] finite value (no counts when none is finite)
     */
    public static Histogram of(float[] values, int bins) {
        return of(values, 1, bins);
    }

    /**
     * A histogram of every {@code stride}-th value over [smallest, largest]: a large volume is histogrammed from a
     * sample.
     *
     * @param values the values
     * @param stride 1 for all values, k for every k-th
     * @param bins   number of bins
     * @return the histogram
     */
    public static Histogram of(float[] values, int stride, int bins) {
        float lowest = Float.POSITIVE_INFINITY;
        float highest = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i += Math.max(1, stride)) {
            float v = values[i];
            if (Float.isFinite(v)) {
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
            }
        }
        if (!(lowest <= highest)) {
            return new Histogram(0, 1, new long[Math.max(1, bins)], 0, 0);
        }
        return of(values, stride, bins, lowest, highest);
    }

    /**
     * @param values the values
     * @param stride 1 for all values, k for every k-th
     * @param bins   number of bins
     * @param low    start of the first bin
     * @param high   end of the last bin (inclusive); values outside [low, high] are counted below or above
     * @return the histogram
     */
    public static Histogram of(float[] values, int stride, int bins, double low, double high) {
        if (bins < 1 || stride < 1 || !(high >= low)) {
            throw new IllegalArgumentException("bins and stride must be at least 1 and high ≥ low, were " + bins
                    + ", " + stride + ", [" + low + ", " + high + "]");
        }
        long[] counts = new long[bins];
        long below = 0;
        long above = 0;
        double width = (high - low) / bins;
        double scale = width > 0 ? 1 / width : 0;
        for (int i = 0; i < values.length; i += stride) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                continue;
            }
            if (v < low) {
                below++;
            } else if (v > high) {
                above++;
            } else {
                int bin = (int) ((v - low) * scale);
                counts[bin >= bins ? bins - 1 : bin]++;
            }
        }
        return new Histogram(low, high, counts, below, above);
    }

    /**
     * The 0.5th to 99.5th percentile of the values. When those fall within a few bins (a handful of extreme
     * values stretched the histogram), the histogram is taken again over the bins that hold them, so a few hot
     * pixels a million times brighter than the sample do not wash the image out.
     *
     * @param values the values (NaN and infinities ignored)
     * @param stride 1 for all values, k for every k-th
     * @return the range
     */
    public static DisplayRange autoRange(float[] values, int stride) {
        Histogram histogram = of(values, stride, AUTO_BINS);
        for (int refinement = 0; refinement < 4 && histogram.total() > 0; refinement++) {
            int first = histogram.binOf(histogram.percentile(AUTO_LOW));
            int last = histogram.binOf(histogram.percentile(AUTO_HIGH));
            if (last - first >= AUTO_BINS / 16) {
                break;
            }
            double width = (histogram.max - histogram.min) / AUTO_BINS;
            double low = histogram.min + first * width;
            double high = histogram.min + (last + 1) * width;
            if (!(high > low)) {
                break;
            }
            histogram = of(values, stride, AUTO_BINS, low, high);
        }
        return histogram.autoRange();
    }

    /** @return the start of the first bin (the smallest value, unless a range was given) */
    public double min() {
        return min;
    }

    /** @return the end of the last bin */
    public double max() {
        return max;
    }

    /** @return the number of bins */
    public int bins() {
        return counts.length;
    }

    /** @return a copy of the counts per bin */
    public long[] counts() {
        return counts.clone();
    }

    /** @return the number of finite values counted, including those below and above the bins */
    public long total() {
        return below + above + Arrays.stream(counts).sum();
    }

    /** @param bin a bin index @return the value at the centre of that bin */
    public double binCentre(int bin) {
        return min + (bin + 0.5) * (max - min) / counts.length;
    }

    /**
     * @param fraction 0 … 1
     * @return the value below which that fraction of the values lies, interpolated within its bin (clamped to the
     *         histogram's range)
     */
    public double percentile(double fraction) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double target = Math.max(0, Math.min(1, fraction)) * total;
        if (target <= below) {
            return min;
        }
        double width = (max - min) / counts.length;
        long cumulative = below;
        for (int bin = 0; bin < counts.length; bin++) {
            long next = cumulative + counts[bin];
            if (next >= target && counts[bin] > 0) {
                return min + (bin + (target - cumulative) / counts[bin]) * width;
            }
            cumulative = next;
        }
        return max;
    }

    /** @return the range from the 0.5th to the 99.5th percentile of this histogram */
    public DisplayRange autoRange() {
        if (total() == 0) {
            return new DisplayRange(0, 1);
        }
        double low = percentile(AUTO_LOW);
        double high = percentile(AUTO_HIGH);
        return high > low ? new DisplayRange(low, high) : new DisplayRange(min, max);
    }

    private int binOf(double value) {
        int bin = (int) ((value - min) / (max - min) * counts.length);
        return Math.max(0, Math.min(counts.length - 1, bin));
    }

    @Override
    public String toString() {
        return "Histogram[" + min + ", " + max + "; " + counts.length + " bins, " + total() + " values]";
    }
}
