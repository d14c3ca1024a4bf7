package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.Ellipsoids;
import org.edgewise.physics.phantom.Particle;
import org.edgewise.physics.phantom.Phantom;
import org.edgewise.physics.phantom.PhantomSpec;
import org.edgewise.physics.phantom.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segmentation of the simulator's analytic particles (voxelised independently by point membership with partial
 * volume): count, envelope volume, Feret ratio and depth against the phantom's truth.
 */
class SimulatorTruthTest {

    static final double VOXEL_UM = 0.14;
    static final double H_UM = 0.5;

    record Found(int count, List<ParticleMetrics.Metrics> metrics) {
    }

    /** The chain of the {@code edgewise segment} command: Otsu, fill holes, watershed, metrics. */
    static Found segment(float[] values, int n) {
        byte[] solid = Thresholds.above(values, Thresholds.otsu(values));
        byte[] filled = Morphology.fillHoles(solid, n, n, n);
        int[] labels = new int[filled.length];
        int count = Watersheds.separate(filled, n, n, n, H_UM / VOXEL_UM, labels);
        return new Found(count, ParticleMetrics.measure(labels, solid, n, n, n, count, VOXEL_UM));
    }

    static int size(Phantom phantom) {
        return (int) Math.ceil(phantom.fieldUm() / VOXEL_UM) + 6;
    }

