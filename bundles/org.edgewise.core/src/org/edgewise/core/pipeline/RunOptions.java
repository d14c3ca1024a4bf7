package org.edgewise.core.pipeline;

/**
 * How a run uses memory.
 *
 * @param slabLength slab length along axis 0 for slab stages; 0 = chosen from {@code heapBytes}
 * @param heapBytes  the heap the run may plan with, normally {@code Runtime.getRuntime().maxMemory()}
 */
public record RunOptions(int slabLength, long heapBytes) {

    public RunOptions {
        if (slabLength < 0 || heapBytes <= 0) {
            throw new IllegalArgumentException("slab length must be ≥ 0 and heap > 0, were " + slabLength + ", "
                    + heapBytes);
        }
    }

    /** @return automatic slab length from this JVM's maximum heap */
    public static RunOptions defaults() {
        return new RunOptions(0, Runtime.getRuntime().maxMemory());
    }

    /** @param length a fixed slab length along axis 0 @return options with it */
    public static RunOptions slabLength(int length) {
        return new RunOptions(length, Runtime.getRuntime().maxMemory());
    }
}
