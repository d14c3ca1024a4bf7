package org.edgewise.recon;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The discrete parallel-beam projector {@code A} and its exact transpose, the back-projector {@code Aᵀ}, for
 * one {@code n × n} slice (geometry in {@link ParallelBeamGeometry}).
 * <p>
 * The model is pixel-driven linear interpolation: voxel {@code (y, x)} lands on detector position
 * {@code t = (x - (n-1)/2)·cos θ + (y - (n-1)/2)·sin θ + c_a} of projection {@code a}; {@code A} splats the voxel
 * value onto the two neighbouring columns with the linear-interpolation weights and {@code Aᵀ} reads the two
 * columns with the same weights (detector values outside {@code [0, columns-1]} are zero). Only voxels inside
 * the reconstruction circle of radius {@code n/2} about the slice centre take part; voxels outside stay zero.
 * Because both directions evaluate exactly the same positions and weights, {@code ⟨Ax, y⟩ = ⟨x, Aᵀy⟩} up to
 * floating-point rounding.
 * <p>
 * Back-projection is pixel driven with incremental addressing along {@code x}, precomputed {@code cos}/{@code sin}
 * and per-row circle bounds; both directions run in parallel (rows for {@code Aᵀ}, angles for {@code A}) on the
 * common fork-join pool unless asked to stay on the calling thread. Instances are immutable and thread safe.
 */
public final class ParallelProjector {

    /** Zero columns kept left of the detector in padded rows. */
    static final int PAD = 2;

    private final ParallelBeamGeometry geometry;
    private final int n;
    private final int columns;
    private final int stride;
    private final float[] cos;
    private final double[] sin;
    private final double[] base0;
    private final double radius2;

