package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link RemoveSmallStage}.
 *
 * @param minVolumeUm3 smallest object kept, µm³
 */
public record RemoveSmallModel(
        @Parameter(label = "Smallest volume", unit = "µm³", defaultValue = RemoveSmallModel.DEFAULT_MIN_VOLUME_UM3,
                min = 0,
                description = "26-connected objects with a smaller volume are removed, µm³.") double minVolumeUm3) {

    /** Default smallest volume, µm³ (also that of {@link ParticlesModel}). */
    public static final String DEFAULT_MIN_VOLUME_UM3 = "1";
}
