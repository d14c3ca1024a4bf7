package org.edgewise.align;

/** Keys cubic convolution (a = −0.5): weights and their derivatives for the four neighbours of a sample. */
final class Cubic {

    private Cubic() {
    }

    /**
     * @param t fractional position in [0, 1) after the second of the four samples {@code b−1, b, b+1, b+2}
     * @param w the four weights (sum to 1)
     * @param d the four derivative weights d/dt
     */
    static void weights(double t, double[] w, double[] d) {
        double t2 = t * t;
        double t3 = t2 * t;
        w[0] = -0.5 * t3 + t2 - 0.5 * t;
        w[1] = 1.5 * t3 - 2.5 * t2 + 1;
        w[2] = -1.5 * t3 + 2 * t2 + 0.5 * t;
        w[3] = 0.5 * t3 - 0.5 * t2;
        d[0] = -1.5 * t2 + 2 * t - 0.5;
        d[1] = 4.5 * t2 - 5 * t;
        d[2] = -4.5 * t2 + 4 * t + 0.5;
        d[3] = 1.5 * t2 - t;
    }

    /**
     * @param row values along one line
     * @param x   position (pixels); outside {@code [0, n−1]} the edge value is used
     * @return the interpolated value
     */
    static double sample(float[] row, int offset, int n, double x) {
        int b = (int) Math.floor(x);
        double t = x - b;
        double s = 0;
        double w0 = -0.5 * t * t * t + t * t - 0.5 * t;
        double w1 = 1.5 * t * t * t - 2.5 * t * t + 1;
        double w2 = -1.5 * t * t * t + 2 * t * t + 0.5 * t;
        double w3 = 0.5 * t * t * t - 0.5 * t * t;
        s += w0 * row[offset + clamp(b - 1, n)];
        s += w1 * row[offset + clamp(b, n)];
        s += w2 * row[offset + clamp(b + 1, n)];
        s += w3 * row[offset + clamp(b + 2, n)];
        return s;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
