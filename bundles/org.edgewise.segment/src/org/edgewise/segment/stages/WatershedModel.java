package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link WatershedStage}.
 *
 * @param hUm marker dynamic, µm
 */
public record WatershedModel(
        @Parameter(label = "h (marker dynamic)", unit = "µm", defaultValue = WatershedModel.DEFAULT_H_UM, min = 0,
                max = 100,
                description = "A distance-map maximum seeds its own particle only if it rises this much above the saddle towards a higher one, µm.") double hUm) {

    /** Default marker dynamic, µm (also that of {@link ParticlesModel}). */
    public static final String DEFAULT_H_UM = "0.5";
}
