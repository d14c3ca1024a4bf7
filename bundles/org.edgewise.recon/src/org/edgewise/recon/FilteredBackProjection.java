package org.edgewise.recon;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Filtered back-projection for parallel beam (geometry and axes in {@link ParallelBeamGeometry}).
 * <p>
 * Each projection row is filtered with {@link SinogramFilter} (FFT, padding to a power of two
 * {@code >= 2·columns}) and back-projected by {@link ParallelProjector}'s pixel-driven kernel with linear
 * interpolation; the rotation centre and per-projection shifts are applied on the fly. The result is scaled by
 * {@code π / angleCount}, which assumes the angles are evenly spaced over 180° or 360°.
 * <p>
 * <b>Units.</b> The input is line integrals per pixel ({@code -ln} of the transmission); the output is the linear
 * attenuation coefficient per voxel length. Divide by the pixel size to get physical units
 * ({@link Reconstructions#toAttenuationPerUm}: μ in 1/µm when the pixel size is in µm).
 * <p>
 * A single slice is split into row blocks and a slab into groups of slices, all on the common fork-join pool.
 * In a slab every group of {@value #GROUP} slices shares the per-voxel detector address, which is computed once
 * for all the slices of the group; in a single slice, projections related by the symmetries of the square grid
 * share it ({@link #reconstructSlice}). Each slice of a slab goes through exactly the arithmetic of
 * {@link #reconstructSliceDirect}, whatever the slab height, so slab-wise and whole-volume reconstructions agree
 * bit for bit. Instances are immutable and thread safe.
 */
public final class FilteredBackProjection {

    /** Slices back-projected together in a slab (they share the detector addressing). */
    static final int GROUP = 8;

    private final ParallelBeamGeometry geometry;
    private final FbpOptions options;
    private final ParallelProjector projector;
    private final float weight;
    private final SymmetryPlan plan;
    private final ParallelProjector baseProjector;

    /**
     * @param geometry scan geometry
     * @param options filter, padding and slice size
     */
    public FilteredBackProjection(ParallelBeamGeometry geometry, FbpOptions options) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.options = Objects.requireNonNull(options, "options");
        this.projector = new ParallelProjector(geometry, options.sizeFor(geometry));
        this.weight = (float) (Math.PI / geometry.angleCount());
        this.plan = SymmetryPlan.of(geometry);
        this.baseProjector = plan == null ? null
                : new ParallelProjector(
                        new ParallelBeamGeometry(plan.baseAnglesDeg, geometry.columns(), geometry.centerColumn(), null),
                        projector.size());
    }

    /** @return the geometry */
    public ParallelBeamGeometry geometry() {
        return geometry;
    }

    /** @return the options */
    public FbpOptions options() {
        return options;
    }

    /** @return the slice size {@code n} of the {@code n × n} output */
    public int size() {
        return projector.size();
    }

    /**
     * Reconstructs one slice. When the angles are symmetric under the square grid's symmetries (for example
     * evenly spaced sets whose count is a multiple of 4) and there are no per-projection shifts, several
     * projections share one detector address ({@link SymmetryPlan}), two to three times faster than
     * {@link #reconstructSliceDirect}; the two agree up to float rounding (another summation order).
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @return the slice {@code [y, x]}, attenuation per voxel length, zero outside the reconstruction circle
     */
    public float[] reconstructSlice(float[] sinogram) {
        return plan == null ? reconstructSliceDirect(sinogram) : reconstructSliceSymmetric(sinogram);
    }

    /** @return whether {@link #reconstructSlice} uses the grid-symmetry path for this geometry */
    public boolean usesGridSymmetry() {
        return plan != null;
    }

    /**
     * Reconstructs one slice projection by projection, with exactly the arithmetic of a slice in
     * {@link #reconstructSlab} (the reference path).
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @return the slice {@code [y, x]}, attenuation per voxel length, zero outside the reconstruction circle
     */
    public float[] reconstructSliceDirect(float[] sinogram) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        ParallelProjector.checkLength(sinogram, angles * columns, "sinogram");
        int stride = projector.stride();
        float[] q = new float[angles * stride];
        int chunk = 16;
        IntStream.range(0, (angles + chunk - 1) / chunk).parallel().forEach(c -> {
            SinogramFilter filter = new SinogramFilter(options.filter(), options.padding(), columns);
            for (int a = c * chunk, end = Math.min(angles, a + chunk); a < end; a++) {
                filter.filterRow(sinogram, a * columns, 1, q, a * stride + ParallelProjector.PAD, 1);
            }
        });
        int n = projector.size();
        float[] slice = new float[n * n];
        projector.backprojectPadded(q, slice, weight, true);
        return slice;
    }

    private float[] reconstructSliceSymmetric(float[] sinogram) {
        int columns = geometry.columns();
        ParallelProjector.checkLength(sinogram, geometry.angleCount() * columns, "sinogram");
        int slots = plan.slots;
        int stride = baseProjector.stride();
        int bases = plan.baseAnglesDeg.length;
        float[] q = new float[bases * stride * slots];
        int chunk = 8;
        IntStream.range(0, (bases + chunk - 1) / chunk).parallel().forEach(c -> {
            SinogramFilter filter = new SinogramFilter(options.filter(), options.padding(), columns);
            for (int b = c * chunk, end = Math.min(bases, b + chunk); b < end; b++) {
                for (int s = 0; s < slots; s++) {
                    int k = plan.member[b][s];
                    if (k >= 0) {
                        filter.filterRow(sinogram, k * columns, 1, q, (b * stride + ParallelProjector.PAD) * slots + s,
                                slots);
                    }
                }
            }
        });
        int n = projector.size();
        float[] acc = new float[n * n * slots];
        int block = 4;
        int blocks = (n + block - 1) / block;
        IntStream.range(0, blocks).parallel()
                .forEach(b -> baseProjector.backprojectInterleaved(q, slots, acc, b * block, Math.min(n, b * block + block)));
        float[] slice = new float[n * n];
        IntStream.range(0, blocks).parallel()
                .forEach(b -> plan.combine(acc, n, weight, slice, b * block, Math.min(n, b * block + block)));
        return slice;
    }

    /**
     * Reconstructs a slab of consecutive slices.
     *
     * @param projections {@code [angle, row, column]} line integrals per pixel for {@code rows} detector rows
     * @param rows number of rows (slices) in the slab
     * @return the slab {@code [z, y, x]} with {@code z = 0..rows-1}
     */
    public float[] reconstructSlab(float[] projections, int rows) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        ParallelProjector.checkLength(projections, angles * rows * columns, "projections");
        int n = projector.size();
        float[] out = new float[rows * n * n];
        for (int z0 = 0; z0 < rows; z0 += GROUP) {
            reconstructGroup(projections, rows, z0, Math.min(GROUP, rows - z0), out);
        }
        return out;
    }

    private void reconstructGroup(float[] projections, int rows, int z0, int nz, float[] out) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        int stride = projector.stride();
        int n = projector.size();
        float[] q = new float[angles * stride * nz];
        int chunk = 8;
        IntStream.range(0, (angles + chunk - 1) / chunk).parallel().forEach(c -> {
            SinogramFilter filter = new SinogramFilter(options.filter(), options.padding(), columns);
            for (int a = c * chunk, end = Math.min(angles, a + chunk); a < end; a++) {
                for (int z = 0; z < nz; z++) {
                    filter.filterRow(projections, (a * rows + z0 + z) * columns, 1, q,
                            (a * stride + ParallelProjector.PAD) * nz + z, nz);
                }
            }
        });
        float[] acc = new float[n * n * nz];
        int block = 4;
        IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
            int y0 = b * block;
            int y1 = Math.min(n, y0 + block);
            projector.backprojectInterleaved(q, nz, acc, y0, y1);
            for (int z = 0; z < nz; z++) {
                int dst = (z0 + z) * n * n;
                for (int y = y0; y < y1; y++) {
                    for (int x = 0; x < n; x++) {
                        out[dst + y * n + x] = weight * acc[(y * n + x) * nz + z];
                    }
                }
            }
        });
    }
}
