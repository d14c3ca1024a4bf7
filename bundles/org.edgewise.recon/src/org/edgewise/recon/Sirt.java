package org.edgewise.recon;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import org.eclipse.january.IMonitor;

/**
 * SIRT, the simultaneous iterative reconstruction technique, with the matched projector pair of
 * {@link ParallelProjector}:
 * {@code x ← x + λ·C·Aᵀ·R·(b - A·x)}, where {@code R} and {@code C} are the inverse row and column sums of
 * {@code A} (zero where a sum is zero), optionally followed by clipping to {@code x >= 0}.
 * <p>
 * Geometry, axes and units are those of {@link FilteredBackProjection}: line integrals per pixel in,
 * attenuation per voxel length out. SIRT minimises {@code ‖A·x - b‖²} in the norm weighted by {@code R}; that
 * weighted residual decreases monotonically for {@code λ <= 1} (with or without non-negativity), and
 * {@link Result} reports it per iteration together with the plain residual. Instances are immutable and thread
 * safe.
 */
public final class Sirt {

    /**
     * The outcome of one slice.
     *
     * @param slice {@code [y, x]} attenuation per voxel length
     * @param residualNorms {@code ‖b - A·x‖₂} before iteration 1, 2, ... and after the last (iterations + 1)
     * @param weightedResidualNorms {@code ‖b - A·x‖} in the {@code R}-weighted norm, same indexing
     */
    public record Result(float[] slice, double[] residualNorms, double[] weightedResidualNorms) {
    }

    private final ParallelBeamGeometry geometry;
    private final SirtOptions options;
    private final ParallelProjector projector;
    private final float[] rowWeights;
    private final float[] columnWeights;

    /**
     * @param geometry scan geometry
     * @param options iterations, relaxation, non-negativity, size
     */
    public Sirt(ParallelBeamGeometry geometry, SirtOptions options) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.options = Objects.requireNonNull(options, "options");
        this.projector = new ParallelProjector(geometry, options.sizeFor(geometry));
        int n = projector.size();
        boolean[] mask = projector.circleMask();
        float[] ones = new float[n * n];
        for (int i = 0; i < ones.length; i++) {
            ones[i] = mask[i] ? 1f : 0f;
        }
        float[] rowSums = projector.project(ones, true);
        rowWeights = new float[rowSums.length];
        for (int i = 0; i < rowSums.length; i++) {
            rowWeights[i] = rowSums[i] > 1e-6f ? 1f / rowSums[i] : 0f;
        }
        float[] raysOnes = new float[rowSums.length];
        Arrays.fill(raysOnes, 1f);
        float[] colSums = projector.backproject(raysOnes, true);
        columnWeights = new float[colSums.length];
        for (int i = 0; i < colSums.length; i++) {
            columnWeights[i] = colSums[i] > 1e-6f ? (float) options.relaxation() / colSums[i] : 0f;
        }
    }

    /** @return the slice size {@code n} */
    public int size() {
        return projector.size();
    }

    /** @return the matched projector pair used by this SIRT */
    public ParallelProjector projector() {
        return projector;
    }

    /**
     * Reconstructs one slice, using all cores for the projections.
     *
     * @param sinogram {@code [angle, column]} line integrals per pixel
     * @param monitor progress (one unit per iteration) and cancel, or {@code null}
     * @return the slice and the residual history
     * @throws CancellationException when the monitor cancels between iterations
     */
    public Result reconstructSlice(float[] sinogram, IMonitor monitor) {
        return run(sinogram, monitor, true);
    }

    /**
     * Reconstructs a slab, slices in parallel (each slice on one thread).
     *
     * @param projections {@code [angle, row, column]}
     * @param rows number of rows in the slab
     * @return {@code [z, y, x]}
     */
    public float[] reconstructSlab(float[] projections, int rows) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        ParallelProjector.checkLength(projections, angles * rows * columns, "projections");
        int n = projector.size();
        float[] out = new float[rows * n * n];
        IntStream.range(0, rows).parallel().forEach(z -> {
            float[] sino = new float[angles * columns];
            for (int a = 0; a < angles; a++) {
                System.arraycopy(projections, (a * rows + z) * columns, sino, a * columns, columns);
            }
            float[] slice = run(sino, null, false).slice();
            System.arraycopy(slice, 0, out, z * n * n, n * n);
        });
        return out;
    }

    private Result run(float[] b, IMonitor monitor, boolean parallel) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        ParallelProjector.checkLength(b, angles * columns, "sinogram");
        int n = projector.size();
        int iterations = options.iterations();
        float[] x = new float[n * n];
        double[] norms = new double[iterations + 1];
        double[] weighted = new double[iterations + 1];
        float[] r = new float[b.length];
        for (int it = 0; it <= iterations; it++) {
            float[] ax = projector.project(x, parallel);
            double sum = 0;
            double wsum = 0;
            for (int i = 0; i < r.length; i++) {
                float d = b[i] - ax[i];
                sum += (double) d * d;
                wsum += (double) d * d * rowWeights[i];
                r[i] = d * rowWeights[i];
            }
            norms[it] = Math.sqrt(sum);
            weighted[it] = Math.sqrt(wsum);
            if (it == iterations) {
                break;
            }
            if (monitor != null) {
                if (monitor.isCancelled()) {
                    throw new CancellationException("SIRT cancelled after " + it + " iterations");
                }
                monitor.worked(1);
            }
            float[] update = projector.backproject(r, parallel);
            boolean clip = options.nonNegative();
            for (int i = 0; i < x.length; i++) {
                float v = x[i] + columnWeights[i] * update[i];
                x[i] = clip && v < 0 ? 0f : v;
            }
        }
        return new Result(x, norms, weighted);
    }
}
