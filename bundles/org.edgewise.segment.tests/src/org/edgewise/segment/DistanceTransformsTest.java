package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DistanceTransformsTest {

    /** Brute force: squared distance from each voxel to the nearest voxel of the feature set. */
    private static long bruteForce(byte[] m, int nz, int ny, int nx, int i, boolean featureNonZero) {
        int z = i / (ny * nx);
        int y = (i / nx) % ny;
        int x = i % nx;
        long best = Long.MAX_VALUE;
        for (int j = 0; j < m.length; j++) {
            if ((m[j] != 0) == featureNonZero) {
                long dz = j / (ny * nx) - z;
                long dy = (j / nx) % ny - y;
                long dx = j % nx - x;
                best = Math.min(best, dz * dz + dy * dy + dx * dx);
            }
        }
        return best;
    }

    @Test
    void equalsBruteForceOnRandomVolumes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int nz = 1 + random.nextInt(12);
            int ny = 1 + random.nextInt(12);
            int nx = 1 + random.nextInt(70); // wider than one gather block along x
            double p = random.nextDouble();
            byte[] m = new byte[nz * ny * nx];
            for (int i = 0; i < m.length; i++) {
                m[i] = random.nextDouble() < p ? (byte) 1 : 0;
            }
            int[] toBackground = DistanceTransforms.squaredToBackground(m, nz, ny, nx);
            int[] toForeground = DistanceTransforms.squaredToForeground(m, nz, ny, nx);
            float[] edt = DistanceTransforms.edt(m, nz, ny, nx);
            for (int i = 0; i < m.length; i++) {
                long b = bruteForce(m, nz, ny, nx, i, false);
                long f = bruteForce(m, nz, ny, nx, i, true);
                String where = "trial " + trial + " shape " + nz + "×" + ny + "×" + nx + " voxel " + i;
                assertEquals(b == Long.MAX_VALUE ? DistanceTransforms.INFINITE : b, toBackground[i], where);
                assertEquals(f == Long.MAX_VALUE ? DistanceTransforms.INFINITE : f, toForeground[i], where);
                assertEquals(b == Long.MAX_VALUE ? Float.POSITIVE_INFINITY : (float) Math.sqrt(b), edt[i], where);
            }
        }
    }

    @Test
    void ballDistancesAreExactEuclidean() {
        int n = 41;
        byte[] m = new byte[n * n * n];
        m[(20 * n + 20) * n + 20] = 1;
        int[] d2 = DistanceTransforms.squaredToForeground(m, n, n, n);
        assertEquals(3 * 20 * 20, d2[0]);
        assertEquals(20 * 20 + 7 * 7 + 3 * 3, d2[(0 * n + 13) * n + 23]);
    }
}
