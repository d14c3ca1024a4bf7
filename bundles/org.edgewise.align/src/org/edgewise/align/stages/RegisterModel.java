package org.edgewise.align.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link RegisterPairStage}.
 *
 * @param maxAngles at most this many evenly spaced projections are used
 */
public record RegisterModel(
        @Parameter(label = "Projections used", defaultValue = "60", min = 1, max = 100000,
                description = "At most this many evenly spaced projections enter the registration.") int maxAngles) {
}
