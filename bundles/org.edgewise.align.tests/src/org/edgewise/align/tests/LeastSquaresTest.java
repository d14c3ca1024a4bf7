package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.edgewise.align.LeastSquares;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void solvesASystemThatNeedsPivoting() {
        // a zero in the first pivot position: without row exchanges elimination would divide by zero
        double[][] a = { { 0, 2, 1 }, { 1, 1, 1 }, { 4, -1, 3 } };
        double[] x = { 1.5, -2, 0.25 };
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i][j] * x[j];
            }
        }
        assertArrayEquals(x, LeastSquares.solve(a, b), 1e-12);
        assertNull(LeastSquares.solve(new double[][] { { 1, 2 }, { 2, 4 } }, new double[] { 1, 2 }), "singular");
    }

    @Test
    void inverseDiagonalOfAKnownMatrix() {
        // [[4, 1], [1, 3]]⁻¹ = [[3, −1], [−1, 4]] / 11
        assertArrayEquals(new double[] { 3 / 11.0, 4 / 11.0 },
                LeastSquares.inverseDiagonal(new double[][] { { 4, 1 }, { 1, 3 } }), 1e-15);
    }

    /**
     * A line {@code y = 0.7 + 1.3 x} with small noise and two gross outliers: the robust fit drops the outliers and
     * recovers the line within the noise; its σ is the textbook one, {@code s/√Σ(x − x̄)²} for the slope.
     */
    @Test
    void robustFitRejectsGrossOutliers() {
        SplittableRandom random = new SplittableRandom(5);
        List<double[]> equations = new ArrayList<>();
        double noise = 0.02;
        int n = 60;
        for (int i = 0; i < n; i++) {
            double x = i / 6.0;
            equations.add(new double[] { 1, x, 0.7 + 1.3 * x + noise * random.nextGaussian() });
        }
        equations.get(10)[2] += 5;
        equations.get(41)[2] -= 3;
        LeastSquares.Fit fit = LeastSquares.robust(equations, 2);
        assertEquals(0.7, fit.solution()[0], 4 * noise / Math.sqrt(n / 4.0));
        assertEquals(1.3, fit.solution()[1], 0.01);
        assertEquals(noise, fit.rms(), 0.3 * noise, "RMS of the equations kept, outliers excluded");
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += i / 6.0 / n;
        }
        double spread = 0;
        for (int i = 0; i < n; i++) {
            spread += (i / 6.0 - mean) * (i / 6.0 - mean);
        }
        assertEquals(noise / Math.sqrt(spread), fit.sigma()[1], 0.3 * noise / Math.sqrt(spread));
        assertNull(LeastSquares.robust(List.of(new double[] { 1, 1, 1 }, new double[] { 2, 2, 2 }), 2), "singular");
    }

    @Test
    void sinusoidFitUsesOnlyTheSelectedAnglesAndRefusesTooFew() {
        int angles = 50;
        double[] theta = new double[angles];
        double[] values = new double[angles];
        boolean[] use = new boolean[angles];
        for (int a = 0; a < angles; a++) {
            theta[a] = Math.toRadians(a * 180.0 / angles);
            values[a] = 2.5 - 0.4 * Math.cos(theta[a]) + 1.1 * Math.sin(theta[a]);
            use[a] = a % 7 != 3;
            if (!use[a]) {
                values[a] = 1e3; // excluded: would ruin the fit
            }
        }
        assertArrayEquals(new double[] { 2.5, -0.4, 1.1 }, LeastSquares.sinusoid(values, theta, use), 1e-12);
        boolean[] two = new boolean[angles];
        two[0] = true;
        two[20] = true;
        assertNull(LeastSquares.sinusoid(values, theta, two), "two angles cannot fix three unknowns");
        double[] same = new double[angles];
        java.util.Arrays.fill(same, 0.3);
        assertNull(LeastSquares.sinusoid(values, same, null), "one angle repeated does not separate them either");
    }
}
