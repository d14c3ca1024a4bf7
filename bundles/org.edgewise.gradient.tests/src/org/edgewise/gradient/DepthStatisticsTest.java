package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Depth statistics on a ball with a known linear profile per element: exact means without noise, and the coverage
 * of the 99 % intervals with independent noise and with noise shared along rings about the rotation axis (the
 * flat-field pattern of a tomogram), where voxel-by-voxel s²/n is far too optimistic.
 */
class DepthStatisticsTest {

    private static final int N = 48;
    private static final double RADIUS = 20;
    private static final double VOXEL_UM = 0.1;
    private static final double[] A = { 0.02, 0.015, 0.05 };   // Mn, Co, Ni at the surface, 1/µm
    private static final double[] B = { -0.004, -0.002, 0.01 }; // per µm of depth

    private static int[] hulls;
    private static float[] depth;

    static {
        hulls = new int[N * N * N];
        depth = new float[N * N * N];
        double c = (N - 1) / 2.0;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double r = Math.sqrt((z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c));
                    int i = (z * N + y) * N + x;
                    if (r < RADIUS) {
                        hulls[i] = 1;
                        depth[i] = (float) ((RADIUS - r) * VOXEL_UM);
                    }
                }
            }
        }
    }

    /** @return Δμ volumes: the linear profile plus independent noise σ and ring noise σ_ring */
    private static float[][] volumes(double sigma, double ringSigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] v = new float[3][N * N * N];
        double c = (N - 1) / 2.0;
        int rings = (int) (N * 0.75) + 2;
        for (int e = 0; e < 3; e++) {
            double[][] ring = new double[N][rings];
            for (double[] slice : ring) {
                for (int k = 0; k < rings; k++) {
                    slice[k] = ringSigma * CalibrationTest.gaussian(random);
                }
            }
            for (int z = 0; z < N; z++) {
                for (int y = 0; y < N; y++) {
                    for (int x = 0; x < N; x++) {
                        int i = (z * N + y) * N + x;
                        int rho = (int) Math.round(Math.hypot(y - c, x - c));
                        v[e][i] = (float) (A[e] + B[e] * depth[i] + ring[z][rho]
                                + sigma * CalibrationTest.gaussian(random));
                    }
                }
            }
        }
        return v;
    }

    /** @return the noise-free mean of element e over the voxels of a bin */
    private static double trueMean(int e, DepthStatistics.Bin bin) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < hulls.length; i++) {
            if (hulls[i] == 1 && depth[i] >= bin.depthLowUm() && depth[i] < bin.depthHighUm()) {
                sum += A[e] + B[e] * depth[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void exactMeansWithoutNoise() {
        List<DepthStatistics.Profile> p = DepthStatistics.compute(volumes(0, 0, 1), hulls, depth, N, N, N, VOXEL_UM,
                DepthStatistics.Settings.defaults());
        assertEquals(1, p.size());
        long total = 0;
        for (DepthStatistics.Bin bin : p.get(0).bins()) {
            total += bin.n();
            assertEquals(VOXEL_UM, bin.depthHighUm() - bin.depthLowUm(), 1e-12);
            for (int e = 0; e < 3; e++) {
                assertEquals(trueMean(e, bin), bin.mean()[e], 1e-7);
            }
        }
        assertEquals(java.util.Arrays.stream(hulls).filter(h -> h == 1).count(), total);
    }

    /** @return share of 99 % intervals (bins with ≥ 200 voxels, three elements, several noise seeds) holding the truth */
    private static double coverage(double sigma, double ringSigma, int cluster, double[] meanNEffShare) {
        int covered = 0;
        int total = 0;
        double share = 0;
        for (long seed = 1; seed <= 12; seed++) {
            List<DepthStatistics.Profile> p = DepthStatistics.compute(volumes(sigma, ringSigma, seed), hulls, depth,
                    N, N, N, VOXEL_UM, new DepthStatistics.Settings(0, cluster, Double.NaN, Double.NaN, 0));
            for (DepthStatistics.Bin bin : p.get(0).bins()) {
                if (bin.n() < 200) {
                    continue;
                }
                double t = bin.tFactor(0.99);
                for (int e = 0; e < 3; e++) {
                    double half = t * bin.standardError(e);
                    covered += Math.abs(bin.mean()[e] - trueMean(e, bin)) <= half ? 1 : 0;
                    total++;
                    share += bin.nEff()[e] / bin.n();
                }
            }
        }
        meanNEffShare[0] = share / total;
        return (double) covered / total;
    }

    @Test
    void independentNoiseIsCoveredWithEitherEstimate() {
        double[] share = new double[1];
        double plain = coverage(0.01, 0, 1, share);
        assertTrue(plain >= 0.97, "s²/n coverage " + plain);
        assertEquals(1, share[0], 0.02);
        double clustered = coverage(0.01, 0, DepthStatistics.DEFAULT_CLUSTER_VOXELS, share);
        assertTrue(clustered >= 0.96, "cluster coverage " + clustered);
        assertTrue(share[0] > 0.7, "independent noise keeps most of n: n_eff/n " + share[0]);
    }

    @Test
    void ringNoiseNeedsTheClusters() {
        double[] share = new double[1];
        double plain = coverage(0.01, 0.004, 1, share);
        assertTrue(plain < 0.8, "s²/n coverage with rings " + plain);
        double clustered = coverage(0.01, 0.004, DepthStatistics.DEFAULT_CLUSTER_VOXELS, share);
        assertTrue(clustered >= 0.95, "cluster coverage with rings " + clustered);
        assertTrue(share[0] < 0.3, "rings shrink the effective sample: n_eff/n " + share[0]);
    }
}
