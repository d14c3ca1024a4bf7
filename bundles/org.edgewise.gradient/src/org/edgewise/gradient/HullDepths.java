package org.edgewise.gradient;

import java.util.Arrays;

import org.edgewise.segment.DepthMaps;
import org.edgewise.segment.Labelling;
import org.edgewise.segment.Morphology;

/**
 * Where depth zero lies: the particle surface used for the depth map, made explicit.
 * <p>
 * Three choices place the surface, and each moves every depth bin:
 * <ol>
 * <li><b>surface level</b>: the particle is the set of voxels whose grey value reaches
 * {@code background + level·(material − background)} (both medians: material over the particles' voxels, background
 * over the rest). A blurred edge crosses half its height at the true surface, so 0.5 puts the mask's boundary there;
 * an automatic (Otsu) threshold may sit elsewhere. NaN keeps the particle labels as given.</li>
 * <li><b>dilation</b>: each particle grows by this distance before its hull is taken (the paper dilates to cover
 * the Mn and Co data). A mask whose level already sits on the surface grown by one voxel moves depth zero one
 * voxel outwards.</li>
 * <li><b>depth offset</b>: the convex hull of the mask's voxel centres is voxelised and each voxel gets its distance
 * to the nearest voxel outside, minus this offset (voxels). The outermost centres inside a surface lie on average
 * half a voxel inside it, so 0.5 makes the first shell's mean depth right.</li>
 * </ol>
 * <pre>{@code
 * HullDepths.Result r = HullDepths.compute(niAbove, labels, n, nz, ny, nx, 0.118, HullDepths.Settings.defaults());
 * }</pre>
 */
public final class HullDepths {

    /** Default depth offset, voxels (measured: see docs/method.md). */
    public static final double DEFAULT_DEPTH_OFFSET_VOXELS = 0.2;

    private HullDepths() {
    }

    /**
     * @param surfaceLevel       share of the way from background to material where the surface lies, 0..1; NaN =
     *                           the labels as given
     * @param dilateUm           growth of each particle before its hull is taken, µm
     * @param depthOffsetVoxels  subtracted from the distance to the nearest outside voxel, voxels
     */
    public record Settings(double surfaceLevel, double dilateUm, double depthOffsetVoxels) {

        public Settings {
            if (!Double.isNaN(surfaceLevel) && !(surfaceLevel > 0 && surfaceLevel < 1)) {
                throw new IllegalArgumentException("the surface level lies between background (0) and material (1),"
                        + " was " + surfaceLevel);
            }
            if (!(dilateUm >= 0)) {
                throw new IllegalArgumentException("the dilation must be >= 0 µm, was " + dilateUm);
            }
        }

        /** @return the defaults chosen by measurement (docs/method.md): level 0.5, no dilation, offset 0.2 voxel */
        public static Settings defaults() {
            return new Settings(0.5, 0, DEFAULT_DEPTH_OFFSET_VOXELS);
        }
    }

    /**
     * @param particles the particles whose hulls were taken, flat labels (after level and dilation)
     * @param hulls     the label whose hull holds each voxel, 0 outside
     * @param depthUm   depth below that hull's surface, µm
     * @param threshold the grey level of the surface (NaN when the labels were used as given)
     */
    public record Result(int[] particles, int[] hulls, float[] depthUm, double threshold) {
    }

    /**
     * @param volume  the grey volume the particles were found in, flat [z, y, x]
     * @param labels  particle labels 1..n, flat
     * @param n       the largest label
     * @param voxelUm voxel size, µm
     */
    public static Result compute(float[] volume, int[] labels, int n, int nz, int ny, int nx, double voxelUm,
            Settings settings) {
        int[] particles = labels;
        double threshold = Double.NaN;
        if (!Double.isNaN(settings.surfaceLevel())) {
            double[] levels = levels(volume, labels);
            threshold = levels[0] + settings.surfaceLevel() * (levels[1] - levels[0]);
            // the labels' neighbourhood decides which particle a voxel belongs to; the level decides whether it does
            int[] near = Labelling.expand(labels, nz, ny, nx, n, 3);
            byte[] mask = new byte[labels.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = near[i] > 0 && volume[i] >= threshold ? (byte) 1 : 0;
            }
            mask = Morphology.open(mask, nz, ny, nx, 1);
            particles = new int[labels.length];
            for (int i = 0; i < mask.length; i++) {
                particles[i] = mask[i] != 0 ? near[i] : 0;
            }
        }
        if (settings.dilateUm() > 0) {
            particles = Labelling.expand(particles, nz, ny, nx, n, settings.dilateUm() / voxelUm);
        }
        DepthMaps.Result depth = DepthMaps.compute(particles, nz, ny, nx, n, voxelUm);
        float[] d = depth.depthUm();
        // DepthMaps subtracts half a voxel; apply the requested offset instead
        float shift = (float) ((0.5 - settings.depthOffsetVoxels()) * voxelUm);
        if (shift != 0) {
            int[] hulls = depth.hulls();
            for (int i = 0; i < d.length; i++) {
                if (hulls[i] > 0) {
                    d[i] = Math.max(0, d[i] + shift);
                }
            }
        }
        return new Result(particles, depth.hulls(), d, threshold);
    }

    /** @return {background median, material median} of a volume split by labels */
    static double[] levels(float[] volume, int[] labels) {
        int inside = 0;
        for (int l : labels) {
            if (l > 0) {
                inside++;
            }
        }
        float[] in = new float[inside];
        float[] out = new float[labels.length - inside];
        int a = 0;
        int b = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0) {
                in[a++] = volume[i];
            } else {
                out[b++] = volume[i];
            }
        }
        if (in.length == 0 || out.length == 0) {
            throw new IllegalArgumentException("the surface level needs particle and background voxels");
        }
        return new double[] { median(out), median(in) };
    }

    private static double median(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
