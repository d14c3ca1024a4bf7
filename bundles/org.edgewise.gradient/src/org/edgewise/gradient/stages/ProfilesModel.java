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
 * @param axisOffsetYVoxels where the rotation axis lies along y from the volume's centre, voxels (0: a whole
 *                          reconstruction; a region cut from one gives the whole volume's axis)
 * @param axisOffsetXVoxels likewise along x
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
                        + " error.") double resolutionVoxels,
        @Parameter(label = "Axis offset y", unit = "voxel", defaultValue = "0", min = -1e6, max = 1e6,
                description = "Where the rotation axis lies along y from the volume's centre (the clusters are bands"
                        + " of distance from it); 0 for a whole reconstruction.") double axisOffsetYVoxels,
        @Parameter(label = "Axis offset x", unit = "voxel", defaultValue = "0", min = -1e6, max = 1e6,
                description = "Where the rotation axis lies along x from the volume's centre; 0 for a whole"
                        + " reconstruction.") double axisOffsetXVoxels) {

    /** Parameters of a whole reconstruction (the rotation axis at the volume's centre). */
    public ProfilesModel(double binUm, int clusterVoxels, double confidence, double lithium, double tolerance,
            double resolutionVoxels) {
        this(binUm, clusterVoxels, confidence, lithium, tolerance, resolutionVoxels, 0, 0);
    }

    /**
     * @param y the rotation axis's offset from the volume's centre along y, voxels
     * @param x likewise along x
     * @return a copy with the axis there
     */
    public ProfilesModel withAxisOffset(double y, double x) {
        return new ProfilesModel(binUm, clusterVoxels, confidence, lithium, tolerance, resolutionVoxels, y, x);
    }
}
