package org.edgewise.gradient.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link HullDepthStage}: where depth zero lies ({@link org.edgewise.gradient.HullDepths}).
 *
 * @param surfaceLevel      share of the way from background to material where the surface lies; 0 = the labels
 *                          as given
 * @param dilateUm          growth of each particle before its hull is taken, µm
 * @param depthOffsetVoxels subtracted from the distance to the nearest voxel outside the hull, voxels
 */
public record HullDepthModel(
        @Parameter(label = "Surface level", defaultValue = "0.5", min = 0, max = 0.99,
                description = "Surface at background + level·(material − background); 0 keeps the labels.")
        double surfaceLevel,
        @Parameter(label = "Dilation", unit = "µm", defaultValue = "0", min = 0, max = 10,
                description = "Growth of each particle before its hull is taken.") double dilateUm,
        @Parameter(label = "Depth offset", unit = "voxel", defaultValue = "0.5", min = -2, max = 2,
                description = "Subtracted from the distance to the nearest voxel outside the hull.")
        double depthOffsetVoxels) {

    /** @return the facade's settings */
    org.edgewise.gradient.HullDepths.Settings settings() {
        return new org.edgewise.gradient.HullDepths.Settings(surfaceLevel > 0 ? surfaceLevel : Double.NaN, dilateUm,
                depthOffsetVoxels);
    }
}
