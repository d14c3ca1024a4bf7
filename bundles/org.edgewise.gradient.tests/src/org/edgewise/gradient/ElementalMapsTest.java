package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Resampling against an analytic smooth volume, and the background noise estimate. */
class ElementalMapsTest {

    private static double f(double z, double y, double x) {
        return Math.sin(0.21 * z + 0.3) * Math.cos(0.17 * y - 0.2) + 0.3 * Math.sin(0.13 * x);
    }

    @Test
    void resampleFollowsTheRegistrationModel() {
        int n = 40;
        double m = (n - 1) / 2.0;
        double k = 1.004;
        double[] shift = { 0.7, -1.3, 0.25 };
        float[] v = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    v[(z * n + y) * n + x] = (float) f(z, y, x);
                }
            }
        }
        float[] r = ElementalMaps.resample(v, n, n, n, shift, k);
        double worst = 0;
        for (int z = 4; z < n - 4; z++) {
            for (int y = 4; y < n - 4; y++) {
                for (int x = 4; x < n - 4; x++) {
                    double expected = f(m + k * (z - m) + shift[0], m + k * (y - m) + shift[1],
                            m + k * (x - m) + shift[2]);
                    worst = Math.max(worst, Math.abs(r[(z * n + y) * n + x] - expected));
                }
            }
        }
        assertEquals(0, worst, 2e-3);
    }

    @Test
    void backgroundNoiseIsTheRobustSigmaOutside() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int size = 200_000;
        float[] d = new float[size];
        int[] hulls = new int[size];
        for (int i = 0; i < size; i++) {
            hulls[i] = i % 3 == 0 ? 1 : 0;
            d[i] = (float) (hulls[i] == 1 ? 0.5 : 0.002 * CalibrationTest.gaussian(random));
        }
        assertEquals(0.002, ElementalMaps.backgroundNoise(d, hulls), 0.00005);
    }
}
