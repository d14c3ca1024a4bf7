package org.edgewise.align;

/**
 * Settings of {@link Normalisation}.
 *
 * @param transmissionFloor flat/dark-corrected transmissions below this (zero, negative or non-finite values are
 *                          non-physical) are clamped to it and counted, so every line integral is finite and at most
 *                          {@code −ln(transmissionFloor)}; in (0, 1)
 * @param zingerSigma       a projection pixel whose counts lie more than this many Poisson standard deviations above
 *                          the largest (or below the smallest) of its 8 neighbours is an outlier (zinger, dead pixel)
 *                          and is replaced by the median of its neighbours; 0 disables the filter
 */
public record NormalisationOptions(double transmissionFloor, double zingerSigma) {

    /** Floor 1e-6, zinger threshold 8 σ. */
    public static final NormalisationOptions DEFAULTS = new NormalisationOptions(1e-6, 8);

    public NormalisationOptions {
        if (!(transmissionFloor > 0 && transmissionFloor < 1)) {
            throw new IllegalArgumentException("transmission floor must lie in (0, 1), was " + transmissionFloor);
        }
        if (!(zingerSigma >= 0) || Double.isInfinite(zingerSigma)) {
            throw new IllegalArgumentException("zinger threshold must be ≥ 0 σ (0 = off), was " + zingerSigma);
        }
    }
}
