package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The footprint projector against the ray-by-ray exact projector and an independent integration of a lens. */
class FootprintProjectorTest {

    private static final double ENERGY_KEV = 8.313;

    /** Largest difference relative to float precision: |a − b| / ulp(max(|a|, |b|, 1e-3)). */
    private static double worstUlps(float[][][] expected, float[][][] actual) {
        double worst = 0;
        for (int a = 0; a < expected.length; a++) {
            for (int r = 0; r < expected[a].length; r++) {
                for (int c = 0; c < expected[a][r].length; c++) {
                    float e = expected[a][r][c];
                    float f = actual[a][r][c];
                    worst = Math.max(worst, Math.abs(e - f) / Math.ulp(Math.max(1e-3f, Math.max(e, f))));
                }
            }
        }
        return worst;
    }

    private static double total(float[][][] p) {
        double sum = 0;
        for (float[][] frame : p) {
            for (float[] row : frame) {
                for (float v : row) {
                    sum += v;
                }
            }
        }
        return sum;
    }

    @Test
    void agreesWithTheExactProjectorToFloatPrecisionUnderJitterOffsetAndScale() {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"), 2), 7);
        double pixel = phantom.fieldUm() / 0.9 / 64;
        ScanGeometry g = ScanGeometry.drawn(56, 64, ScanGeometry.anglesOver180(12), pixel, 0.003, 3, 0.7,
                new SplittableRandom(5));
        for (int subsamples : new int[] { 1, 2 }) {
            float[][][] exact = Projector.project(phantom, g, ENERGY_KEV, subsamples);
            float[][][] footprint = new FootprintProjector(phantom, ENERGY_KEV).project(g, subsamples);
            assertTrue(total(exact) > 100, "the particles are in view");
            double ulps = worstUlps(exact, footprint);
            assertTrue(ulps <= 4, subsamples + " subsamples: worst difference " + ulps + " ulp");
        }
    }

    @Test
    void aFieldWithCutAndTouchingParticlesProjectsLikeTheExactProjector() {
        FieldSpec spec = new FieldSpec(7, List.of(Architecture.preset("80ni")), 5.5, 0.12, 0.66, 0.75, 0.04, 0.02,
                0.6, 0, 0.05); // exact tangency: no shared lens, so the two projectors must agree everywhere
        Field field = Field.generate(spec, 22, 15, 21);
        assertTrue(field.contacts().size() >= 2, "touching pairs " + field.contacts().size());
        ScanGeometry g = ScanGeometry.drawn(60, 88, ScanGeometry.anglesOver180(6), 0.25, 0.003, 3, 0.5,
                new SplittableRandom(8));
        List<ScanGeometry> scans = List.of(g);
        long cut = field.particles().stream().filter(p -> {
            FieldTruth.Cut c = FieldTruth.cut(p, scans);
            return c.lateral() || c.topBottom();
        }).count();
        assertTrue(cut >= 1 && cut < 7, "cut particles " + cut);
        float[][][] exact = Projector.project(field.phantom(), g, ENERGY_KEV, 1);
        float[][][] footprint = new FootprintProjector(field.particles(), field.contacts(), ENERGY_KEV).project(g, 1);
        double ulps = worstUlps(exact, footprint);
        assertTrue(ulps <= 4, "worst difference " + ulps + " ulp");
    }

    /** The world ray parameters inside a particle's envelope, widened by 0.01 µm, or null. */
    private static double[] envelope(Particle particle, double[] origin, double[] direction) {
        double[] p = new double[3];
        double[] u = new double[3];
        particle.toLocal(origin[0], origin[1], origin[2], p);
        particle.directionToLocal(direction[0], direction[1], direction[2], u);
        double[] s = particle.semiAxesUm();
        double[] chord = new double[2];
        return Ellipsoids.chord(p, u, s[0], s[1], s[2], chord) ? new double[] { chord[0] - 0.01, chord[1] + 0.01 }
                : null;
    }

