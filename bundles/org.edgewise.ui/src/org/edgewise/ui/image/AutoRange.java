package org.edgewise.ui.image;

import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ILazyDataset;

/**
 * The automatic display range of a stack: the 0.5th to 99.5th percentile of its values. An in-memory float stack
 * is sampled as a whole (at most {@value #MAX_SAMPLES} values, evenly strided), so the range does not change from
 * slice to slice; a stack read lazily from a file takes the range of the slice at hand.
 */
public final class AutoRange {

    /** Most values a histogram of a whole stack looks at. */
    public static final int MAX_SAMPLES = 1 << 22;

    private AutoRange() {
    }

    /**
     * @param stack a 3-D stack
     * @param slice a slice of it, used when the stack is not in memory
     * @return the range
     */
    public static DisplayRange of(ILazyDataset stack, FloatSlice slice) {
        if (stack instanceof FloatDataset floats && floats.getStrides() == null && floats.getOffset() == 0) {
            float[] values = floats.getData();
            return Histogram.autoRange(values, Math.max(1, values.length / MAX_SAMPLES));
        }
        return Histogram.autoRange(slice.values(), 1);
    }
}
