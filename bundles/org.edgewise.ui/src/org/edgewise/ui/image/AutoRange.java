package org.edgewise.ui.image;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ILazyDataset;

/**
 * The automatic display range of a stack: the 0.5th to 99.5th percentile of its values. An in-memory float stack
 * is sampled as a whole (at most {@value #MAX_SAMPLES} values, evenly strided), so the range does not change from
 * slice to slice; a stack read lazily from a file takes the range of the slice at hand.
 * <p>
 * The range of a whole stack is computed once and remembered for as long as the stack lives: the three planes of
 * an orthoslice viewer, asking at the same time, share one computation. A stack's values must therefore not change
 * while it is shown; a recomputed dataset is a new dataset.
 */
public final class AutoRange {

    /** Most values a histogram of a whole stack looks at. */
    public static final int MAX_SAMPLES = 1 << 20;

    private static final int REMEMBERED = 16;

    /** Stacks whose range is known or being computed, newest last; weak so that a closed dataset can go. */
    private static final List<Remembered> CACHE = new ArrayList<>();

    private record Remembered(WeakReference<ILazyDataset> stack, CompletableFuture<DisplayRange> range) {
    }

    private AutoRange() {
    }

    /**
     * @param stack a 3-D stack
     * @param slice a slice of it, used when the stack is not in memory
     * @return the range
     */
    public static DisplayRange of(ILazyDataset stack, FloatSlice slice) {
        if (!(stack instanceof FloatDataset floats && floats.getStrides() == null && floats.getOffset() == 0)) {
            return Histogram.autoRange(slice.values(), 1);
        }
        CompletableFuture<DisplayRange> range;
        boolean mine = false;
        synchronized (CACHE) {
            range = find(stack);
            if (range == null) {
                range = new CompletableFuture<>();
                CACHE.add(new Remembered(new WeakReference<>(stack), range));
                if (CACHE.size() > REMEMBERED) {
                    CACHE.remove(0);
                }
                mine = true;
            }
        }
        if (mine) {
            try {
                range.complete(Histogram.autoRange(sample(floats.getData()), 1));
            } catch (RuntimeException | Error e) {
                range.completeExceptionally(e);
                synchronized (CACHE) {
                    CACHE.removeIf(entry -> entry.stack().get() == stack);
                }
                throw e;
            }
        }
        return range.join();
    }

    /** Copies an evenly strided sample into one contiguous array: the histogram passes then stay in cache. */
    private static float[] sample(float[] values) {
        int stride = Math.max(1, values.length / MAX_SAMPLES);
        if (stride == 1) {
            return values;
        }
        float[] sample = new float[(values.length + stride - 1) / stride];
        for (int i = 0, j = 0; i < values.length; i += stride, j++) {
            sample[j] = values[i];
        }
        return sample;
    }

    private static CompletableFuture<DisplayRange> find(ILazyDataset stack) {
        for (Iterator<Remembered> it = CACHE.iterator(); it.hasNext();) {
            Remembered entry = it.next();
            ILazyDataset known = entry.stack().get();
            if (known == null) {
                it.remove();
            } else if (known == stack) {
                return entry.range();
            }
        }
        return null;
    }
}