    /** Matches each true particle to the measured one with the nearest centroid and checks the metrics. */
    static void assertMatches(List<Particle> particles, Found found, int n) {
        assertEquals(particles.size(), found.count(), "particle count");
        double c = (n - 1) / 2.0;
        for (Particle p : particles) {
            ParticleMetrics.Metrics best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            Vec3 centre = p.centreUm();
            double[] expected = { (c + centre.z() / VOXEL_UM) * VOXEL_UM, (c + centre.y() / VOXEL_UM) * VOXEL_UM,
                (c + centre.x() / VOXEL_UM) * VOXEL_UM };
            for (ParticleMetrics.Metrics m : found.metrics()) {
                double d = Math.hypot(Math.hypot(m.centroidUm()[0] - expected[0], m.centroidUm()[1] - expected[1]),
                        m.centroidUm()[2] - expected[2]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = m;
                }
            }
            String what = "particle " + p.id() + " " + best;
            assertTrue(bestDistance < VOXEL_UM, what + ": centroid off by " + bestDistance + " µm");
            assertEquals(p.volumeUm3(), best.volumeUm3(), 0.03 * p.volumeUm3(), what + ": envelope volume");
            assertEquals(p.solidVolumeUm3(), best.solidVolumeUm3(), 0.03 * p.solidVolumeUm3(), what + ": solid");
            assertEquals(p.equivalentDiameterUm(), best.equivDiameterUm(), 0.01 * p.equivalentDiameterUm(), what);
            assertEquals(p.feretRatio(), best.feretRatio(), 0.03, what + ": Feret ratio");
            double[] s = p.semiAxesUm();
            double shortest = 2 * Math.min(s[0], Math.min(s[1], s[2]));
            double longest = 2 * Math.max(s[0], Math.max(s[1], s[2]));
            assertEquals(shortest, best.feretMinUm(), 1.5 * VOXEL_UM, what + ": minimum Feret");
            assertEquals(longest, best.feretMaxOrthUm(), 1.5 * VOXEL_UM, what + ": maximum orthogonal Feret");
            assertTrue(!best.cutByFieldOfView(), what + ": not cut");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4 })
    void separatedParticlesOfTheSimulator(int particles) {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"), particles), 40 + particles);
        int n = size(phantom);
        float[] values = PhantomVolumes.solidFraction(phantom.particles(), n, VOXEL_UM);
        addNoise(values, 0.05, particles);
        assertMatches(phantom.particles(), segment(values, n), n);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3 })
    void touchingPairsAreSplit(int seed) {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("80ni"), 2), 100 + seed);
        List<Particle> pair = touching(phantom.particles().get(0), phantom.particles().get(1));
        double reach = pair.stream().mapToDouble(p -> Math.max(Math.max(Math.abs(p.centreUm().x()),
                Math.abs(p.centreUm().y())), Math.abs(p.centreUm().z())) + p.boundingRadiusUm()).max().orElseThrow();
        int n = (int) Math.ceil(2 * reach / VOXEL_UM) + 6;
        float[] values = PhantomVolumes.solidFraction(pair, n, VOXEL_UM);
        addNoise(values, 0.05, seed);
        // the pair is one 26-connected object before the watershed
        byte[] solid = Morphology.fillHoles(Thresholds.above(values, Thresholds.otsu(values)), n, n, n);
        assertEquals(1, Labelling.label(solid, n, n, n, new int[solid.length]), "the pair touches");
        assertMatches(pair, segment(values, n), n);
    }

    /**
     * Moves the second particle along the line between the centres until it just overlaps the first (by a fifth
     * of a voxel), found with points on the first particle's surface.
     */
    static List<Particle> touching(Particle a, Particle b) {
        Vec3 ca = a.centreUm();
        Vec3 u0 = b.centreUm().minus(ca);
        double len = u0.norm();
        Vec3 u = new Vec3(u0.x() / len, u0.y() / len, u0.z() / len);
        double lo = 0;
        double hi = a.boundingRadiusUm() + b.boundingRadiusUm() + 1;
        for (int iter = 0; iter < 50; iter++) {
            double mid = (lo + hi) / 2;
            if (overlap(a, b, new Vec3(ca.x() + mid * u.x(), ca.y() + mid * u.y(), ca.z() + mid * u.z()))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = hi - 0.2 * VOXEL_UM;
        Vec3 cb = new Vec3(ca.x() + t * u.x(), ca.y() + t * u.y(), ca.z() + t * u.z());
        // centre the pair in the field
        Vec3 mid = new Vec3((ca.x() + cb.x()) / 2, (ca.y() + cb.y()) / 2, (ca.z() + cb.z()) / 2);
        return List.of(moved(a, ca.minus(mid)), moved(b, cb.minus(mid)));
    }

    static Particle moved(Particle p, Vec3 centre) {
        return new Particle(p.id(), centre, p.semiAxesUm(), p.rotation(), p.pores(),
                Architecture.preset("80ni").forParticle(p.semiAxesUm()), 0.02);
    }

    /** Whether a surface point of a lies inside b moved to centre cb. */
    static boolean overlap(Particle a, Particle b, Vec3 cb) {
        Particle bm = new Particle(b.id(), cb, b.semiAxesUm(), b.rotation(), List.of(),
                depth -> Architecture.CORE, 10);
        double[] s = a.semiAxesUm();
        double[] r = a.rotation();
        double[] local = new double[3];
        double[] t = b.semiAxesUm();
        int steps = 200;
        for (int i = 0; i <= steps; i++) {
            double theta = Math.PI * i / steps;
            for (int j = 0; j < 2 * steps; j++) {
                double phi = Math.PI * j / steps;
                double lx = s[0] * Math.sin(theta) * Math.cos(phi);
                double ly = s[1] * Math.sin(theta) * Math.sin(phi);
                double lz = s[2] * Math.cos(theta);
                double wx = a.centreUm().x() + r[0] * lx + r[1] * ly + r[2] * lz;
                double wy = a.centreUm().y() + r[3] * lx + r[4] * ly + r[5] * lz;
                double wz = a.centreUm().z() + r[6] * lx + r[7] * ly + r[8] * lz;
                bm.toLocal(wx, wy, wz, local);
                if (PhantomVolumes.sq(local[0] / t[0]) + PhantomVolumes.sq(local[1] / t[1])
                        + PhantomVolumes.sq(local[2] / t[2]) < 1) {
                    return true;
                }
            }
        }
        return false;
    }

    static void addNoise(float[] values, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            values[i] += (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
    }

    /**
     * Depth below the hull of one ellipsoid (its own hull) against the exact Euclidean depth: the distance to the
     * nearest outside voxel centre exceeds the true depth by 0 to 1 voxel, a quarter voxel on average, so the errors
     * lie in [−offset, 1 − offset] voxel around a mean of 0.25 − offset.
     */
    @ParameterizedTest
    @ValueSource(doubles = { 0.5, DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS, 0.25 })
    void depthBelowTheHullOfAKnownEllipsoid(double offsetVoxels) {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"), 1), 77);
        Particle p = phantom.particles().get(0);
        int n = size(phantom);
        int[] labels = PhantomVolumes.envelopeLabels(List.of(p), n, VOXEL_UM);
        DepthMaps.Result r = DepthMaps.compute(labels, n, n, n, 1, VOXEL_UM, offsetVoxels);
        double c = (n - 1) / 2.0;
        double[] local = new double[3];
        double[] s = p.semiAxesUm();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int count = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = (z * n + y) * n + x;
                    assertEquals(labels[i], r.hulls()[i], "an ellipsoid's voxels are their own hull");
                    if (labels[i] == 0) {
                        assertEquals(0, r.depthUm()[i]);
                        continue;
                    }
                    p.toLocal((x - c) * VOXEL_UM, (y - c) * VOXEL_UM, (z - c) * VOXEL_UM, local);
                    double truth = Ellipsoids.depthBelowSurface(local[0], local[1], local[2], s[0], s[1], s[2]);
                    double error = (r.depthUm()[i] - truth) / VOXEL_UM;
                    lowest = Math.min(lowest, error);
                    highest = Math.max(highest, error);
                    sum += error;
                    count++;
                }
            }
        }
        assertTrue(lowest >= -offsetVoxels - 1e-4 && highest <= 1 - offsetVoxels + 1e-4, "depth errors from "
                + lowest + " to " + highest + " voxel with offset " + offsetVoxels);
        assertEquals(0.25 - offsetVoxels, sum / count, 0.05, "mean depth error, voxels");
    }

    @Test
    void particlesCutByTheFieldOfViewAreFlagged() {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"), 1), 5);
        Particle p = phantom.particles().get(0);
        Particle shifted = new Particle(1, new Vec3(p.centreUm().x() + 2.5, 0, 0), p.semiAxesUm(), p.rotation(),
                List.of(), Architecture.preset("63ni").forParticle(p.semiAxesUm()), 0.02);
        int n = size(phantom);
        float[] values = PhantomVolumes.solidFraction(List.of(shifted), n, VOXEL_UM);
        Found found = segment(values, n);
        assertEquals(1, found.count());
        assertTrue(found.metrics().get(0).cutByFieldOfView());
    }
}
