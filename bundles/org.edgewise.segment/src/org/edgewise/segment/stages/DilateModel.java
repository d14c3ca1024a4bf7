package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link DilateStage}.
 *
 * @param distanceUm how far the mask grows, µm
 */
public record DilateModel(
        @Parameter(label = "Distance", unit = "µm", defaultValue = DilateModel.DEFAULT_DISTANCE_UM, min = 0,
                max = 100,
                description = "Voxels within this Euclidean distance of the mask join it, µm.") double distanceUm) {

    /** Default growth, µm: none unless asked for (also the per-particle growth of {@link ParticlesModel}). */
    public static final String DEFAULT_DISTANCE_UM = "0";
}
