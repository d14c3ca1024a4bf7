package org.edgewise.segment;

import java.util.List;

/**
 * The whole particle chain of the paper's Figure 2 (a–d) on one volume: threshold, opening, hole filling, removal of
 * small objects, watershed separation, then where depth zero lies ({@link DepthMaps}: the particles at a surface
 * level, optionally grown, their convex hulls and the depth below them with an explicit offset), and shape metrics
 * (of the particles as found by the threshold).
 * <pre>{@code
 * ParticleSegmentation.Result r = ParticleSegmentation.run(values, nz, ny, nx, 0.049,
 *         new ParticleSegmentation.Settings(Double.NaN, 0.1, 1, 0.5, DepthMaps.Surface.defaults()));
 * // Otsu; the stage's defaults: ParticlesModel
 * }</pre>
 */
public final class ParticleSegmentation {

    private ParticleSegmentation() {
    }

    /**
     * @param threshold      manual threshold (inside = value ≥ threshold), or NaN for Otsu (inside = value > t)
     * @param openRadiusUm   radius of the opening ball, µm (0 = no opening)
     * @param minVolumeUm3   objects smaller than this are removed, µm³
     * @param hUm            marker dynamic of the watershed, µm
     * @param surface        where depth zero lies: surface level, growth of each particle before its hull is taken
     *                       (to cover the Mn and Co data around a particle found on the Ni volume), depth offset
     */
    public record Settings(double threshold, double openRadiusUm, double minVolumeUm3, double hUm,
            DepthMaps.Surface surface) {

        public Settings {
            java.util.Objects.requireNonNull(surface, "surface");
        }
    }

    /**
     * @param threshold the threshold used, in the unit of the volume
     * @param solid     material mask after thresholding and opening, flat [z, y, x]
     * @param labels    particles 1..n (envelopes: holes filled), flat
     * @param count     n
     * @param grown     the particles whose hulls were taken (at the surface level, after the growth), flat
     * @param hulls     the label whose hull interior holds each voxel, flat
     * @param depthUm   depth below the hull surface, µm, flat
     * @param surfaceThreshold the grey value of the surface level (NaN when the particles were taken as found)
     * @param metrics   shape metrics per particle
     */
    public record Result(double threshold, byte[] solid, int[] labels, int count, int[] grown, int[] hulls,
            float[] depthUm, double surfaceThreshold, List<ParticleMetrics.Metrics> metrics) {
    }

    /**
     * The material before the particles are told apart.
     *
     * @param threshold the threshold used, in the unit of the volume
     * @param solid     material mask after thresholding and opening, small objects removed, flat [z, y, x]
     * @param envelope  the solid with its holes filled: every voxel {@link #run} labels as a particle, flat
     */
    public record Envelope(double threshold, byte[] solid, byte[] envelope) {
    }

    /**
     * The first steps of {@link #run}: threshold, opening, hole filling, removal of small objects.
     *
     * @param values  the volume, flat [z, y, x]
     * @param voxelUm isotropic voxel size, µm
     * @return the material
     */
    public static Envelope envelope(float[] values, int nz, int ny, int nx, double voxelUm, Settings settings) {
        double t = Double.isNaN(settings.threshold()) ? Thresholds.otsu(values) : settings.threshold();
        byte[] solid = Double.isNaN(settings.threshold()) ? Thresholds.above(values, t)
                : Thresholds.atLeast(values, t);
        if (settings.openRadiusUm() > 0) {
            solid = Morphology.open(solid, nz, ny, nx, settings.openRadiusUm() / voxelUm);
        }
        byte[] envelope = Morphology.fillHoles(solid, nz, ny, nx);
        if (settings.minVolumeUm3() > 0) {
            long min = (long) Math.ceil(settings.minVolumeUm3() / (voxelUm * voxelUm * voxelUm) - 1e-9);
            envelope = Labelling.removeSmall(envelope, nz, ny, nx, min);
            for (int i = 0; i < solid.length; i++) {
                solid[i] &= envelope[i];
            }
        }
        return new Envelope(t, solid, envelope);
    }

    /**
     * @param values  the volume, flat [z, y, x]
     * @param voxelUm isotropic voxel size, µm
     * @return the segmentation
     */
    public static Result run(float[] values, int nz, int ny, int nx, double voxelUm, Settings settings) {
        Envelope found = envelope(values, nz, ny, nx, voxelUm, settings);
        double t = found.threshold();
        byte[] solid = found.solid();
        byte[] envelope = found.envelope();
        int[] labels = new int[envelope.length];
        int n = Watersheds.separate(envelope, nz, ny, nx, settings.hUm() / voxelUm, labels);
        DepthMaps.Result depth = n == 0 ? new DepthMaps.Result(labels, new int[labels.length],
                new float[labels.length], Double.NaN) : DepthMaps.compute(values, labels, n, nz, ny, nx, voxelUm,
                        settings.surface());
        List<ParticleMetrics.Metrics> metrics = ParticleMetrics.measure(labels, solid, nz, ny, nx, n, voxelUm);
        return new Result(t, solid, labels, n, depth.particles(), depth.hulls(), depth.depthUm(), depth.threshold(),
                metrics);
    }
}
