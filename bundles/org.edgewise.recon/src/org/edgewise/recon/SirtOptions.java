package org.edgewise.recon;

/**
 * Options of {@link Sirt}.
 *
 * @param iterations number of iterations, {@code >= 1}
 * @param relaxation relaxation factor λ, {@code 0 < λ < 2} (1 is the classic SIRT step)
 * @param nonNegative whether to clip negative voxels to zero after every iteration
 * @param size slice size {@code n}, or {@code 0} for the detector width
 */
public record SirtOptions(int iterations, double relaxation, boolean nonNegative, int size) {

    /** 100 iterations, λ = 1, non-negative, slice as wide as the detector. */
    public static final SirtOptions DEFAULT = new SirtOptions(100, 1.0, true, 0);

    /** Validates the options. */
    public SirtOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        if (!(relaxation > 0 && relaxation < 2)) {
            throw new IllegalArgumentException("relaxation must be in (0, 2), was " + relaxation);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 (0 = detector width), was " + size);
        }
    }

    /**
     * @param geometry the scan geometry
     * @return the slice size this reconstruction produces
     */
    public int sizeFor(ParallelBeamGeometry geometry) {
        return size == 0 ? geometry.columns() : size;
    }
}