    /**
     * μ of {@code particle} integrated along the ray where it lies inside {@code other}'s envelope: midpoint rule
     * with point membership (shells of one, envelope of the other), over where both envelopes overlap.
     */
    private static double lensIntegral(Particle particle, Particle other, double[] origin, double[] direction,
            double stepUm) {
        double[] first = envelope(particle, origin, direction);
        double[] second = envelope(other, origin, direction);
        if (first == null || second == null) {
            return 0;
        }
        double from = Math.max(first[0], second[0]);
        double to = Math.min(first[1], second[1]);
        double[] mu = particle.attenuationPerUm(ENERGY_KEV);
        double[] local = new double[3];
        double sum = 0;
        int n = (int) Math.ceil((to - from) / stepUm);
        double h = n > 0 ? (to - from) / n : 0;
        for (int i = 0; i < n; i++) {
            double t = from + (i + 0.5) * h;
            double x = origin[0] + t * direction[0];
            double y = origin[1] + t * direction[1];
            double z = origin[2] + t * direction[2];
            other.toLocal(x, y, z, local);
            if (other.envelopeShellAt(local) >= 0) {
                sum += particle.attenuationAtPerUm(x, y, z, ENERGY_KEV, mu);
            }
        }
        return sum * h;
    }

    @Test
    void anInterpenetratingPairCountsItsLensOnce() {
        SplittableRandom random = new SplittableRandom(12);
        double[] axesA = { 3.0, 2.5, 2.1 };
        double[] axesB = { 2.8, 2.4, 1.9 };
        double[] rotA = Phantom.randomRotation(random);
        double[] rotB = Phantom.randomRotation(random);
        double[] direction = { 0.6, 0.3, 0.2 };
        double norm = Math.sqrt(0.49);
        for (int i = 0; i < 3; i++) {
            direction[i] /= norm;
        }
        double unit = Ellipsoids.contactScale(direction, Ellipsoids.shapeMatrix(axesA, rotA),
                Ellipsoids.shapeMatrix(axesB, rotB));
        double distance = 0.95 / unit; // 5 % interpenetration
        Vec3 ca = new Vec3(-distance / 2 * direction[0], -distance / 2 * direction[1], -distance / 2 * direction[2]);
        Vec3 cb = new Vec3(distance / 2 * direction[0], distance / 2 * direction[1], distance / 2 * direction[2]);
        Architecture profile = Architecture.preset("63ni");
        Particle a = new Particle(1, ca, axesA, rotA, List.of(), profile.forParticle(axesA), 0.02);
        Particle b = new Particle(2, cb, axesB, rotB, List.of(), profile.forParticle(axesB), 0.02);
        List<Field.Contact> contacts = List.of(new Field.Contact(1, 2, 0.95, 0));
        double pixel = 0.1;
        ScanGeometry g = ScanGeometry.ideal(80, 112, new double[] { 0, 70 }, pixel);
        float[][][] separate = new FootprintProjector(List.of(a, b), List.of(), ENERGY_KEV).project(g, 1);
        float[][][] shared = new FootprintProjector(List.of(a, b), contacts, ENERGY_KEV).project(g, 1);
        int lensPixels = 0;
        double worst = 0;
        for (int angle = 0; angle < 2; angle++) {
            double theta = Math.toRadians(g.anglesDeg()[angle]);
            double[] ray = { -Math.sin(theta), Math.cos(theta), 0 };
            for (int r = 0; r < 80; r++) {
                for (int c = 0; c < 112; c++) {
                    double removed = separate[angle][r][c] - shared[angle][r][c];
                    if (removed < 1e-6 && (r % 4 != 0 || c % 4 != 0)) {
                        continue; // outside the lens, checked on a sparse grid only
                    }
                    double s = (c - g.rotationCentrePx()) * pixel;
                    double z = (r - 39.5) * pixel;
                    double[] origin = { s * Math.cos(theta), s * Math.sin(theta), z };
                    double lens = lensIntegral(b, a, origin, ray, 2e-4);
                    worst = Math.max(worst, Math.abs(removed - lens));
                    lensPixels += lens > 1e-3 ? 1 : 0;
                }
            }
        }
        assertTrue(lensPixels > 20, "pixels through the lens: " + lensPixels);
        assertTrue(worst < 2e-4, "worst lens difference " + worst);
    }
}
