package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LabellingTest {

    /** Reference: breadth-first flood fill, labels in raster order of first voxel. */
    private static int flood(byte[] m, int nz, int ny, int nx, int[] labels) {
        int n = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < m.length; s++) {
            if (m[s] == 0 || labels[s] != 0) {
                continue;
            }
            labels[s] = ++n;
            queue.add(s);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int z = i / (ny * nx);
                int y = (i / nx) % ny;
                int x = i % nx;
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int zz = z + dz;
                            int yy = y + dy;
                            int xx = x + dx;
                            if (zz < 0 || yy < 0 || xx < 0 || zz >= nz || yy >= ny || xx >= nx) {
                                continue;
                            }
                            int j = (zz * ny + yy) * nx + xx;
                            if (m[j] != 0 && labels[j] == 0) {
                                labels[j] = n;
                                queue.add(j);
                            }
                        }
                    }
                }
            }
        }
        return n;
    }

    @Test
    void equalsFloodFillOnRandomVolumes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            int nz = 1 + random.nextInt(30);
            int ny = 1 + random.nextInt(20);
            int nx = 1 + random.nextInt(20);
            double p = 0.05 + 0.4 * random.nextDouble();
            byte[] m = new byte[nz * ny * nx];
            for (int i = 0; i < m.length; i++) {
                m[i] = random.nextDouble() < p ? (byte) 1 : 0;
            }
            int[] expected = new int[m.length];
            int n = flood(m, nz, ny, nx, expected);
            int[] labels = new int[m.length];
            assertEquals(n, Labelling.label(m, nz, ny, nx, labels), "trial " + trial);
            assertArrayEquals(expected, labels, "trial " + trial);
        }
    }

    @Test
    void diagonalNeighboursConnectAndSmallObjectsGo() {
        int n = 8;
        byte[] m = new byte[n * n * n];
        m[(1 * n + 1) * n + 1] = 1;
        m[(2 * n + 2) * n + 2] = 1; // corner contact: one object under 26-connectivity
        for (int x = 0; x < n; x++) {
            m[(6 * n + 6) * n + x] = 1; // a line touching two faces
        }
        int[] labels = new int[m.length];
        assertEquals(2, Labelling.label(m, n, n, n, labels));
        boolean[] cut = Labelling.touchingBorder(labels, n, n, n, 2);
        assertFalse(cut[1]);
        assertTrue(cut[2]);
        byte[] kept = Labelling.removeSmall(m, n, n, n, 3);
        assertEquals(0, kept[(1 * n + 1) * n + 1]);
        assertEquals(1, kept[(6 * n + 6) * n + 3]);
    }

    @Test
    void expansionTakesTheNearestLabelWithinTheDistance() {
        int n = 30;
        int[] labels = new int[n * n * n];
        labels[(15 * n + 15) * n + 5] = 1;
        labels[(15 * n + 15) * n + 14] = 2;
        int[] grown = Labelling.expand(labels, n, n, n, 2, 4.5);
        // brute force: nearest seed within 4.5 voxels, ties to the smaller label
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    long d1 = (long) (z - 15) * (z - 15) + (long) (y - 15) * (y - 15) + (long) (x - 5) * (x - 5);
                    long d2 = (long) (z - 15) * (z - 15) + (long) (y - 15) * (y - 15) + (long) (x - 14) * (x - 14);
                    int expected = Math.min(d1, d2) > 20 ? 0 : d1 <= d2 ? 1 : 2;
                    assertEquals(expected, grown[(z * n + y) * n + x], "voxel " + z + "," + y + "," + x);
                }
            }
        }
        assertArrayEquals(labels, Labelling.expand(labels, n, n, n, 2, 0));
    }
}
