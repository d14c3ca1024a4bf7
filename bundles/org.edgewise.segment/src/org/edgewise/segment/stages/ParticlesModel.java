package org.edgewise.segment.stages;

import org.edgewise.api.parameters.Parameter;
import org.edgewise.segment.DepthMaps;
import org.edgewise.segment.ParticleSegmentation;

/**
 * Parameters of {@link ParticlesStage}, the particle chain of {@link ParticleSegmentation}; the defaults are those of
 * the single stages ({@link MorphologyModel}, {@link RemoveSmallModel}, {@link WatershedModel}, {@link DilateModel},
 * {@link DepthModel}); where depth zero lies follows {@link DepthMaps}.
 *
 * @param method       {@code OTSU} (inside = above the threshold) or {@code MANUAL} (inside = at or above
 *                     {@code threshold})
 * @param threshold    the manual threshold in the unit of the volume (ignored by Otsu)
 * @param openRadiusUm radius of the opening ball, µm; 0 = no opening
 * @param minVolumeUm3 objects smaller than this are removed, µm³
 * @param hUm          marker dynamic of the watershed, µm
 * @param dilateUm     each particle grows by this distance before its hull and depth are taken, µm; 0 = none
 * @param surfaceLevel the particle's surface for its hull and depth lies at background + level·(material −
 *                     background) of the volume; 0 = the thresholded particles as they are
 * @param depthOffsetVoxels subtracted from each voxel's distance to the nearest voxel outside the hull, voxels
 * @param surfaceBackground the background grey level of the surface level, in the unit of the volume; equal to
 *                          {@code surfaceMaterial} (both 0 by default): the medians of the volume
 * @param surfaceMaterial   the material grey level of the surface level
 */
public record ParticlesModel(
        @Parameter(label = "Threshold method", defaultValue = "OTSU",
                description = "OTSU chooses the threshold from the histogram; MANUAL uses the value below.")
        ThresholdModel.Method method,
        @Parameter(label = "Threshold", unit = "volume unit", defaultValue = "0",
                description = "Voxels at or above this value are material (MANUAL only).") double threshold,
        @Parameter(label = "Opening radius", unit = "µm", defaultValue = MorphologyModel.DEFAULT_RADIUS_UM, min = 0,
                max = 100, description = "Radius of the ball that opens the material mask, µm; 0 = no opening.")
        double openRadiusUm,
        @Parameter(label = "Smallest volume", unit = "µm³", defaultValue = RemoveSmallModel.DEFAULT_MIN_VOLUME_UM3,
                min = 0, description = "Objects with a smaller volume are removed, µm³.") double minVolumeUm3,
        @Parameter(label = "h (marker dynamic)", unit = "µm", defaultValue = WatershedModel.DEFAULT_H_UM, min = 0,
                max = 100, description = "A distance-map maximum seeds its own particle only if it rises this much"
                        + " above the saddle towards a higher one, µm.") double hUm,
        @Parameter(label = "Growth", unit = "µm", defaultValue = DilateModel.DEFAULT_DISTANCE_UM, min = 0, max = 100,
                description = "Each background voxel within this distance of a particle joins the nearest one before"
                        + " hulls and depth are taken (to cover the Mn and Co data), µm; the shape metrics stay those"
                        + " of the ungrown particle.") double dilateUm,
        @Parameter(label = "Surface level", defaultValue = "" + DepthMaps.DEFAULT_SURFACE_LEVEL, min = 0, max = 0.99,
                description = "Depth zero lies where the volume crosses background + level·(material − background)"
                        + " near each particle; 0 = the thresholded particles as they are.") double surfaceLevel,
        @Parameter(label = "Depth offset", unit = "voxel", defaultValue = "" + DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS,
                min = -2, max = 2, description = "Subtracted from each voxel's distance to the nearest voxel outside"
                        + " the hull.") double depthOffsetVoxels,
        @Parameter(label = "Surface background", unit = "volume unit", defaultValue = "0",
                description = "Grey level of the background for the surface level; equal to the material level"
                        + " (both 0): the median of the volume outside the particles.") double surfaceBackground,
        @Parameter(label = "Surface material", unit = "volume unit", defaultValue = "0",
                description = "Grey level of the material for the surface level; equal to the background level"
                        + " (both 0): the median of the particles.") double surfaceMaterial) {

    /** Parameters whose surface level lies between the medians of the volume. */
    public ParticlesModel(ThresholdModel.Method method, double threshold, double openRadiusUm, double minVolumeUm3,
            double hUm, double dilateUm, double surfaceLevel, double depthOffsetVoxels) {
        this(method, threshold, openRadiusUm, minVolumeUm3, hUm, dilateUm, surfaceLevel, depthOffsetVoxels, 0, 0);
    }

    /**
     * @param background the background grey level
     * @param material   the material grey level (equal to {@code background}: the volume's medians)
     * @return a copy whose surface level lies between these levels
     */
    public ParticlesModel withSurfaceLevels(double background, double material) {
        return new ParticlesModel(method, threshold, openRadiusUm, minVolumeUm3, hUm, dilateUm, surfaceLevel,
                depthOffsetVoxels, background, material);
    }

    /** @return the settings of {@link ParticleSegmentation#run} */
    public ParticleSegmentation.Settings settings() {
        return new ParticleSegmentation.Settings(method == ThresholdModel.Method.MANUAL ? threshold : Double.NaN,
                openRadiusUm, minVolumeUm3, hUm, surface());
    }

    /** @return where depth zero lies */
    public DepthMaps.Surface surface() {
        return new DepthMaps.Surface(surfaceLevel > 0 ? surfaceLevel : Double.NaN, dilateUm, depthOffsetVoxels,
                surfaceBackground, surfaceMaterial);
    }
}
