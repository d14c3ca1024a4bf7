package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The contact function and the packing of a large field. */
class FieldTest {

    private static final double[] IDENTITY = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };

    @Test
    void contactScaleOfSpheresIsTheirDistanceOverTheSumOfTheirRadii() {
        double[] a = Ellipsoids.shapeMatrix(new double[] { 1.5, 1.5, 1.5 }, IDENTITY);
        double[] b = Ellipsoids.shapeMatrix(new double[] { 2.5, 2.5, 2.5 }, IDENTITY);
        assertEquals(1.0, Ellipsoids.contactScale(new double[] { 4, 0, 0 }, a, b), 1e-9);
        assertEquals(5.0 / 4, Ellipsoids.contactScale(new double[] { 3, 0, 4 }, a, b), 1e-9);
        assertEquals(0.5, Ellipsoids.contactScale(new double[] { 0, -2, 0 }, a, b), 1e-9);
        // aligned ellipsoids along x touch when the distance is the sum of their x semi-axes
        double[] c = Ellipsoids.shapeMatrix(new double[] { 3, 1, 2 }, IDENTITY);
        double[] d = Ellipsoids.shapeMatrix(new double[] { 2, 2.5, 1 }, IDENTITY);
        assertEquals(7.0 / 5, Ellipsoids.contactScale(new double[] { 7, 0, 0 }, c, d), 1e-9);
    }

    /** Whether the ellipsoids, both scaled by {@code t} about their centres, share a sampled point. */
    private static boolean overlapBySampling(double[] offset, double[] axesA, double[] rotA, double[] axesB,
            double[] rotB, double t) {
        int n = 600;
        for (int i = 0; i < n; i++) {
            double v = Math.PI * (i + 0.5) / n;
            for (int j = 0; j < 2 * n; j++) {
                double u = Math.PI * j / n;
                double[] local = { t * axesA[0] * Math.sin(v) * Math.cos(u), t * axesA[1] * Math.sin(v) * Math.sin(u),
                    t * axesA[2] * Math.cos(v) };
                double[] world = new double[3];
                for (int r = 0; r < 3; r++) {
                    world[r] = rotA[3 * r] * local[0] + rotA[3 * r + 1] * local[1] + rotA[3 * r + 2] * local[2]
                            - offset[r];
                }
                double q = 0;
                for (int k = 0; k < 3; k++) {
                    double lb = rotB[k] * world[0] + rotB[3 + k] * world[1] + rotB[6 + k] * world[2];
                    q += lb * lb / (t * t * axesB[k] * axesB[k]);
                }
                if (q < 1) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void contactScaleIsWhereRotatedEllipsoidsStartToOverlap() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 4; trial++) {
            double[] axesA = { 3.3, 2.7, 2.2 };
            double[] axesB = { 2.9, 2.5, 1.9 };
            double[] rotA = Phantom.randomRotation(random);
            double[] rotB = Phantom.randomRotation(random);
            double[] offset = { random.nextDouble(-6, 6), random.nextDouble(-6, 6), random.nextDouble(-6, 6) };
            double scale = Ellipsoids.contactScale(offset, Ellipsoids.shapeMatrix(axesA, rotA),
                    Ellipsoids.shapeMatrix(axesB, rotB));
            assertTrue(overlapBySampling(offset, axesA, rotA, axesB, rotB, scale * 1.01), "trial " + trial);
            assertTrue(!overlapBySampling(offset, axesA, rotA, axesB, rotB, scale * 0.99), "trial " + trial);
        }
    }

    private static FieldSpec spec(int particles) {
        return new FieldSpec(particles, List.of(Architecture.preset("63ni"), Architecture.preset("86ni")), 5.5, 0.12,
                0.66, 0.75, 0.04, 0.02, 0.3, 0.03, 0.05);
    }

    @Test
    void packingKeepsGapsExceptForContactsAndFillsTheWholeCylinder() {
        double width = 50;
        double height = 42;
        Field field = Field.generate(spec(40), width, height, 3);
        List<Particle> particles = field.particles();
        assertEquals(40, particles.size());
        Set<String> contacts = field.contacts().stream().map(c -> c.first() + "-" + c.second())
                .collect(Collectors.toSet());
        assertTrue(contacts.size() >= 5, "touching pairs: " + contacts.size());
        int nearWall = 0;
        int nearTopOrBottom = 0;
        for (int i = 0; i < particles.size(); i++) {
            Particle p = particles.get(i);
            assertEquals(i + 1, p.id());
            Vec3 c = p.centreUm();
            assertTrue(Math.hypot(c.x(), c.y()) <= width / 2 && Math.abs(c.z()) <= height / 2, "centre in the field");
            nearWall += Math.hypot(c.x(), c.y()) + p.boundingRadiusUm() > width / 2 ? 1 : 0;
            nearTopOrBottom += Math.abs(c.z()) + p.boundingRadiusUm() > height / 2 ? 1 : 0;
            assertTrue(p.feretRatio() >= 0.66 - 1e-12 && p.feretRatio() <= 0.75 + 1e-12, "Feret " + p.feretRatio());
            double[] sigmaI = Ellipsoids.shapeMatrix(p.semiAxesUm(), p.rotation());
            for (int j = i + 1; j < particles.size(); j++) {
                Particle q = particles.get(j);
                Vec3 d = q.centreUm().minus(c);
                double scale = Ellipsoids.contactScale(new double[] { d.x(), d.y(), d.z() }, sigmaI,
                        Ellipsoids.shapeMatrix(q.semiAxesUm(), q.rotation()));
                if (contacts.contains(p.id() + "-" + q.id())) {
                    assertTrue(scale >= 0.97 - 1e-9 && scale <= 1 + 1e-9, "touching pair " + p.id() + "-" + q.id()
                            + ": " + scale);
                } else {
                    assertTrue(scale >= 1.05 - 1e-9, "pair " + p.id() + "-" + q.id() + " too close: " + scale);
                }
            }
        }
        assertTrue(nearWall >= 3 && nearTopOrBottom >= 3, "cut candidates: " + nearWall + ", " + nearTopOrBottom);
        double[] diameters = particles.stream().mapToDouble(Particle::equivalentDiameterUm).sorted().toArray();
        assertEquals(5.5, diameters[diameters.length / 2], 0.5, "median diameter");
        assertTrue(diameters[diameters.length - 1] / diameters[0] > 1.2, "sizes vary: " + Arrays.toString(diameters));
        Set<String> used = particles.stream().map(p -> field.architecture(p.id())).collect(Collectors.toSet());
        assertEquals(Set.of("63ni", "86ni"), used);
        for (Field.Contact contact : field.contacts()) {
            assertTrue(contact.overlapUm() >= 0 && contact.overlapUm() < 0.3, "overlap " + contact.overlapUm());
        }
    }

    @Test
    void sameSeedSameFieldAndTooManyParticlesAreRefused() {
        Field a = Field.generate(spec(6), 30, 20, 9);
        Field b = Field.generate(spec(6), 30, 20, 9);
        for (int i = 0; i < 6; i++) {
            assertEquals(a.particles().get(i).centreUm(), b.particles().get(i).centreUm());
            assertEquals(a.particles().get(i).pores(), b.particles().get(i).pores());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Field.generate(spec(60), 12, 10, 1));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }
}
