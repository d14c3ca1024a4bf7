package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link OpenStage} and {@link CloseStage}.
 *
 * @param radiusUm radius of the ball, µm
 */
public record MorphologyModel(
        @Parameter(label = "Ball radius", unit = "µm", defaultValue = "0.1", min = 0, max = 100,
                description = "Radius of the Euclidean ball, µm (converted with the voxel size).") double radiusUm) {
}
