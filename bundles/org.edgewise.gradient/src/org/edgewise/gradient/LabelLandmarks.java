package org.edgewise.gradient;

import org.edgewise.align.Registration;
import org.edgewise.segment.Labelling;

/**
 * Registration of one element's volume to the Ni grid on the particles found by the segmentation, for when the
 * volumes' own landmarks fail (touching particles form one blob, so {@code Registration.registerVolumes} falls back
 * to gradient images, whose scale follows the contrast). Each particle's window is its label grown by a margin;
 * the intensity-weighted centre of mass of that window in the reference and in the moving volume is one landmark
 * pair (the composition changes with depth about the same centre in both, so the centres agree whatever the
 * contrast). The model is that of {@code Registration}: {@code x' = m + k·(x − m) + shift} on each axis, the scale k
 * from the separations of the landmarks (least squares), the shift from their mean.
 * <pre>{@code
 * Registration.Result r = LabelLandmarks.register(niBelow, mnBelow, labels, n, nz, ny, nx, 3, nominal);
 * }</pre>
 */
public final class LabelLandmarks {

    /** Method name in the result. */
    public static final String METHOD = "particle labels (centres of mass)";

    private LabelLandmarks() {
    }

    /**
     * @param reference     flat [z, y, x]
     * @param moving        flat, same shape
     * @param labels        particles 1..n on the reference grid
     * @param marginVoxels  growth of each label for its window (larger than the misregistration)
     * @param nominalScale  reference over moving voxel size, from the files
     * @return the registration, or null with fewer than two particles
     */
    public static Registration.Result register(float[] reference, float[] moving, int[] labels, int n, int nz, int ny,
            int nx, double marginVoxels, double nominalScale) {
        if (n < 2) {
            return null;
        }
        int[] windows = Labelling.expand(labels, nz, ny, nx, n, marginVoxels);
        double[][] ref = centres(reference, windows, n, nz, ny, nx);
        double[][] mov = centres(moving, windows, n, nz, ny, nx);
        double[] m = { (nz - 1) / 2.0, (ny - 1) / 2.0, (nx - 1) / 2.0 };
        int count = 0;
        double[] meanRef = new double[3];
        double[] meanMov = new double[3];
        for (int l = 1; l <= n; l++) {
            if (ref[l] != null && mov[l] != null) {
                count++;
                for (int a = 0; a < 3; a++) {
                    meanRef[a] += ref[l][a] - m[a];
                    meanMov[a] += mov[l][a] - m[a];
                }
            }
        }
        if (count < 2) {
            return null;
        }
        for (int a = 0; a < 3; a++) {
            meanRef[a] /= count;
            meanMov[a] /= count;
        }
        double num = 0;
        double den = 0;
        for (int l = 1; l <= n; l++) {
            if (ref[l] != null && mov[l] != null) {
                for (int a = 0; a < 3; a++) {
                    double d = ref[l][a] - m[a] - meanRef[a];
                    num += d * (mov[l][a] - m[a] - meanMov[a]);
                    den += d * d;
                }
            }
        }
        double k = num / den;
        double[] shift = new double[3];
        double sum2 = 0;
        for (int a = 0; a < 3; a++) {
            shift[a] = meanMov[a] - k * meanRef[a];
        }
        for (int l = 1; l <= n; l++) {
            if (ref[l] != null && mov[l] != null) {
                for (int a = 0; a < 3; a++) {
                    double e = mov[l][a] - m[a] - k * (ref[l][a] - m[a]) - shift[a];
                    sum2 += e * e;
                }
            }
        }
        double rms = Math.sqrt(sum2 / count);
        return new Registration.Result(k / nominalScale, nominalScale, shift, 1, 0, Double.NaN, Double.NaN,
                new double[] { Double.NaN, Double.NaN, Double.NaN }, 0, new double[2], METHOD, count, rms);
    }

    /** @return per label the intensity-weighted centre {z, y, x} of its window (negative values count as 0) */
    static double[][] centres(float[] volume, int[] windows, int n, int nz, int ny, int nx) {
        double[][] sum = new double[n + 1][4];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                for (int x = 0; x < nx; x++) {
                    int l = windows[base + x];
                    if (l <= 0) {
                        continue;
                    }
                    double w = Math.max(0, volume[base + x]);
                    sum[l][0] += w * z;
                    sum[l][1] += w * y;
                    sum[l][2] += w * x;
                    sum[l][3] += w;
                }
            }
        }
        double[][] centres = new double[n + 1][];
        for (int l = 1; l <= n; l++) {
            if (sum[l][3] > 0) {
                centres[l] = new double[] { sum[l][0] / sum[l][3], sum[l][1] / sum[l][3], sum[l][2] / sum[l][3] };
            }
        }
        return centres;
    }
}
