package org.edgewise.core.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link MinusLogStage}.
 *
 * @param floor transmissions below this are clipped to it before the logarithm, so that zero or negative
 *              values (noise after flat/dark correction) give a finite line integral of at most −ln(floor)
 */
public record MinusLogModel(
        @Parameter(label = "Transmission floor", defaultValue = "1e-6", min = 1e-12, max = 1,
                description = "Transmissions below this are clipped to it before the logarithm (dimensionless).")
        double floor) {
}
