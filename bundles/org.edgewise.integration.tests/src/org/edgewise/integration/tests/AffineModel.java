package org.edgewise.integration.tests;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link AffineStage}.
 *
 * @param gain   multiplier
 * @param offset added after the multiplication, in the unit of the values
 */
public record AffineModel(
        @Parameter(label = "Gain", defaultValue = "1", min = -100, max = 100) double gain,
        @Parameter(label = "Offset", defaultValue = "0") double offset) {
}
