package org.edgewise.align.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link NormaliseStage}; see {@link org.edgewise.align.NormalisationOptions}.
 *
 * @param transmissionFloor corrected transmissions below this are clamped to it (and counted)
 * @param zingerSigma       outlier threshold in Poisson standard deviations beyond the 8 neighbours; 0 = off
 */
public record NormaliseModel(
        @Parameter(label = "Transmission floor", defaultValue = "1e-6", min = 1e-12, max = 0.5,
                description = "Flat/dark-corrected transmissions below this (or non-finite) are clamped to it and"
                        + " counted (dimensionless).")
        double transmissionFloor,
        @Parameter(label = "Zinger threshold", unit = "σ", defaultValue = "8", min = 0, max = 1000,
                description = "A pixel this many Poisson σ above the brightest (or below the darkest) of its 8"
                        + " neighbours is replaced by their median; 0 disables.")
        double zingerSigma) {
}
