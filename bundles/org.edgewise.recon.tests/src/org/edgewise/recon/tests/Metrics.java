package org.edgewise.recon.tests;

/** Error measures over slices {@code [y, x]} for the reconstruction tests. */
final class Metrics {

    private Metrics() {
    }

    /** Mean over voxels whose centre lies within {@code radius} of {@code (cx, cy)} (voxels from the centre). */
    static double meanInDisc(float[] slice, int n, double cx, double cy, double radius) {
        double vc = (n - 1) / 2.0;
        double sum = 0;
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - vc - cx;
                double dy = y - vc - cy;
                if (dx * dx + dy * dy <= radius * radius) {
                    sum += slice[y * n + x];
                    count++;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("empty region");
        }
        return sum / count;
    }

    /** Largest relative deviation from {@code truth} over the disc. */
    static double maxRelativeErrorInDisc(float[] slice, int n, double cx, double cy, double radius, double truth) {
        double vc = (n - 1) / 2.0;
        double worst = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - vc - cx;
                double dy = y - vc - cy;
                if (dx * dx + dy * dy <= radius * radius) {
                    worst = Math.max(worst, Math.abs(slice[y * n + x] - truth) / Math.abs(truth));
                }
            }
        }
        return worst;
    }

    /** RMS of {@code a - b} over voxels within {@code radius} of the slice centre. */
    static double rmsInCircle(float[] a, float[] b, int n, double radius) {
        double vc = (n - 1) / 2.0;
        double sum = 0;
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - vc;
                double dy = y - vc;
                if (dx * dx + dy * dy <= radius * radius) {
                    double d = a[y * n + x] - b[y * n + x];
                    sum += d * d;
                    count++;
                }
            }
        }
        return Math.sqrt(sum / count);
    }

    /** RMS of {@code a} over voxels within {@code radius} of the slice centre. */
    static double rmsInCircle(float[] a, int n, double radius) {
        return rmsInCircle(a, new float[a.length], n, radius);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }
}