    /**
     * @param geometry scan geometry
     * @param size slice size {@code n} (the slice is {@code n × n})
     */
    public ParallelProjector(ParallelBeamGeometry geometry, int size) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (size < 1) {
            throw new IllegalArgumentException("slice size must be >= 1, was " + size);
        }
        this.n = size;
        this.columns = geometry.columns();
        this.stride = columns + 2 * PAD;
        int angles = geometry.angleCount();
        double[] anglesDeg = geometry.anglesDeg();
        this.cos = new float[angles];
        this.sin = new double[angles];
        this.base0 = new double[angles];
        double vc = (n - 1) / 2.0;
        for (int a = 0; a < angles; a++) {
            double rad = Math.toRadians(anglesDeg[a]);
            // keep cos exactly representable in float: the inner loops step along x in float arithmetic
            cos[a] = (float) Math.cos(rad);
            sin[a] = Math.sin(rad);
            base0[a] = geometry.centerColumn(a) + PAD - vc * cos[a];
        }
        this.radius2 = (n / 2.0) * (n / 2.0);
    }

    /** @return the geometry */
    public ParallelBeamGeometry geometry() {
        return geometry;
    }

    /** @return the slice size {@code n} */
    public int size() {
        return n;
    }

    /** @return length of one padded detector row in the internal layout */
    int stride() {
        return stride;
    }

    /**
     * Computes, for slice row {@code y} and projection {@code a}, the detector position of voxel {@code x = 0}
     * (in padded-row units) and the range of voxels that are inside the circle and project inside
     * {@code [-1, columns]}. Shared by every kernel so that all of them address exactly the same positions.
     *
     * @param out {@code out[0]} first voxel, {@code out[1]} last voxel (inclusive); empty when first &gt; last
     * @return the padded detector position of {@code x = 0}
     */
    float rowSetup(int y, int a, int[] out) {
        double vc = (n - 1) / 2.0;
        double dy = y - vc;
        double h2 = radius2 - dy * dy;
        if (h2 < 0) {
            out[0] = 0;
            out[1] = -1;
            return 0f;
        }
        double h = Math.sqrt(h2);
        double lo = Math.max(0, Math.ceil(vc - h));
        double hi = Math.min(n - 1, Math.floor(vc + h));
        double base = base0[a] + dy * sin[a];
        double cs = cos[a];
        // padded position u = base + x·cs must stay in [PAD-1, columns+PAD] (zero outside the detector)
        double uMin = PAD - 1.0;
        double uMax = columns + PAD;
        if (Math.abs(cs) < 1e-9) {
            if (base < uMin || base > uMax) {
                lo = 1;
                hi = 0;
            }
        } else {
            double xa = (uMin - base) / cs;
            double xb = (uMax - base) / cs;
            if (xa > xb) {
                double t = xa;
                xa = xb;
                xb = t;
            }
            lo = Math.max(lo, Math.ceil(xa));
            hi = Math.min(hi, Math.floor(xb));
        }
        out[0] = (int) lo;
        out[1] = (int) hi;
        return (float) base;
    }

    /**
     * Forward projection {@code A}: the sinogram of a slice.
     *
     * @param slice {@code [y, x]}, {@code n·n} values
     * @param parallel whether to use the common fork-join pool
     * @return the sinogram {@code [angle, column]}
     */
    public float[] project(float[] slice, boolean parallel) {
        checkLength(slice, n * n, "slice");
        int angles = geometry.angleCount();
        float[] padded = new float[angles * stride];
        IntStream range = IntStream.range(0, angles);
        (parallel ? range.parallel() : range).forEach(a -> projectAngle(slice, padded, a));
        float[] sino = new float[angles * columns];
        for (int a = 0; a < angles; a++) {
            System.arraycopy(padded, a * stride + PAD, sino, a * columns, columns);
        }
        return sino;
    }

    private void projectAngle(float[] slice, float[] padded, int a) {
        int[] range = new int[2];
        int off = a * stride;
        float cs = cos[a];
        for (int y = 0; y < n; y++) {
            float base = rowSetup(y, a, range);
            int row = y * n;
            for (int x = range[0]; x <= range[1]; x++) {
                float u = base + x * cs;
                int i = (int) u;
                float f = u - i;
                float v = slice[row + x];
                padded[off + i] += v - f * v;
                padded[off + i + 1] += f * v;
            }
        }
    }

    /**
     * Back-projection {@code Aᵀ} (no angular weight).
     *
     * @param sinogram {@code [angle, column]}
     * @param parallel whether to use the common fork-join pool
     * @return the slice {@code [y, x]}
     */
    public float[] backproject(float[] sinogram, boolean parallel) {
        checkLength(sinogram, geometry.angleCount() * columns, "sinogram");
        float[] padded = pad(sinogram);
        float[] slice = new float[n * n];
        backprojectPadded(padded, slice, 1f, parallel);
        return slice;
    }

    /** Copies a sinogram {@code [angle, column]} into the padded internal layout. */
    float[] pad(float[] sinogram) {
        int angles = geometry.angleCount();
        float[] padded = new float[angles * stride];
        for (int a = 0; a < angles; a++) {
            System.arraycopy(sinogram, a * columns, padded, a * stride + PAD, columns);
        }
        return padded;
    }

    /**
     * Adds {@code weight · Aᵀ q} to {@code slice}, where {@code q} is in the padded layout
     * ({@code angles × stride}, zeros in the pad columns).
     */
    void backprojectPadded(float[] padded, float[] slice, float weight, boolean parallel) {
        int block = 4;
        int blocks = (n + block - 1) / block;
        IntStream range = IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> {
            int y0 = b * block;
            int y1 = Math.min(n, y0 + block);
            float[] acc = new float[n];
            int[] xr = new int[2];
            for (int y = y0; y < y1; y++) {
                Arrays.fill(acc, 0f);
                backprojectRow(padded, y, acc, xr);
                int row = y * n;
                for (int x = 0; x < n; x++) {
                    slice[row + x] += weight * acc[x];
                }
            }
        });
    }

    private void backprojectRow(float[] q, int y, float[] acc, int[] xr) {
        int angles = cos.length;
        for (int a = 0; a < angles; a++) {
            float base = rowSetup(y, a, xr);
            float cs = cos[a];
            int off = a * stride;
            int x1 = xr[1];
            for (int x = xr[0]; x <= x1; x++) {
                float u = base + x * cs;
                int i = (int) u;
                float f = u - i;
                float q0 = q[off + i];
                acc[x] += q0 + f * (q[off + i + 1] - q0);
            }
        }
    }

    /**
     * Back-projects {@code nz} slices at once from filtered rows interleaved along z, the layout
     * {@code q[(a·stride + k)·nz + z]}, adding into {@code out[(y·n + x)·nz + z]}. Each slice sees exactly the
     * arithmetic of {@link #backprojectPadded}, so results do not depend on how slices are grouped.
     */
    void backprojectInterleaved(float[] q, int nz, float[] out, int y0, int y1) {
        int angles = cos.length;
        int[] xr = new int[2];
        for (int y = y0; y < y1; y++) {
            for (int a = 0; a < angles; a++) {
                float base = rowSetup(y, a, xr);
                float cs = cos[a];
                int off = a * stride;
                for (int x = xr[0], x1 = xr[1]; x <= x1; x++) {
                    float u = base + x * cs;
                    int i = (int) u;
                    float f = u - i;
                    int k0 = (off + i) * nz;
                    int k1 = k0 + nz;
                    int o = (y * n + x) * nz;
                    if (nz == 8) {
                        float q0 = q[k0];
                        out[o] += q0 + f * (q[k1] - q0);
                        q0 = q[k0 + 1];
                        out[o + 1] += q0 + f * (q[k1 + 1] - q0);
                        q0 = q[k0 + 2];
                        out[o + 2] += q0 + f * (q[k1 + 2] - q0);
                        q0 = q[k0 + 3];
                        out[o + 3] += q0 + f * (q[k1 + 3] - q0);
                        q0 = q[k0 + 4];
                        out[o + 4] += q0 + f * (q[k1 + 4] - q0);
                        q0 = q[k0 + 5];
                        out[o + 5] += q0 + f * (q[k1 + 5] - q0);
                        q0 = q[k0 + 6];
                        out[o + 6] += q0 + f * (q[k1 + 6] - q0);
                        q0 = q[k0 + 7];
                        out[o + 7] += q0 + f * (q[k1 + 7] - q0);
                    } else if (nz == 4) {
                        float q0 = q[k0];
                        out[o] += q0 + f * (q[k1] - q0);
                        q0 = q[k0 + 1];
                        out[o + 1] += q0 + f * (q[k1 + 1] - q0);
                        q0 = q[k0 + 2];
                        out[o + 2] += q0 + f * (q[k1 + 2] - q0);
                        q0 = q[k0 + 3];
                        out[o + 3] += q0 + f * (q[k1 + 3] - q0);
                    } else {
                        for (int z = 0; z < nz; z++) {
                            float q0 = q[k0 + z];
                            out[o + z] += q0 + f * (q[k1 + z] - q0);
                        }
                    }
                }
            }
        }
    }

    /**
     * The circle mask: {@code true} for voxels that take part in projections.
     *
     * @return {@code [y, x]} mask
     */
    public boolean[] circleMask() {
        boolean[] mask = new boolean[n * n];
        double vc = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            double dy = y - vc;
            double h2 = radius2 - dy * dy;
            if (h2 < 0) {
                continue;
            }
            double h = Math.sqrt(h2);
            int lo = (int) Math.max(0, Math.ceil(vc - h));
            int hi = (int) Math.min(n - 1, Math.floor(vc + h));
            for (int x = lo; x <= hi; x++) {
                mask[y * n + x] = true;
            }
        }
        return mask;
    }

    static void checkLength(float[] array, int expected, String what) {
        Objects.requireNonNull(array, what);
        if (array.length != expected) {
            throw new IllegalArgumentException(what + " has " + array.length + " values, expected " + expected);
        }
    }
}
