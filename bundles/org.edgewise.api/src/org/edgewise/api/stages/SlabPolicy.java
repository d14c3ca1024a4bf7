package org.edgewise.api.stages;

/**
 * How a stage wants its inputs: all at once, or slab by slab along the stack axis (axis 0: angle for projections,
 * z for volumes, row for sinograms; see {@link DataKind}).
 * <p>
 * A slab stage must give the same result whether it sees the whole stack or consecutive slabs of it, and the runner
 * concatenates its output slabs along axis 0. Every slab except the last has a length that is a multiple of
 * {@link #multiple()} (a 2× binning stage asks for multiples of 2), so a volume larger than the heap can stream
 * through it.
 * <p>
 * The first input port decides the slabs. Other inputs with the same rank, the same first axis and the same length
 * along it are cut into the same slabs (a mask {@code [z, y, x]} next to its volume); all others are passed whole
 * with every slab (a flat field {@code [y, x]} next to projections {@code [angle, row, column]}).
 *
 * @param slabwise true if the stage may be fed slabs
 * @param multiple slab lengths (along axis 0) must be multiples of this, ≥ 1
 */
public record SlabPolicy(boolean slabwise, int multiple) implements java.io.Serializable {

    /** The stage needs each input whole (e.g. a 3-D labelling or a reconstruction that mixes all angles). */
    public static final SlabPolicy WHOLE = new SlabPolicy(false, 1);

    public SlabPolicy {
        if (multiple < 1) {
            throw new IllegalArgumentException("slab multiple must be ≥ 1, was " + multiple);
        }
    }

    /**
     * @param multiple slab lengths along axis 0 must be multiples of this (1 = any length)
     * @return a slab-by-slab policy
     */
    public static SlabPolicy slabs(int multiple) {
        return new SlabPolicy(true, multiple);
    }
}
