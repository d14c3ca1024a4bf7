package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Depth profiles of the three differential volumes per particle: for every depth bin the mean Δμ of each element, the
 * covariance of those means, and an effective sample size.
 * <p>
 * <b>Why not s²/n.</b> Reconstructed voxels are not independent: the ramp filter and the interpolations of alignment
 * and registration correlate neighbours, and noise in the flat field is the same in every projection, so it
 * reconstructs into rings about the rotation axis that cross a whole depth shell. The variance of a bin mean is
 * therefore estimated from <em>clusters</em>: the bin's voxels are grouped by slab in z and by band of distance
 * from the rotation axis (both {@code clusterVoxels} wide), so that one ring, and the short-range correlation of
 * the filter, stays inside one cluster. With {@code R_c} the sum over cluster c of the residuals (value minus the
 * depth profile interpolated at the voxel's own depth, minus their bin mean) and K clusters:
 * <pre>
 *   Var(mean) = K/(K−1) · Σ_c R_c R_cᵀ / n²          (cluster-robust, "batch means")
 *   n_eff     = s² / Var(mean)                          (s² the voxels' residual variance)
 * </pre>
 * and the confidence interval uses Student's t with {@code min(n_eff, K) − 1} degrees of freedom. With
 * {@code clusterVoxels = 1} every voxel is its own cluster and this is the paper's {@code s²/n} with n − 1 degrees of
 * freedom. Removing the profile first keeps the within-bin change with depth out of the noise.
 * <pre>{@code
 * List<DepthStatistics.Profile> p = DepthStatistics.compute(deltaMu, hulls, depthUm, nz, ny, nx, 0.118,
 *         DepthStatistics.Settings.defaults());
 * }</pre>
 */
public final class DepthStatistics {

    /** Number of elements (Mn, Co, Ni by {@code Element.ordinal()}). */
    static final int E = 3;

    private DepthStatistics() {
    }

    /**
     * @param binUm         depth bin width, µm; ≤ 0 means one voxel
     * @param clusterVoxels edge of the clusters for the variance (z slab and axis-distance band), voxels; 1 = every
     *                      voxel independent (the paper's s²/n)
     * @param axisY         rotation axis position along y, voxels; NaN = the volume's centre
     * @param axisX         rotation axis position along x, voxels; NaN = the volume's centre
     * @param resolutionVoxels σ of the voxels' depth error (hull discretisation, reconstruction blur), voxels: the
     *                      profile's curvature times ½σ² is added to every standard error (0 = not)
     */
    public record Settings(double binUm, int clusterVoxels, double axisY, double axisX, double resolutionVoxels) {

        public Settings {
            if (clusterVoxels < 1) {
                throw new IllegalArgumentException("clusters must be at least one voxel, was " + clusterVoxels);
            }
        }

        /**
         * @return one-voxel bins, clusters of {@value #DEFAULT_CLUSTER_VOXELS} voxels, axis at the centre, depth
         *         resolution {@value #DEFAULT_RESOLUTION_VOXELS} voxel
         */
        public static Settings defaults() {
            return new Settings(0, DEFAULT_CLUSTER_VOXELS, Double.NaN, Double.NaN, DEFAULT_RESOLUTION_VOXELS);
        }

        /** @return σ of the depth error in bins of this width */
        public double resolutionBins(double voxelUm) {
            return resolutionVoxels * voxelUm / (binUm > 0 ? binUm : voxelUm);
        }
    }

    /** Default σ of the depth error, voxels (measured, see docs/method.md). */
    public static final double DEFAULT_RESOLUTION_VOXELS = 1.0;

    /** Default cluster edge, voxels (chosen by measured coverage, see docs/method.md). */
    public static final int DEFAULT_CLUSTER_VOXELS = 4;

    /**
     * One depth bin of one particle.
     *
     * @param depthLowUm   bin start, µm
     * @param depthHighUm  bin end, µm
     * @param n            voxels in the bin
     * @param clusters     clusters the voxels fall into
     * @param mean         mean Δμ by {@code Element.ordinal()}, 1/µm
     * @param sd           standard deviation of the voxels' residuals by element, 1/µm
     * @param covariance   covariance of the three means, (1/µm)²
     * @param nEff         effective sample size by element, {@code sd² / Var(mean)} (at most n)
     * @param dof          degrees of freedom for Student's t
     */
    public record Bin(double depthLowUm, double depthHighUm, long n, int clusters, double[] mean, double[] sd,
            double[][] covariance, double[] nEff, double dof) {

        /** @return the bin centre, µm */
        public double depthUm() {
            return 0.5 * (depthLowUm + depthHighUm);
        }

        /** @return the standard error of one element's mean, 1/µm */
        public double standardError(int element) {
            return Math.sqrt(covariance[element][element]);
        }

        /** @return the two-sided Student-t factor for a confidence level, e.g. 2.58… for 0.99 and many dof */
        public double tFactor(double confidence) {
            return DepthStatistics.tFactor(dof, confidence);
        }
    }

    /**
     * @param label the particle (hull label)
     * @param bins  from the surface inwards; empty bins left out
     */
    public record Profile(int label, List<Bin> bins) {
    }

    /** @return the two-sided Student-t quantile for {@code confidence} with {@code dof} degrees of freedom */
    public static double tFactor(double dof, double confidence) {
        if (!(dof >= 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return TDistribution.of(dof).inverseCumulativeProbability(0.5 + 0.5 * confidence);
    }

    /**
     * @param deltaMu three flat volumes [z, y, x] of Δμ, 1/µm, by {@code Element.ordinal()} (Mn, Co, Ni)
     * @param hulls   flat: the particle whose hull holds each voxel, 0 outside
     * @param depthUm flat: depth below that hull's surface, µm
     * @param voxelUm voxel size, µm
     * @return one profile per particle present in {@code hulls}, by label
     */
    public static List<Profile> compute(float[][] deltaMu, int[] hulls, float[] depthUm, int nz, int ny, int nx,
            double voxelUm, Settings settings) {
        if (deltaMu.length != E) {
            throw new IllegalArgumentException("three differential volumes are needed (Mn, Co, Ni), got "
                    + deltaMu.length);
        }
        int size = nz * ny * nx;
        for (float[] d : deltaMu) {
            if (d.length != size) {
                throw new IllegalArgumentException("volumes and depth map differ in size");
            }
        }
        if (hulls.length != size || depthUm.length != size) {
            throw new IllegalArgumentException("volumes and depth map differ in size");
        }
        double bin = settings.binUm() > 0 ? settings.binUm() : voxelUm;
        int labels = 0;
        double maxDepth = 0;
        for (int i = 0; i < size; i++) {
            if (hulls[i] > 0) {
                labels = Math.max(labels, hulls[i]);
                maxDepth = Math.max(maxDepth, depthUm[i]);
            }
        }
        int bins = (int) Math.floor(maxDepth / bin) + 1;
        // pass 1: bin sums
        long[][] count = new long[labels + 1][bins];
        double[][][] sum = new double[labels + 1][bins][E];
        for (int i = 0; i < size; i++) {
            int l = hulls[i];
            if (l <= 0) {
                continue;
            }
            int b = binOf(depthUm[i], bin, bins);
            count[l][b]++;
            for (int e = 0; e < E; e++) {
                sum[l][b][e] += deltaMu[e][i];
            }
        }
        double[][][] mean = new double[labels + 1][bins][E];
        for (int l = 1; l <= labels; l++) {
            for (int b = 0; b < bins; b++) {
                for (int e = 0; e < E; e++) {
                    mean[l][b][e] = count[l][b] > 0 ? sum[l][b][e] / count[l][b] : Double.NaN;
                }
            }
        }
        // pass 2: residuals from the profile interpolated at each voxel's depth, summed per cluster
        int c = settings.clusterVoxels();
        double ay = Double.isNaN(settings.axisY()) ? (ny - 1) / 2.0 : settings.axisY();
        double ax = Double.isNaN(settings.axisX()) ? (nx - 1) / 2.0 : settings.axisX();
        int bands = (int) Math.ceil(Math.hypot(Math.max(ay, ny - 1 - ay), Math.max(ax, nx - 1 - ax)) / c) + 2;
        double[][][] residualSum = new double[labels + 1][bins][E];
        double[][][][] residualProducts = new double[labels + 1][bins][E][E];
        List<Map<Long, double[]>> clusterSums = new ArrayList<>();
        for (int k = 0; k < (labels + 1) * bins; k++) {
            clusterSums.add(null);
        }
        double[] r = new double[E];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = (z * ny + y) * nx + x;
                    int l = hulls[i];
                    if (l <= 0) {
                        continue;
                    }
                    int b = binOf(depthUm[i], bin, bins);
                    residuals(deltaMu, i, depthUm[i], mean[l], bin, r);
                    double[] rs = residualSum[l][b];
                    double[][] rp = residualProducts[l][b];
                    for (int e = 0; e < E; e++) {
                        rs[e] += r[e];
                        for (int f = 0; f < E; f++) {
                            rp[e][f] += r[e] * r[f];
                        }
                    }
                    int band = (int) (Math.sqrt((y - ay) * (y - ay) + (x - ax) * (x - ax)) / c);
                    long key = c == 1 ? i : (long) (z / c) * bands + band;
                    Map<Long, double[]> clusters = clusterSums.get(l * bins + b);
                    if (clusters == null) {
                        clusters = new HashMap<>();
                        clusterSums.set(l * bins + b, clusters);
                    }
                    double[] cs = clusters.computeIfAbsent(key, k -> new double[E + 1]);
                    cs[E] += 1;
                    for (int e = 0; e < E; e++) {
                        cs[e] += r[e];
                    }
                }
            }
        }
        List<Profile> profiles = new ArrayList<>();
        for (int l = 1; l <= labels; l++) {
            List<Bin> list = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                long n = count[l][b];
                if (n == 0) {
                    continue;
                }
                list.add(bin(b, bin, n, mean[l][b], residualSum[l][b], residualProducts[l][b],
                        clusterSums.get(l * bins + b)));
            }
            if (!list.isEmpty()) {
                profiles.add(new Profile(l, list));
            }
        }
        return profiles;
    }

    private static Bin bin(int b, double width, long n, double[] mean, double[] residualSum,
            double[][] residualProducts, Map<Long, double[]> clusters) {
        double[] rbar = new double[E];
        double[] sd = new double[E];
        for (int e = 0; e < E; e++) {
            rbar[e] = residualSum[e] / n;
            double var = n > 1 ? (residualProducts[e][e] - n * rbar[e] * rbar[e]) / (n - 1) : Double.NaN;
            sd[e] = Math.sqrt(Math.max(0, var));
        }
        int k = clusters.size();
        double[][] cov = new double[E][E];
        if (k > 1) {
            for (double[] cs : clusters.values()) {
                double m = cs[E];
                for (int e = 0; e < E; e++) {
                    double de = cs[e] - m * rbar[e];
                    for (int f = 0; f < E; f++) {
                        cov[e][f] += de * (cs[f] - m * rbar[f]);
                    }
                }
            }
            double factor = (double) k / (k - 1) / ((double) n * n);
            for (int e = 0; e < E; e++) {
                for (int f = 0; f < E; f++) {
                    cov[e][f] *= factor;
                }
            }
        } else {
            for (int e = 0; e < E; e++) {
                cov[e][e] = Double.POSITIVE_INFINITY;
            }
        }
        double[] nEff = new double[E];
        double smallest = Double.POSITIVE_INFINITY;
        for (int e = 0; e < E; e++) {
            nEff[e] = cov[e][e] > 0 ? Math.min(n, sd[e] * sd[e] / cov[e][e]) : n;
            smallest = Math.min(smallest, nEff[e]);
        }
        double dof = Math.min(smallest, k) - 1;
        return new Bin(b * width, (b + 1) * width, n, k, mean.clone(), sd, cov, nEff, dof);
    }

    /** Value minus the profile (bin means, linear between bin centres) at this depth. */
    private static void residuals(float[][] deltaMu, int i, double depth, double[][] mean, double bin, double[] out) {
        double position = depth / bin - 0.5;
        int b0 = (int) Math.floor(position);
        double t = position - b0;
        int bins = mean.length;
        for (int e = 0; e < E; e++) {
            double lo = meanAt(mean, Math.max(0, Math.min(bins - 1, b0)), e);
            double hi = meanAt(mean, Math.max(0, Math.min(bins - 1, b0 + 1)), e);
            double own = meanAt(mean, binOf((float) depth, bin, bins), e);
            lo = Double.isNaN(lo) ? own : lo;
            hi = Double.isNaN(hi) ? own : hi;
            double profile = position < 0 ? own : lo + t * (hi - lo);
            out[e] = deltaMu[e][i] - profile;
        }
    }

    private static double meanAt(double[][] mean, int b, int e) {
        return mean[b][e];
    }

    static int binOf(float depthUm, double bin, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.floor(depthUm / bin)));
    }
}
