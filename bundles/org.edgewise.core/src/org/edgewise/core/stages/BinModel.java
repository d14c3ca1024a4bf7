package org.edgewise.core.stages;

import org.edgewise.api.parameters.Parameter;

/**
 * Parameters of {@link BinStage}.
 *
 * @param factor edge length of the averaged cube in voxels; the voxel size grows by this factor
 */
public record BinModel(
        @Parameter(label = "Factor", unit = "voxels", defaultValue = "2", min = 1, max = 8,
                description = "Edge length of the cube of voxels averaged into one (2 or 4 usually); the voxel "
                        + "size grows by this factor.")
        int factor) {
}
