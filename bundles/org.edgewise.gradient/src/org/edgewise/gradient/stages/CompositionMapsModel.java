package org.edgewise.gradient.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link CompositionMapsStage}.
 *
 * @param lithium Li per formula unit in the calibration
 */
public record CompositionMapsModel(
        @Parameter(label = "Lithium", defaultValue = "1.0", min = 0, max = 2,
                description = "Li per formula unit of Li(L)TMO2 in the calibration.") double lithium) {
}
