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
}
