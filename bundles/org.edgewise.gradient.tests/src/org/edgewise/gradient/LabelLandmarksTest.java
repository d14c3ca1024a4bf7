package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.edgewise.align.Registration;
import org.junit.jupiter.api.Test;

/** Two touching balls of different contrast in two volumes related by a known scale and shift. */
class LabelLandmarksTest {

    private static final int N = 48;

    /** Two overlapping balls (radius 9) at the given centres, value a and b, as a smooth-edged volume. */
    private static float[] balls(double[] c1, double[] c2, double a, double b) {
        float[] v = new float[N * N * N];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double r1 = Math.sqrt(sq(z - c1[0]) + sq(y - c1[1]) + sq(x - c1[2]));
                    double r2 = Math.sqrt(sq(z - c2[0]) + sq(y - c2[1]) + sq(x - c2[2]));
                    double w1 = 1 / (1 + Math.exp((r1 - 9) / 0.7));
                    double w2 = 1 / (1 + Math.exp((r2 - 9) / 0.7));
                    v[(z * N + y) * N + x] = (float) Math.max(a * w1, b * w2);
                }
            }
        }
        return v;
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void recoversScaleAndShiftOfTouchingParticles() {
        double[] c1 = { 20, 18, 17 };
        double[] c2 = { 27.5, 31, 30 }; // 19.9 voxels apart: the balls of radius 9 touch
        double k = 1.006;
        double[] shift = { 0.4, -0.7, 0.25 };
        double m = (N - 1) / 2.0;
        double[] d1 = new double[3];
        double[] d2 = new double[3];
        for (int a = 0; a < 3; a++) {
            d1[a] = m + k * (c1[a] - m) + shift[a];
            d2[a] = m + k * (c2[a] - m) + shift[a];
        }
        float[] reference = balls(c1, c2, 1.0, 0.6);
        float[] moving = balls(d1, d2, 0.3, 0.5); // other contrast
        int[] labels = new int[N * N * N];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double r1 = Math.sqrt(sq(z - c1[0]) + sq(y - c1[1]) + sq(x - c1[2]));
                    double r2 = Math.sqrt(sq(z - c2[0]) + sq(y - c2[1]) + sq(x - c2[2]));
                    labels[(z * N + y) * N + x] = r1 < 9 && r1 <= r2 ? 1 : r2 < 9 ? 2 : 0;
                }
            }
        }
        Registration.Result r = LabelLandmarks.register(reference, moving, labels, 2, N, N, N, 3, 1.0);
        assertEquals(k, r.scale(), 2e-3);
        for (int a = 0; a < 3; a++) {
            assertEquals(shift[a], r.shiftPx()[a], 0.05, "shift along axis " + a);
        }
        assertNull(LabelLandmarks.register(reference, moving, labels, 1, N, N, N, 3, 1.0));
    }
}
