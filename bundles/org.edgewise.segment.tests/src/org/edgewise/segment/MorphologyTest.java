package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MorphologyTest {

    private static int count(byte[] m) {
        int c = 0;
        for (byte b : m) {
            c += b;
        }
        return c;
    }

    @Test
    void dilationOfAPointIsTheDigitalBall() {
        int n = 31;
        byte[] m = new byte[n * n * n];
        m[(15 * n + 15) * n + 15] = 1;
        for (double r : new double[] { 0, 1, 1.5, 4.2, 10 }) {
            int expected = 0;
            int rr = (int) Math.ceil(r);
            for (int z = -rr; z <= rr; z++) {
                for (int y = -rr; y <= rr; y++) {
                    for (int x = -rr; x <= rr; x++) {
                        expected += x * x + y * y + z * z <= r * r ? 1 : 0;
                    }
                }
            }
            assertEquals(expected, count(Morphology.dilate(m, n, n, n, r)), "radius " + r);
        }
    }

    @Test
    void openingRemovesAThinSpikeAndKeepsTheBall() {
        int n = 40;
        byte[] m = new byte[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int dz = z - 20;
                    int dy = y - 20;
                    int dx = x - 15;
                    if (dz * dz + dy * dy + dx * dx <= 64 || (z == 20 && y == 20 && x > 15 && x < 38)) {
                        m[(z * n + y) * n + x] = 1;
                    }
                }
            }
        }
        byte[] opened = Morphology.open(m, n, n, n, 2);
        assertEquals(0, opened[(20 * n + 20) * n + 30]);
        assertEquals(1, opened[(20 * n + 20) * n + 15]);
        // a ball of radius 8 is open with respect to a ball of radius 2 (digitally, nearly): few voxels lost
        int ball = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int dz = z - 20;
                    int dy = y - 20;
                    int dx = x - 15;
                    ball += dz * dz + dy * dy + dx * dx <= 64 ? 1 : 0;
                }
            }
        }
        // the opening is inside the original and loses only a few surface voxels of the ball (digital balls are
        // not exactly open with respect to a smaller digital ball)
        for (int i = 0; i < m.length; i++) {
            assertTrue(opened[i] <= m[i]);
        }
        assertEquals(ball, count(opened), ball * 0.05);
        byte[] closed = Morphology.close(opened, n, n, n, 2);
        assertEquals(count(opened), count(closed), ball * 0.03);
    }

    @Test
    void fillsEnclosedCavitiesButNotOpenOnes() {
        int n = 20;
        byte[] m = new byte[n * n * n];
        for (int z = 2; z < 18; z++) {
            for (int y = 2; y < 18; y++) {
                for (int x = 2; x < 18; x++) {
                    boolean shell = z == 2 || z == 17 || y == 2 || y == 17 || x == 2 || x == 17;
                    m[(z * n + y) * n + x] = shell ? (byte) 1 : 0;
                }
            }
        }
        byte[] filled = Morphology.fillHoles(m, n, n, n);
        assertEquals(16 * 16 * 16, count(filled));
        m[(10 * n + 10) * n + 2] = 0; // a hole in the wall opens the cavity
        assertEquals(count(m), count(Morphology.fillHoles(m, n, n, n)));
    }
}
