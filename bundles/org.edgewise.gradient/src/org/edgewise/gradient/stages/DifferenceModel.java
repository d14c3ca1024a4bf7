package org.edgewise.gradient.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link DifferenceStage}.
 *
 * @param element the element whose edge the pair brackets ({@code Ni}, {@code Mn}, {@code Co}); empty = the element
 *                whose K edge lies between the two volumes' energies
 */
public record DifferenceModel(
        @Parameter(label = "Element", defaultValue = "",
                description = "Ni, Mn or Co; empty: the element whose K edge lies between the two energies.")
        String element) {
}
