package org.edgewise.segment;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transforms of binary volumes {@code [z, y, x]} with isotropic voxels, in linear time.
 * <p>
 * The transform is separable (Felzenszwalb and Huttenlocher, "Distance transforms of sampled functions", 2012; the
 * same lower envelope of parabolas as Meijster et al. 2000): a 1-D scan along x, then the lower envelope of
 * parabolas along y and along z. All arithmetic is on integer squared distances, so the result is exact; lines are
 * processed in parallel. Memory: one {@code int} per voxel plus small per-thread buffers.
 * <pre>{@code
 * float[] d = DistanceTransforms.edt(mask, nz, ny, nx);   // distance of each set voxel to the nearest 0 voxel
 * }</pre>
 */
public final class DistanceTransforms {

    /** Squared distance of a voxel with no feature voxel anywhere in the volume. */
    public static final int INFINITE = Integer.MAX_VALUE;

    private static final int BLOCK = 64; // lines gathered together along y and z, for cache-friendly strides

    private DistanceTransforms() {
    }

    /**
     * Euclidean distance, in voxels, from every non-zero voxel to the nearest zero voxel (0 on zero voxels), like
     * SciPy's {@code distance_transform_edt}. Voxels outside the volume do not count as zero.
     *
     * @param mask flat {@code [z, y, x]}, non-zero = inside
     * @return flat distances, {@link Float#POSITIVE_INFINITY} everywhere when the mask has no zero voxel
     */
    public static float[] edt(byte[] mask, int nz, int ny, int nx) {
        float[] out = new float[mask.length];
        squared(mask, nz, ny, nx, false, out);
        return out;
    }

    /**
     * Squared Euclidean distance, in voxels², from every voxel to the nearest zero voxel of {@code mask}.
     *
     * @param mask flat {@code [z, y, x]}, non-zero = inside
     * @return flat squared distances ({@link #INFINITE} when the mask has no zero voxel)
     */
    public static int[] squaredToBackground(byte[] mask, int nz, int ny, int nx) {
        return squared(mask, nz, ny, nx, false, null);
    }

    /**
     * Squared Euclidean distance, in voxels², from every voxel to the nearest non-zero voxel of {@code mask} (the
     * transform of the complement: 0 on the set, growing outside it). Used for dilation by a ball.
     *
     * @param mask flat {@code [z, y, x]}, non-zero = the feature set
     * @return flat squared distances ({@link #INFINITE} when the mask is empty)
     */
    public static int[] squaredToForeground(byte[] mask, int nz, int ny, int nx) {
        return squared(mask, nz, ny, nx, true, null);
    }

