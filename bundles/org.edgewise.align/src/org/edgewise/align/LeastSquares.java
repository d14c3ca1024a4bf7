package org.edgewise.align;

import java.util.Arrays;
import java.util.List;

/**
 * Small dense linear least squares for the alignment and registration fits: normal equations solved by Gaussian
 * elimination with partial pivoting, their covariance diagonal, an outlier-rejecting fit, and the fit of
 * {@code x0 + x1 cos θ + x2 sin θ} that separates a rotation centre from a sample translation.
 * <pre>{@code
 * double[] fit = LeastSquares.sinusoid(columnCentresPx, anglesRad, null); // {x0, x1, x2} or null
 * LeastSquares.Fit robust = LeastSquares.robust(List.of(new double[] { 1, 2, 5.1 }, ...), 2);
 * }</pre>
 */
public final class LeastSquares {

    /** Outliers lie beyond this many robust σ (1.4826 × the median absolute residual). */
    private static final double REJECTION_SIGMAS = 4;
    /** ... and at least this far from the fit (pixels, for the landmark fits). */
    private static final double REJECTION_FLOOR = 0.05;
    /** Fitting rounds at most (each rejects the equations beyond the limit and refits). */
    private static final int ROUNDS = 4;
    /** The sinusoid's normal matrix (entries of order the number of angles) is singular below this pivot. */
    private static final double SINUSOID_MIN_PIVOT = 1e-9;

    private LeastSquares() {
    }

    /**
     * A fit with its uncertainties.
     *
     * @param solution the unknowns
     * @param sigma    1σ of each unknown, from the residual variance and the normal matrix
     * @param rms      RMS residual of the equations kept
     */
    public record Fit(double[] solution, double[] sigma, double rms) {
    }

    /**
     * @param a a square matrix (not changed)
     * @param b the right-hand side (not changed)
     * @return {@code x} with {@code a·x = b}, or null if a pivot vanishes (|pivot| &lt; 1e-300)
     */
    public static double[] solve(double[][] a, double[] b) {
        return solve(a, b, 1e-300);
    }

    /**
     * @param a        a square matrix (not changed)
     * @param b        the right-hand side (not changed)
     * @param minPivot the matrix counts as singular when a pivot's magnitude is below this
     * @return {@code x} with {@code a·x = b}, or null if singular
     */
    static double[] solve(double[][] a, double[] b, double minPivot) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (Math.abs(m[c][c]) < minPivot) {
                return null;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /**
     * @param a a square matrix (a normal matrix {@code AᵀA})
     * @return the diagonal of its inverse (the unscaled variances of the unknowns); NaN where singular
     */
    public static double[] inverseDiagonal(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            double[] x = solve(a, e);
            d[i] = x == null ? Double.NaN : x[i];
        }
        return d;
    }

    /**
     * The least-squares fit {@code values ≈ x0 + x1 cos θ + x2 sin θ}.
     *
     * @param values    one value per angle
     * @param anglesRad the angles θ, radians
     * @param use       which values enter the fit; null for all
     * @return {@code {x0, x1, x2}}, or null if the angles used do not determine the three (fewer than three, or all
     *         too close together)
     */
    public static double[] sinusoid(double[] values, double[] anglesRad, boolean[] use) {
        if (values.length != anglesRad.length) {
            throw new IllegalArgumentException(values.length + " values for " + anglesRad.length + " angles");
        }
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        int used = 0;
        for (int a = 0; a < values.length; a++) {
            if (use != null && !use[a]) {
                continue;
            }
            double[] f = { 1, Math.cos(anglesRad[a]), Math.sin(anglesRad[a]) };
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += f[i] * f[j];
                }
                atb[i] += f[i] * values[a];
            }
            used++;
        }
        return used < 3 ? null : solve(ata, atb, SINUSOID_MIN_PIVOT);
    }

    /**
     * Linear least squares with outliers rejected: equations whose residual lies beyond 4 robust σ (and at least
     * 0.05) are dropped and the rest refitted, up to four rounds.
     *
     * @param equations rows {@code {a_0 … a_{n−1}, observed}}
     * @param n         unknowns
     * @return the fit of the equations kept, or null if singular
     */
    public static Fit robust(List<double[]> equations, int n) {
        boolean[] use = new boolean[equations.size()];
        Arrays.fill(use, true);
        double[] solution = null;
        double[] sigma = new double[n];
        double rms = Double.NaN;
        for (int round = 0; round < ROUNDS; round++) {
            double[][] ata = new double[n][n];
            double[] atb = new double[n];
            int used = 0;
            for (int e = 0; e < use.length; e++) {
                if (use[e]) {
                    double[] q = equations.get(e);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            ata[i][j] += q[i] * q[j];
                        }
                        atb[i] += q[i] * q[n];
                    }
                    used++;
                }
            }
            solution = solve(ata, atb);
            if (solution == null) {
                return null;
            }
            double[] residuals = new double[use.length];
            double sum2 = 0;
            for (int e = 0; e < use.length; e++) {
                double[] q = equations.get(e);
                double predicted = 0;
                for (int i = 0; i < n; i++) {
                    predicted += q[i] * solution[i];
                }
                residuals[e] = q[n] - predicted;
                if (use[e]) {
                    sum2 += residuals[e] * residuals[e];
                }
            }
            double variance = sum2 / Math.max(1, used - n);
            rms = Math.sqrt(sum2 / Math.max(1, used));
            double[] diagonal = inverseDiagonal(ata);
            for (int i = 0; i < n; i++) {
                sigma[i] = Math.sqrt(Math.max(0, variance * diagonal[i]));
            }
            if (!rejectOutliers(residuals, use)) {
                break;
            }
        }
        return new Fit(solution, sigma, rms);
    }

    /**
     * Marks the residuals beyond 4 robust σ of those in use (and at least 0.05 from zero) as unused, and the others
     * as used.
     *
     * @param residuals one per equation
     * @param use       which equations are in use; updated
     * @return whether the selection changed
     */
    static boolean rejectOutliers(double[] residuals, boolean[] use) {
        double limit = Math.max(REJECTION_FLOOR, REJECTION_SIGMAS * 1.4826 * medianAbsolute(residuals, use));
        boolean changed = false;
        for (int e = 0; e < use.length; e++) {
            boolean keep = Math.abs(residuals[e]) <= limit;
            changed |= keep != use[e];
            use[e] = keep;
        }
        return changed;
    }

    /** @return the median of |value| over the values in use (the upper one of an even count), 0 for none */
    private static double medianAbsolute(double[] values, boolean[] use) {
        double[] a = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (use[i]) {
                a[n++] = Math.abs(values[i]);
            }
        }
        Arrays.sort(a, 0, n);
        return n == 0 ? 0 : a[n / 2];
    }
}
