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
        return sample(row, offset, x, 0, n, n);
    }

    /**
     * Samples a line of which only a window is held: the edge of the whole line (not of the window) is extended.
     *
     * @param window values {@code [origin, origin + count)} of the line, from {@code offset}
     * @param x      position on the whole line (pixels); outside {@code [0, n−1]} the line's edge value is used
     * @param origin index on the line of the window's first value
     * @param count  values in the window
     * @param n      length of the whole line
     * @return the interpolated value
     * @throws IllegalArgumentException if a neighbour the sample needs lies outside the window
     */
    static double sample(float[] window, int offset, double x, int origin, int count, int n) {
        int b = (int) Math.floor(x);
        double t = x - b;
        double s = 0;
        double w0 = -0.5 * t * t * t + t * t - 0.5 * t;
        double w1 = 1.5 * t * t * t - 2.5 * t * t + 1;
        double w2 = -1.5 * t * t * t + 2 * t * t + 0.5 * t;
        double w3 = 0.5 * t * t * t - 0.5 * t * t;
        int first = clamp(b - 1, n) - origin;
        int last = clamp(b + 2, n) - origin;
        if (first < 0 || last >= count) {
            throw new IllegalArgumentException("sample at " + x + " needs values " + (first + origin) + ".."
                    + (last + origin) + " but the window holds " + origin + ".." + (origin + count - 1));
        }
        s += w0 * window[offset + first];
        s += w1 * window[offset + clamp(b, n) - origin];
        s += w2 * window[offset + clamp(b + 1, n) - origin];
        s += w3 * window[offset + last];
        return s;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
