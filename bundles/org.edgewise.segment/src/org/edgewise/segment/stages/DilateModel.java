package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link DilateStage}.
 *
 * @param distanceUm how far the mask grows, µm
 */
public record DilateModel(
        @Parameter(label = "Distance", unit = "µm", defaultValue = "0.1", min = 0, max = 100,
                description = "Voxels within this Euclidean distance of the mask join it, µm.") double distanceUm) {
}
