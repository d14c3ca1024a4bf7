package org.edgewise.segment;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per-particle convex-hull interiors and the depth below the hull surface: the one depth map of Edgewise, used by
 * {@code edgewise segment} and {@code edgewise analyze} alike.
 * <p>
 * Three explicit choices ({@link Surface}) place depth zero, and each moves every depth bin:
 * <ol>
 * <li><b>surface level</b>: the particle is the set of voxels near its label whose grey value reaches
 * {@code background + level·(material − background)} (both medians: material over the labelled voxels, background
 * over the rest; or both given, e.g. those of a whole volume for a region cut from it), then opened by a one-voxel
 * ball. A blurred edge crosses half its height at the true surface, so
 * 0.5 puts the mask's boundary there, where an automatic (Otsu) threshold may sit elsewhere. NaN keeps the labels as
 * given.</li>
 * <li><b>dilation</b>: each particle grows by this distance before its hull is taken (the paper dilates to cover
 * the Mn and Co data); a grown mask moves depth zero outwards by the growth.</li>
 * <li><b>depth offset</b>: for each particle the hull of its voxel centres is voxelised (centres inside or on the
 * hull, exact); a voxel's depth is its Euclidean distance to the nearest voxel outside that interior minus this
 * offset, times the voxel size (≥ 0 inside, 0 outside).</li>
 * </ol>
 * The faces of the volume count as outside, so a particle cut by the field of view has depth measured from the cut
 * too. Where hulls overlap, a voxel belongs to the particle whose label it carries, otherwise to the deeper hull.
 * <p>
 * Accuracy. Against a known ellipsoid voxelised by its centres, the distance to the nearest outside centre exceeds
 * the true depth by 0 to 1 voxel, a quarter voxel on average: an offset of 0.5 voxel (the midpoint between the last
 * voxel inside and the first outside) leaves a mean error of −0.25 voxel. On reconstructions, whose grey edge the
 * surface level places, the offset of least bias in the depth profiles was measured as 0.2 voxel
 * ({@code docs/method.md}), the default.
 * <pre>{@code
 * DepthMaps.Result r = DepthMaps.compute(niAbove, labels, n, nz, ny, nx, 0.049, DepthMaps.Surface.defaults());
 * DepthMaps.Result asGiven = DepthMaps.compute(labels, nz, ny, nx, n, 0.049, DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS);
 * }</pre>
 */
public final class DepthMaps {

    /** Default surface level: half-way from background to material. */
    public static final double DEFAULT_SURFACE_LEVEL = 0.5;
    /** Default depth offset, voxels (the least biased on reconstructions, measured: docs/method.md). */
    public static final double DEFAULT_DEPTH_OFFSET_VOXELS = 0.2;
    /** Neighbourhood of a label within which the surface level may add voxels to it, voxels. */
    static final double SURFACE_REACH_VOXELS = 3;

    private DepthMaps() {
    }

    /**
     * Where depth zero lies.
     *
     * @param level        share of the way from background to material where the surface lies, in (0, 1); NaN =
     *                     the labels as given
     * @param dilateUm     growth of each particle before its hull is taken, µm (≥ 0)
     * @param offsetVoxels subtracted from the distance to the nearest voxel outside the hull, voxels
     * @param background   the background grey level the surface level starts from, in the unit of the volume
     * @param material     the material grey level; equal to {@code background} (e.g. both 0): both are the medians
     *                     of the volume split by the labels
     */
    public record Surface(double level, double dilateUm, double offsetVoxels, double background, double material) {

        public Surface {
            if (!Double.isNaN(level) && !(level > 0 && level < 1)) {
                throw new IllegalArgumentException("the surface level lies between background (0) and material (1),"
                        + " was " + level);
            }
            if (!(dilateUm >= 0) || Double.isInfinite(dilateUm)) {
                throw new IllegalArgumentException("the dilation must be a finite distance >= 0 µm, was "
                        + dilateUm);
            }
            if (!Double.isFinite(offsetVoxels)) {
                throw new IllegalArgumentException("the depth offset must be finite, was " + offsetVoxels);
            }
            if (!Double.isFinite(background) || !Double.isFinite(material)) {
                throw new IllegalArgumentException("the background and material levels must be finite, were "
                        + background + " and " + material);
            }
        }

        /** Where depth zero lies, background and material levels the medians of the volume. */
        public Surface(double level, double dilateUm, double offsetVoxels) {
            this(level, dilateUm, offsetVoxels, 0, 0);
        }

        /** @return whether the background and material levels are given (else the volume's medians) */
        public boolean levelsGiven() {
            return background != material;
        }

        /** @return level 0.5, no dilation, offset 0.2 voxel (the measured defaults) */
        public static Surface defaults() {
            return new Surface(DEFAULT_SURFACE_LEVEL, 0, DEFAULT_DEPTH_OFFSET_VOXELS);
        }

        /** @return the labels as given (no level, no dilation) with this offset */
        public static Surface ofLabels(double offsetVoxels) {
            return new Surface(Double.NaN, 0, offsetVoxels);
        }
    }

    /**
     * @param particles flat [z, y, x]: the particles whose hulls were taken (after the level and the dilation)
     * @param hulls     flat [z, y, x]: the label whose hull interior holds the voxel, 0 outside every hull
     * @param depthUm   flat [z, y, x]: depth below that hull's surface, µm (0 outside)
     * @param threshold the grey value of the surface level (NaN when the labels were taken as given)
     */
    public record Result(int[] particles, int[] hulls, float[] depthUm, double threshold) {
    }