    /** The squared transform; when {@code roots} is given, the last pass writes the square roots there instead. */
    private static int[] squared(byte[] mask, int nz, int ny, int nx, boolean featureIsNonZero, float[] roots) {
        checkShape(mask.length, nz, ny, nx);
        int[] g = new int[mask.length];
        int blocksX = (nx + BLOCK - 1) / BLOCK;
        // passes 1 and 2 plane by plane (the plane stays in cache): along x, then along y
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int y = 0; y < ny; y++) {
                rowPass(mask, g, (z * ny + y) * nx, nx, featureIsNonZero);
            }
            // along y: lines (z, ·, x), stride nx; blocks of consecutive x gathered together
            for (int x0 = 0; x0 < nx; x0 += BLOCK) {
                envelopeBlock(g, z * ny * nx + x0, nx, ny, Math.min(BLOCK, nx - x0), null);
            }
        });
        // pass 3, along z: lines (·, y, x), stride ny·nx
        IntStream.range(0, ny * blocksX).parallel().forEach(task -> {
            int y = task / blocksX;
            int x0 = (task % blocksX) * BLOCK;
            envelopeBlock(g, y * nx + x0, ny * nx, nz, Math.min(BLOCK, nx - x0), roots);
        });
        return g;
    }

    /** 1-D squared distance to the nearest feature voxel of one row along x. */
    private static void rowPass(byte[] mask, int[] g, int base, int nx, boolean featureIsNonZero) {
        int last = -1;
        for (int x = 0; x < nx; x++) {
            boolean feature = (mask[base + x] != 0) == featureIsNonZero;
            if (feature) {
                last = x;
                g[base + x] = 0;
            } else {
                g[base + x] = last < 0 ? INFINITE : x - last;
            }
        }
        last = -1;
        for (int x = nx - 1; x >= 0; x--) {
            int v = g[base + x];
            if (v == 0) {
                last = x;
            } else if (last >= 0 && (v == INFINITE || last - x < v)) {
                g[base + x] = last - x;
            }
        }
        for (int x = 0; x < nx; x++) {
            int v = g[base + x];
            if (v != INFINITE) {
                g[base + x] = v * v;
            }
        }
    }

    /** Lower envelope along {@code length} elements of {@code width} adjacent lines starting at {@code start}. */
    private static void envelopeBlock(int[] g, int start, int stride, int length, int width, float[] roots) {
        int[] column = new int[length * width];
        for (int k = 0; k < length; k++) {
            System.arraycopy(g, start + k * stride, column, k * width, width);
        }
        int[] f = new int[length];
        int[] out = new int[length];
        int[] v = new int[length];
        // z[] of Felzenszwalb–Huttenlocher as exact fractions numerator / denominator (denominator > 0)
        long[] boundary = new long[2 * (length + 1)];
        for (int w = 0; w < width; w++) {
            boolean flat = true; // all zero (background) or all absent: nothing changes
            int first = column[w];
            for (int k = 0; k < length; k++) {
                int value = column[k * width + w];
                f[k] = value;
                flat &= value == first;
            }
            if (flat && (first == 0 || first == INFINITE)) {
                continue;
            }
            envelope(f, out, v, boundary, length);
            for (int k = 0; k < length; k++) {
                column[k * width + w] = out[k];
            }
        }
        if (roots == null) {
            for (int k = 0; k < length; k++) {
                System.arraycopy(column, k * width, g, start + k * stride, width);
            }
        } else {
            for (int k = 0; k < length; k++) {
                int from = k * width;
                int to = start + k * stride;
                for (int w = 0; w < width; w++) {
                    int value = column[from + w];
                    roots[to + w] = value == INFINITE ? Float.POSITIVE_INFINITY : (float) Math.sqrt(value);
                }
            }
        }
    }

    /**
     * 1-D squared distance transform of a sampled function {@code f} (INFINITE entries are absent sites):
     * {@code out[q] = min_p (q − p)² + f[p]}, exact in integers. The envelope's breakpoints are kept as exact
     * fractions and compared by cross-multiplication: no division in the loop.
     *
     * @param boundary scratch of length ≥ 2(n + 1): numerator and denominator of each breakpoint
     */
    static void envelope(int[] f, int[] out, int[] v, long[] boundary, int n) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            int fq = f[q];
            if (fq == INFINITE) {
                continue;
            }
            long hq = (long) q * q + fq;
            long num = 0;
            long den = 1;
            while (k >= 0) {
                // the parabolas of v[k] and q intersect at s = num / den; q hides v[k] if s ≤ start of v[k]'s range
                int p = v[k];
                num = hq - ((long) p * p + f[p]);
                den = 2L * (q - p);
                if (k > 0 && num * boundary[2 * k + 1] <= boundary[2 * k] * den) {
                    k--;
                } else {
                    break;
                }
            }
            k++;
            v[k] = q;
            if (k == 0) {
                boundary[0] = -1;
                boundary[1] = 0; // −∞
            } else {
                boundary[2 * k] = num;
                boundary[2 * k + 1] = den;
            }
        }
        if (k < 0) {
            for (int q = 0; q < n; q++) {
                out[q] = INFINITE;
            }
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (j < k && boundary[2 * (j + 1)] <= (long) q * boundary[2 * (j + 1) + 1]) {
                j++;
            }
            long d = (long) (q - v[j]) * (q - v[j]) + f[v[j]];
            out[q] = d >= INFINITE ? INFINITE - 1 : (int) d;
        }
    }

    private static void checkShape(int length, int nz, int ny, int nx) {
        if (nz < 1 || ny < 1 || nx < 1 || (long) nz * ny * nx != length) {
            throw new IllegalArgumentException("shape [" + nz + ", " + ny + ", " + nx + "] does not match "
                    + length + " voxels");
        }
    }
}
