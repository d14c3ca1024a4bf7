package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link OpenStage} and {@link CloseStage}.
 *
 * @param radiusUm radius of the ball, µm
 */
public record MorphologyModel(
        @Parameter(label = "Ball radius", unit = "µm", defaultValue = MorphologyModel.DEFAULT_RADIUS_UM, min = 0,
                max = 100,
                description = "Radius of the Euclidean ball, µm (converted with the voxel size).") double radiusUm) {

    /** Default ball radius, µm (also the opening of {@link ParticlesModel}). */
    public static final String DEFAULT_RADIUS_UM = "0.1";
}
