package org.edgewise.recon;

/** How a projection row is extended to the FFT length before filtering. */
public enum Padding {
    /** Zeros beyond the detector (right for a sample that fits inside the field of view). */
    ZERO,
    /**
     * The edge values: the right part of the padding repeats the last column, the left part (which wraps around
     * in the circular convolution) the first column. Suppresses cupping for a sample wider than the field of
     * view (local tomography).
     */
    EDGE
}
