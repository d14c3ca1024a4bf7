package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;
import org.edgewise.segment.DepthMaps;

/**
 * Parameters of {@link DepthStage}.
 *
 * @param depthOffsetVoxels subtracted from each voxel's distance to the nearest voxel outside its hull, voxels
 *                          ({@link DepthMaps})
 */
public record DepthModel(
        @Parameter(label = "Depth offset", unit = "voxel", defaultValue = "" + DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS,
                min = -2, max = 2, description = "Subtracted from each voxel's distance to the nearest voxel outside"
                        + " the hull.") double depthOffsetVoxels) {
}
