package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void sphereChordIsTwiceTheHalfChord() {
        double[] out = new double[2];
        for (double s : new double[] { 0, 0.5, 1.9, 1.999 }) {
            assertTrue(Ellipsoids.chord(new double[] { s, -10, 0 }, new double[] { 0, 1, 0 }, 2, 2, 2, out));
            assertEquals(2 * Math.sqrt(4 - s * s), out[1] - out[0], 1e-9);
        }
        assertFalse(Ellipsoids.chord(new double[] { 2.01, -10, 0 }, new double[] { 0, 1, 0 }, 2, 2, 2, out));
    }

    @Test
    void ellipsoidChordThroughTheCentreAlongEachAxisIsTheDiameter() {
        double[] out = new double[2];
        double[][] dirs = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        double[] axes = { 3.3, 2.7, 2.2 };
        for (int i = 0; i < 3; i++) {
            assertTrue(Ellipsoids.chord(new double[3], dirs[i], axes[0], axes[1], axes[2], out));
            assertEquals(2 * axes[i], out[1] - out[0], 1e-12);
        }
    }

    @Test
    void depthInASphereIsRadiusMinusDistance() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            double x = random.nextDouble(-1.5, 1.5);
            double y = random.nextDouble(-1.5, 1.5);
            double z = random.nextDouble(-1.5, 1.5);
            double r = Math.sqrt(x * x + y * y + z * z);
            if (r < 2) {
                assertEquals(2 - r, Ellipsoids.depthBelowSurface(x, y, z, 2, 2, 2), 1e-9);
            }
        }
    }

    @Test
    void depthInAnEllipsoidMatchesABruteForceSearchOverTheSurface() {
        double a = 3.3;
        double b = 2.7;
        double c = 2.2;
        // dense surface sample: 2000 x 1000 points in (polar, azimuth)
        int nt = 1000;
        int np = 2000;
        double[][] surface = new double[nt * np][];
        for (int i = 0; i < nt; i++) {
            double t = Math.PI * (i + 0.5) / nt;
            for (int j = 0; j < np; j++) {
                double p = 2 * Math.PI * j / np;
                surface[i * np + j] = new double[] { a * Math.sin(t) * Math.cos(p), b * Math.sin(t) * Math.sin(p),
                    c * Math.cos(t) };
            }
        }
        double[][] points = { { 0, 0, 0 }, { 1.0, 0.5, 0.3 }, { 2.5, 0.1, 0 }, { 0, 0, 1.5 }, { 2.9, 0, 0 },
            { 0.3, 2.0, 0.5 }, { -1.2, 0.8, -1.1 } };
        for (double[] q : points) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] s : surface) {
                double dx = s[0] - q[0];
                double dy = s[1] - q[1];
                double dz = s[2] - q[2];
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            // the surface sample is about 0.01 µm apart: brute force over-estimates by at most ~1e-4 µm
            assertEquals(Math.sqrt(best), Ellipsoids.depthBelowSurface(q[0], q[1], q[2], a, b, c), 2e-3,
                    java.util.Arrays.toString(q));
        }
        assertEquals(c, Ellipsoids.depthBelowSurface(0, 0, 0, a, b, c), 1e-9);
        assertEquals(0, Ellipsoids.depthBelowSurface(4, 0, 0, a, b, c));
    }
}
