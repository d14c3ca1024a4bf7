package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ConvexHullsTest {

    private static void assertValid(ConvexHulls.Hull hull, int[] x, int[] y, int[] z, String what) {
        for (int i = 0; i < x.length; i++) {
            assertTrue(hull.contains(x[i], y[i], z[i]), what + ": point " + i + " outside the hull");
        }
        for (int v : hull.vertices()) {
            assertFalse(hull.strictlyInside(x[v], y[v], z[v]), what + ": vertex " + v + " strictly inside");
        }
        for (int f = 0; f < hull.faceCount(); f++) {
            for (int v : hull.faces()[f]) {
                long[] n = hull.normal()[f];
                assertEquals(hull.offset()[f], n[0] * x[v] + n[1] * y[v] + n[2] * z[v], what + ": face off its plane");
            }
        }
        // closed surface: every directed edge has its twin
        java.util.Set<Long> edges = new java.util.HashSet<>();
        for (int[] t : hull.faces()) {
            for (int e = 0; e < 3; e++) {
                assertTrue(edges.add((long) t[e] * x.length + t[(e + 1) % 3]), what + ": repeated edge");
            }
        }
        for (long e : edges) {
            assertTrue(edges.contains((e % x.length) * x.length + e / x.length), what + ": open edge");
        }
    }

    @Test
    void containsEveryPointAndNoVertexIsInside() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 4 + random.nextInt(trial < 100 ? 30 : 2000);
            int[] x = new int[n];
            int[] y = new int[n];
            int[] z = new int[n];
            int range = trial % 3 == 0 ? 4 : 200; // small ranges: many duplicates and coplanar points
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(range);
                y[i] = random.nextInt(range);
                z[i] = random.nextInt(trial % 5 == 0 ? 2 : range);
            }
            x[0] = 0; y[0] = 0; z[0] = 0;  // make sure the set is not coplanar
            x[1] = range; y[1] = 0; z[1] = 0;
            x[2] = 0; y[2] = range; z[2] = 0;
            x[3] = 0; y[3] = 0; z[3] = 3;
            assertValid(ConvexHulls.of(x, y, z), x, y, z, "trial " + trial);
        }
    }

    @Test
    void coplanarPointsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ConvexHulls.of(new int[] { 0, 1, 0, 1 }, new int[] { 0, 0, 1, 1 }, new int[] { 5, 5, 5, 5 }));
    }

    @Test
    void voxelHullsContainTheVoxelsAndTheirInteriorIsExact() {
        int n = 30;
        byte[] m = new byte[n * n * n];
        SplittableRandom random = new SplittableRandom(9);
        for (int b = 0; b < 5; b++) { // a union of balls: not convex
            int cz = 8 + random.nextInt(14);
            int cy = 8 + random.nextInt(14);
            int cx = 8 + random.nextInt(14);
            int r = 3 + random.nextInt(5);
            for (int z = 0; z < n; z++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        if ((z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) {
                            m[(z * n + y) * n + x] = 1;
                        }
                    }
                }
            }
        }
        ConvexHulls.Hull corners = ConvexHulls.ofVoxels(m, n, n, n, 0, null, true);
        ConvexHulls.Hull centres = ConvexHulls.ofVoxels(m, n, n, n, 0, null, false);
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                int[] span = centres.rowSpan(z, y);
                for (int x = 0; x < n; x++) {
                    if (m[(z * n + y) * n + x] != 0) {
                        assertTrue(centres.containsVoxel(z, y, x));
                        for (int s = 0; s < 8; s++) { // the whole cube lies in the corner hull
                            assertTrue(corners.contains(2L * x + ((s & 1) == 0 ? -1 : 1),
                                    2L * y + ((s & 2) == 0 ? -1 : 1), 2L * z + ((s & 4) == 0 ? -1 : 1)));
                        }
                    }
                    assertEquals(centres.containsVoxel(z, y, x), x >= span[0] && x <= span[1]);
                }
            }
        }
        assertValid(corners, corners.x(), corners.y(), corners.z(), "corners");
        assertValid(centres, centres.x(), centres.y(), centres.z(), "centres");
    }

    @Test
    void boxVolumes() {
        int nz = 5;
        int ny = 6;
        int nx = 7;
        byte[] m = new byte[nz * ny * nx];
        java.util.Arrays.fill(m, (byte) 1);
        assertEquals(nz * ny * nx, ConvexHulls.ofVoxels(m, nz, ny, nx, 0, null, true).volume(), 1e-9);
        assertEquals((nz - 1) * (ny - 1) * (nx - 1), ConvexHulls.ofVoxels(m, nz, ny, nx, 0, null, false).volume(),
                1e-9);
        assertTrue(ConvexHulls.ofVoxels(m, nz, ny, nx, 0, null, false).vertices().length >= 8);
    }
}
