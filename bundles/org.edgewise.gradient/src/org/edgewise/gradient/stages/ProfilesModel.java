package org.edgewise.gradient.stages;

import org.edgewise.api.parameters.Parameter;
import org.edgewise.gradient.DepthStatistics;

/**
 * Parameters of {@link ProfilesStage}.
 *
 * @param binUm         depth bin width, µm; 0 = one voxel
 * @param clusterVoxels edge of the clusters of the variance estimate, voxels (1 = independent voxels)
 * @param confidence    two-sided confidence level
 * @param lithium       Li per formula unit in the calibration
 * @param tolerance     drop of the total intensity below its plateau that still counts as reliable
 * @param resolutionVoxels σ of the voxels' depth error for the curvature term, voxels (0 = off)
 */
public record ProfilesModel(
        @Parameter(label = "Bin width", unit = "µm", defaultValue = "0", min = 0, max = 10,
                description = "Depth bin width; 0 = one voxel.") double binUm,
        @Parameter(label = "Cluster edge", unit = "voxel", defaultValue = "" + DepthStatistics.DEFAULT_CLUSTER_VOXELS,
                min = 1, max = 64, description = "Clusters (z slab × distance from the axis) of the variance"
                        + " estimate; 1 treats voxels as independent.") int clusterVoxels,
        @Parameter(label = "Confidence", defaultValue = "0.99", min = 0.5, max = 0.9999,
                description = "Two-sided confidence level of the intervals.") double confidence,
        @Parameter(label = "Lithium", defaultValue = "1.0", min = 0, max = 2,
                description = "Li per formula unit of Li(L)TMO2 in the calibration.") double lithium,
        @Parameter(label = "Reliable tolerance", defaultValue = "0.1", min = 0, max = 1,
                description = "Drop of ΣΔμ below its plateau that a reliable bin may have.") double tolerance,
        @Parameter(label = "Depth resolution", unit = "voxel",
                defaultValue = "" + DepthStatistics.DEFAULT_RESOLUTION_VOXELS, min = 0, max = 10,
                description = "σ of the voxels' depth error: the profile's curvature × ½σ² joins each standard"
                        + " error.") double resolutionVoxels) {
}
