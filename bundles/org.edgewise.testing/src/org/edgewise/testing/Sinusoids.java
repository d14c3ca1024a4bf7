package org.edgewise.testing;

/**
 * The least-squares fit {@code values ≈ x0 + x1 cos θ + x2 sin θ}, computed independently of the production code
 * (which solves the normal equations by Cramer's rule): here by modified Gram–Schmidt orthogonalisation of the three
 * basis columns and back substitution. Used as the reference for what projections can determine of a rotation
 * centre: {@code x0} of the column jitter moves the measurable centre, {@code (x1, x2)} is a sample translation.
 * <pre>{@code
 * double measurableCentre = truth.rotationCentrePx() + Sinusoids.fit(truth.jitterColPx(), anglesDeg)[0];
 * }</pre>
 */
public final class Sinusoids {

    private Sinusoids() {
    }

    /**
     * @param values    one value per angle
     * @param anglesDeg the angles, degrees
     * @return {@code {x0, x1, x2}}
     * @throws IllegalArgumentException if the lengths differ or the angles do not determine the three terms
     */
    public static double[] fit(double[] values, double[] anglesDeg) {
        int n = values.length;
        if (anglesDeg.length != n) {
            throw new IllegalArgumentException(n + " values for " + anglesDeg.length + " angles");
        }
        double[][] q = new double[3][n];
        for (int a = 0; a < n; a++) {
            double t = Math.toRadians(anglesDeg[a]);
            q[0][a] = 1;
            q[1][a] = Math.cos(t);
            q[2][a] = Math.sin(t);
        }
        double[][] r = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < j; i++) {
                r[i][j] = dot(q[i], q[j]);
                for (int a = 0; a < n; a++) {
                    q[j][a] -= r[i][j] * q[i][a];
                }
            }
            r[j][j] = Math.sqrt(dot(q[j], q[j]));
            if (!(r[j][j] > 1e-9 * Math.sqrt(n))) {
                throw new IllegalArgumentException("the angles do not determine a constant and a sinusoid");
            }
            for (int a = 0; a < n; a++) {
                q[j][a] /= r[j][j];
            }
        }
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = dot(q[i], values);
        }
        double[] x = new double[3];
        for (int i = 2; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < 3; j++) {
                s -= r[i][j] * x[j];
            }
            x[i] = s / r[i][i];
        }
        return x;
    }

    /**
     * @param values    one value per angle
     * @param anglesDeg the angles, degrees
     * @return the values minus their fitted {@code x0 + x1 cos θ + x2 sin θ}
     */
    public static double[] residual(double[] values, double[] anglesDeg) {
        double[] x = fit(values, anglesDeg);
        double[] residual = new double[values.length];
        for (int a = 0; a < values.length; a++) {
            double t = Math.toRadians(anglesDeg[a]);
            residual[a] = values[a] - x[0] - x[1] * Math.cos(t) - x[2] * Math.sin(t);
        }
        return residual;
    }

    /** @return the root mean square of {@code a − b} */
    public static double rmsDifference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
