package org.edgewise.recon;

import java.util.Objects;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Applies an {@link FbpFilter} to projection rows by FFT convolution (JTransforms {@code FloatFFT_1D}).
 * <p>
 * A row of {@code columns} values is padded to {@link #fftSize()}, the smallest power of two
 * {@code >= max(64, 2·columns)}, so the circular convolution with the ramp kernel does not wrap around inside
 * the detector. Use one instance per thread: it owns its FFT and work buffer.
 */
public final class SinogramFilter {

    private final int columns;
    private final int size;
    private final Padding padding;
    private final float[] gains;
    private final FloatFFT_1D fft;
    private final float[] work;

    /**
     * @param filter the filter
     * @param padding the padding mode
     * @param columns detector width in pixels
     */
    public SinogramFilter(FbpFilter filter, Padding padding, int columns) {
        Objects.requireNonNull(filter, "filter");
        this.padding = Objects.requireNonNull(padding, "padding");
        if (columns < 2) {
            throw new IllegalArgumentException("detector width must be at least 2, was " + columns);
        }
        this.columns = columns;
        this.size = fftSize(columns);
        double[] response = filter.response(size);
        this.gains = new float[response.length];
        for (int k = 0; k < response.length; k++) {
            gains[k] = (float) response[k];
        }
        this.fft = new FloatFFT_1D(size);
        this.work = new float[size];
    }

    /**
     * @param columns detector width
     * @return the padded FFT length used for that width: a power of two {@code >= max(64, 2·columns)}
     */
    public static int fftSize(int columns) {
        int n = 64;
        while (n < 2 * columns) {
            n <<= 1;
        }
        return n;
    }

    /** @return the padded FFT length */
    public int fftSize() {
        return size;
    }

    /**
     * Filters one row: reads {@code columns} values at {@code src[srcOffset + k·srcStride]} and writes the
     * filtered values to {@code dst[dstOffset + k·dstStride]}, {@code k = 0..columns-1}.
     *
     * @param src source array
     * @param srcOffset index of the first value
     * @param srcStride distance between consecutive columns in {@code src}
     * @param dst destination array (may be {@code src})
     * @param dstOffset index of the first output value
     * @param dstStride distance between consecutive columns in {@code dst}
     */
    public void filterRow(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int dstStride) {
        float[] a = work;
        for (int k = 0; k < columns; k++) {
            a[k] = src[srcOffset + k * srcStride];
        }
        if (padding == Padding.EDGE) {
            int mid = columns + (size - columns) / 2;
            float last = a[columns - 1];
            float first = a[0];
            for (int k = columns; k < mid; k++) {
                a[k] = last;
            }
            for (int k = mid; k < size; k++) {
                a[k] = first;
            }
        } else {
            for (int k = columns; k < size; k++) {
                a[k] = 0f;
            }
        }
        fft.realForward(a);
        float[] g = gains;
        a[0] *= g[0];
        a[1] *= g[size / 2];
        for (int k = 1, m = size / 2; k < m; k++) {
            a[2 * k] *= g[k];
            a[2 * k + 1] *= g[k];
        }
        fft.realInverse(a, true);
        for (int k = 0; k < columns; k++) {
            dst[dstOffset + k * dstStride] = a[k];
        }
    }
}