    /**
     * @param volume  the grey volume the particles were found in, flat [z, y, x] (may be null when the surface
     *                level is NaN)
     * @param labels  flat particle labels 1..n
     * @param n       the largest label
     * @param voxelUm voxel size, µm
     * @param surface where depth zero lies
     * @return the particles, hulls and depth
     * @throws IllegalArgumentException if a surface level is asked for without a volume, or the volume has no
     *                                  particle or no background voxel
     */
    public static Result compute(float[] volume, int[] labels, int n, int nz, int ny, int nx, double voxelUm,
            Surface surface) {
        int[] particles = labels;
        double threshold = Double.NaN;
        if (!Double.isNaN(surface.level())) {
            if (volume == null || volume.length != labels.length) {
                throw new IllegalArgumentException("a surface level needs the grey volume of the labels");
            }
            double[] levels = surface.levelsGiven() ? new double[] { surface.background(), surface.material() }
                    : levels(volume, labels);
            threshold = levels[0] + surface.level() * (levels[1] - levels[0]);
            // the labels' neighbourhood decides which particle a voxel belongs to; the level decides whether it does
            int[] near = Labelling.expand(labels, nz, ny, nx, n, SURFACE_REACH_VOXELS);
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
        if (surface.dilateUm() > 0) {
            particles = Labelling.expand(particles, nz, ny, nx, n, surface.dilateUm() / voxelUm);
        }
        Hulls depth = hullDepth(particles, nz, ny, nx, n, voxelUm, surface.offsetVoxels());
        return new Result(particles, depth.hulls, depth.depthUm, threshold);
    }

    /**
     * The hulls of labels as given and the depth below them.
     *
     * @param labels       flat labels 1..n
     * @param voxelUm      voxel size, µm
     * @param offsetVoxels subtracted from the distance to the nearest outside voxel, voxels
     *                     ({@link #DEFAULT_DEPTH_OFFSET_VOXELS} normally)
     * @return the hulls and depth ({@link Result#particles()} = the labels)
     */
    public static Result compute(int[] labels, int nz, int ny, int nx, int n, double voxelUm, double offsetVoxels) {
        return compute(null, labels, n, nz, ny, nx, voxelUm, Surface.ofLabels(offsetVoxels));
    }

    private record Hulls(int[] hulls, float[] depthUm) {
    }

    private static Hulls hullDepth(int[] labels, int nz, int ny, int nx, int n, double voxelUm, double offsetVoxels) {
        int[][] box = boxes(labels, nz, ny, nx, n);
        int[] hulls = new int[labels.length];
        float[] depth = new float[labels.length];
        // particles in parallel; writes into the shared arrays are serialised per particle box
        Object lock = new Object();
        IntStream.rangeClosed(1, n).parallel().filter(l -> box[l] != null).forEach(l -> {
            int[] b = box[l];
            ConvexHulls.Hull hull = ParticleMetrics.hullOf(labels, nz, ny, nx, l, b, false);
            // padded box with one outside voxel on every side
            int bz = b[1] - b[0] + 3;
            int by = b[3] - b[2] + 3;
            int bx = b[5] - b[4] + 3;
            byte[] inside = new byte[bz * by * bx];
            for (int z = b[0]; z <= b[1]; z++) {
                for (int y = b[2]; y <= b[3]; y++) {
                    int[] span = hull.rowSpan(z, y);
                    int x0 = Math.max(span[0], b[4]);
                    int x1 = Math.min(span[1], b[5]);
                    int base = ((z - b[0] + 1) * by + (y - b[2] + 1)) * bx + 1 - b[4];
                    for (int x = x0; x <= x1; x++) {
                        inside[base + x] = 1;
                    }
                }
            }
            float[] d = DistanceTransforms.edt(inside, bz, by, bx);
            synchronized (lock) {
                for (int z = b[0]; z <= b[1]; z++) {
                    for (int y = b[2]; y <= b[3]; y++) {
                        int local = ((z - b[0] + 1) * by + (y - b[2] + 1)) * bx + 1 - b[4];
                        int global = (z * ny + y) * nx;
                        for (int x = b[4]; x <= b[5]; x++) {
                            if (inside[local + x] == 0) {
                                continue;
                            }
                            float dep = (float) (Math.max(0, d[local + x] - offsetVoxels) * voxelUm);
                            int g = global + x;
                            int owner = hulls[g];
                            boolean take = owner == 0 || labels[g] == l
                                    || (labels[g] != owner && dep > depth[g]);
                            if (take) {
                                hulls[g] = l;
                                depth[g] = dep;
                            }
                        }
                    }
                }
            }
        });
        return new Hulls(hulls, depth);
    }

    /**
     * @return {background median, material median} of a volume split by labels (a median of an even count is the
     *         mean of the middle two: their float sum halved)
     */
    public static double[] levels(float[] volume, int[] labels) {
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

    /** @return per label {z0, z1, y0, y1, x0, x1} inclusive, null for absent labels */
    static int[][] boxes(int[] labels, int nz, int ny, int nx, int n) {
        int[][] box = new int[n + 1][];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                for (int x = 0; x < nx; x++) {
                    int l = labels[base + x];
                    if (l <= 0) {
                        continue;
                    }
                    Labelling.extendBox(box, l, z, y, x);
                }
            }
        }
        return box;
    }
}
