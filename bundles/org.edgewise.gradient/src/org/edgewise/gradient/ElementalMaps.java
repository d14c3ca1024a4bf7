package org.edgewise.gradient;

import java.util.stream.IntStream;

/**
 * Elemental volumes on one grid: resampling a volume by a registration, the differential volume Δμ of an energy
 * pair and the per-voxel ratio and fraction maps with their uncertainty.
 * <p>
 * Resampling follows the registration model of {@code org.edgewise.align.Registration}: a point at reference voxel
 * {@code p} appears in the moving volume at {@code m + k·(p − m) + shift} on each axis ({@code m = (n − 1)/2},
 * {@code k} the total scale); values are sampled with separable Keys cubic convolution (a = −0.5), which keeps the
 * edge sharper than linear interpolation, so the resampled elements are not blurred more than the one left alone.
 * <pre>{@code
 * float[] onNiGrid = ElementalMaps.resample(mnBelow, nz, ny, nx, new double[] { dz, dy, dx }, k);
 * float[] deltaMu = ElementalMaps.difference(above, below);
 * }</pre>
 */
public final class ElementalMaps {

    private ElementalMaps() {
    }

    /**
     * @param volume  flat [z, y, x]
     * @param shiftPx shift (z, y, x), voxels of the moving volume
     * @param scale   total scale k (moving voxels per reference voxel)
     * @return the volume sampled on the reference grid, flat [z, y, x] (edge values beyond the volume)
     */
    public static float[] resample(float[] volume, int nz, int ny, int nx, double[] shiftPx, double scale) {
        float[] x = new float[volume.length];
        float[] y = new float[volume.length];
        float[] z = new float[volume.length];
        // along x
        IntStream.range(0, nz * ny).parallel().forEach(line -> {
            int base = line * nx;
            double m = (nx - 1) / 2.0;
            for (int i = 0; i < nx; i++) {
                x[base + i] = (float) sample(volume, base, 1, nx, m + scale * (i - m) + shiftPx[2]);
            }
        });
        // along y
        IntStream.range(0, nz).parallel().forEach(zz -> {
            double m = (ny - 1) / 2.0;
            for (int xx = 0; xx < nx; xx++) {
                int base = zz * ny * nx + xx;
                for (int i = 0; i < ny; i++) {
                    y[base + i * nx] = (float) sample(x, base, nx, ny, m + scale * (i - m) + shiftPx[1]);
                }
            }
        });
        // along z
        IntStream.range(0, ny).parallel().forEach(yy -> {
            double m = (nz - 1) / 2.0;
            for (int xx = 0; xx < nx; xx++) {
                int base = yy * nx + xx;
                for (int i = 0; i < nz; i++) {
                    z[base + i * ny * nx] = (float) sample(y, base, ny * nx, nz, m + scale * (i - m) + shiftPx[0]);
                }
            }
        });
        return z;
    }

    /** Keys cubic sample of a strided line at a fractional position; edge values beyond it. */
    static double sample(float[] v, int offset, int stride, int n, double position) {
        int b = (int) Math.floor(position);
        double t = position - b;
        double t2 = t * t;
        double t3 = t2 * t;
        double w0 = -0.5 * t3 + t2 - 0.5 * t;
        double w1 = 1.5 * t3 - 2.5 * t2 + 1;
        double w2 = -1.5 * t3 + 2 * t2 + 0.5 * t;
        double w3 = 0.5 * t3 - 0.5 * t2;
        return w0 * v[offset + stride * clamp(b - 1, n)] + w1 * v[offset + stride * clamp(b, n)]
                + w2 * v[offset + stride * clamp(b + 1, n)] + w3 * v[offset + stride * clamp(b + 2, n)];
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /**
     * @return {@code above − below} voxel by voxel, 1/µm
     * @throws IllegalArgumentException if the sizes differ
     */
    public static float[] difference(float[] above, float[] below) {
        if (above.length != below.length) {
            throw new IllegalArgumentException("the two volumes of a pair differ in size: " + above.length + " and "
                    + below.length + " voxels");
        }
        float[] d = new float[above.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = above[i] - below[i];
        }
        return d;
    }

    /**
     * Per-voxel ratio (the paper's Eq. 1) or calibrated fraction maps with their 1σ uncertainty, inside a mask.
     *
     * @param deltaMu     three flat Δμ volumes by {@code Element.ordinal()}, 1/µm
     * @param inside      flat: voxels to map (non-zero), e.g. the hulls; NaN elsewhere
     * @param noiseSd     per-voxel noise σ of each Δμ, 1/µm, by {@code Element.ordinal()}
     * @param calibration null for the ratio, otherwise the calibration of the fraction
     * @return {@code [value by element, σ by element]}: six flat volumes (0..2 values, 3..5 σ)
     */
    public static float[][] composition(float[][] deltaMu, int[] inside, double[] noiseSd, Calibration calibration) {
        int size = inside.length;
        float[][] out = new float[6][size];
        double[][] cov = new double[3][3];
        for (int e = 0; e < 3; e++) {
            cov[e][e] = noiseSd[e] * noiseSd[e];
        }
        IntStream.range(0, size).parallel().forEach(i -> {
            if (inside[i] == 0) {
                for (int k = 0; k < 6; k++) {
                    out[k][i] = Float.NaN;
                }
                return;
            }
            double[] d = { deltaMu[0][i], deltaMu[1][i], deltaMu[2][i] };
            double[] v = calibration == null ? Calibration.ratios(d) : calibration.fractions(d);
            double[][] c = calibration == null ? Calibration.ratioCovariance(d, cov)
                    : calibration.fractionCovariance(d, cov);
            for (int e = 0; e < 3; e++) {
                out[e][i] = (float) v[e];
                out[3 + e][i] = (float) Math.sqrt(Math.max(0, c[e][e]));
            }
        });
        return out;
    }

    /**
     * Per-voxel noise of a differential volume: the robust σ (1.4826 × median absolute deviation from the median) of
     * the voxels outside every hull, where Δμ is zero but for noise.
     *
     * @param deltaMu flat Δμ, 1/µm
     * @param hulls   flat: non-zero inside a particle's hull
     * @return σ, 1/µm; NaN when no voxel lies outside
     */
    public static double backgroundNoise(float[] deltaMu, int[] hulls) {
        int outside = 0;
        for (int h : hulls) {
            if (h == 0) {
                outside++;
            }
        }
        if (outside == 0) {
            return Double.NaN;
        }
        float[] v = new float[outside];
        int k = 0;
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] == 0) {
                v[k++] = deltaMu[i];
            }
        }
        java.util.Arrays.sort(v);
        double median = v[v.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.abs(v[i] - median);
        }
        java.util.Arrays.sort(v);
        return 1.4826 * v[v.length / 2];
    }
}
