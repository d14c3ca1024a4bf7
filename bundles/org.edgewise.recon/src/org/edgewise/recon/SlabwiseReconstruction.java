package org.edgewise.recon;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;

/**
 * Reconstructs a volume slab by slab: reads {@code slabRows} detector rows from a {@link ProjectionSource},
 * optionally removes stripes, reconstructs them and hands the slab to a {@link VolumeSink}. Memory is bounded by
 * one projection slab plus one volume slab (plus the method's work arrays), whatever the volume size. Progress
 * is one {@link IMonitor#worked(int)} unit per slab; cancellation is checked between slabs. Slices are
 * independent, so the result does not depend on {@code slabRows}.
 */
public final class SlabwiseReconstruction {

    private final SlabReconstructor method;
    private final RingRemoval ringRemoval;
    private final int slabRows;

    /**
     * @param method the per-slab reconstruction
     * @param ringRemoval stripe suppression applied to each slab before reconstruction, or {@code null}
     * @param slabRows rows per slab, {@code >= 1}
     */
    public SlabwiseReconstruction(SlabReconstructor method, RingRemoval ringRemoval, int slabRows) {
        this.method = Objects.requireNonNull(method, "method");
        if (slabRows < 1) {
            throw new IllegalArgumentException("slab must have at least one row, was " + slabRows);
        }
        this.ringRemoval = ringRemoval;
        this.slabRows = slabRows;
    }

    /**
     * A slab height that keeps one projection slab plus one volume slab within a memory budget.
     *
     * @param angles number of projections
     * @param columns detector width
     * @param size slice size
     * @param budgetBytes memory for the two slabs
     * @return rows per slab, at least 1, a multiple of 8 when possible
     */
    public static int slabRowsFor(int angles, int columns, int size, long budgetBytes) {
        long perRow = 4L * ((long) angles * columns * 2 + (long) size * size * 2);
        long rows = Math.max(1, budgetBytes / perRow);
        return (int) Math.min(Integer.MAX_VALUE, rows >= 8 ? rows / 8 * 8 : rows);
    }

    /** @return rows per slab */
    public int slabRows() {
        return slabRows;
    }

    /**
     * Runs the reconstruction.
     *
     * @param source the projections
     * @param sink receives the slabs in order
     * @param monitor progress and cancel, or {@code null}
     * @throws IOException from the source or the sink
     * @throws CancellationException when the monitor cancels (between slabs)
     */
    public void run(ProjectionSource source, VolumeSink sink, IMonitor monitor) throws IOException {
        int rows = source.rows();
        int slabs = (rows + slabRows - 1) / slabRows;
        for (int s = 0; s < slabs; s++) {
            if (monitor != null && monitor.isCancelled()) {
                throw new CancellationException("reconstruction cancelled before slab " + (s + 1) + " of " + slabs);
            }
            int z0 = s * slabRows;
            int count = Math.min(slabRows, rows - z0);
            if (monitor != null) {
                monitor.subTask("slab " + (s + 1) + "/" + slabs + ": slices " + z0 + "-" + (z0 + count - 1));
            }
            float[] projections = source.read(z0, count);
            if (ringRemoval != null) {
                ringRemoval.applyToSlab(projections, source.angleCount(), count, source.columns());
            }
            float[] slab = method.reconstructSlab(projections, count);
            sink.write(z0, count, method.size(), slab);
            if (monitor != null) {
                monitor.worked(1);
            }
        }
    }
}
