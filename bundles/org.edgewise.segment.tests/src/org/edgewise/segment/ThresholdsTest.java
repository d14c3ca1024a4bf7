package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    /** Reference values from Debian's scikit-image 0.19.3 {@code threshold_otsu} on the same float32 arrays. */
    @Test
    void matchesScikitImage() {
        float[] a = new float[1000];
        float[] b = new float[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (((long) i * i) % 97) / 97f + (i % 3 == 0 ? 2 : 0);
            b[i] = (float) Math.sin(i * 0.37) * 3f + 0.5f * (i % 7);
        }
        assertEquals(0.986831545829773, Thresholds.otsu(a), 1e-6);
        assertEquals(1.4821743965148926, Thresholds.otsu(b), 1e-5);
    }

    @Test
    void separatesTwoLevelsAndIgnoresNaN() {
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 150 ? 0.1f : 0.9f;
        }
        v[3] = Float.NaN;
        double t = Thresholds.otsu(v);
        byte[] mask = Thresholds.above(v, t);
        int inside = 0;
        for (byte m : mask) {
            inside += m;
        }
        assertEquals(50, inside);
    }

    /** Range and histogram accumulated slab by slab give the threshold of the whole volume. */
    @Test
    void aHistogramAddedUpOverSlabsGivesTheThresholdOfTheWhole() {
        float[] v = new float[40 * 32];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.01 + (i % 5 == 0 ? 0.4 + i * 1e-5 : 0.02));
        }
        v[17] = Float.NaN;
        int slab = 3 * 32;
        double[] range = { Double.NaN, Double.NaN };
        for (int from = 0; from < v.length; from += slab) {
            range = Thresholds.union(range, Thresholds.range(java.util.Arrays.copyOfRange(v, from,
                    Math.min(v.length, from + slab))));
        }
        long[] hist = new long[Thresholds.BINS];
        for (int from = 0; from < v.length; from += slab) {
            long[] h = Thresholds.histogram(java.util.Arrays.copyOfRange(v, from, Math.min(v.length, from + slab)),
                    range[0], range[1], Thresholds.BINS);
            for (int b = 0; b < hist.length; b++) {
                hist[b] += h[b];
            }
        }
        double whole = Thresholds.otsu(v);
        assertEquals(whole, Thresholds.otsu(hist, range[0], range[1]), 0.0);
        // in the gap between the two levels (0.02 and 0.40 to 0.41, noise 0.01)
        org.junit.jupiter.api.Assertions.assertTrue(whole > 0.04 && whole < 0.38, "threshold " + whole);
    }
}
