package org.edgewise.recon;

import java.util.Objects;

/**
 * Options of filtered back-projection.
 *
 * @param filter reconstruction filter
 * @param padding how projection rows are extended to the FFT length
 * @param size reconstruction size {@code n} of an {@code n × n} slice, or {@code 0} for the detector width
 */
public record FbpOptions(FbpFilter filter, Padding padding, int size) {

    /** Ramp filter, zero padding, slice as wide as the detector. */
    public static final FbpOptions DEFAULT = new FbpOptions(FbpFilter.RAMP, Padding.ZERO, 0);

    /** Validates the options. */
    public FbpOptions {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(padding, "padding");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 (0 = detector width), was " + size);
        }
    }

    /**
     * @param newFilter filter
     * @return a copy with another filter
     */
    public FbpOptions withFilter(FbpFilter newFilter) {
        return new FbpOptions(newFilter, padding, size);
    }

    /**
     * @param newPadding padding
     * @return a copy with another padding
     */
    public FbpOptions withPadding(Padding newPadding) {
        return new FbpOptions(filter, newPadding, size);
    }

    /**
     * @param newSize slice size, 0 for the detector width
     * @return a copy with another slice size
     */
    public FbpOptions withSize(int newSize) {
        return new FbpOptions(filter, padding, newSize);
    }

    /**
     * @param geometry the scan geometry
     * @return the slice size this reconstruction produces
     */
    public int sizeFor(ParallelBeamGeometry geometry) {
        return size == 0 ? geometry.columns() : size;
    }
}
