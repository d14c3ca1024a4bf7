package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.junit.jupiter.api.Test;

/** The analytic projector against an independent numerical integration of the same object. */
class LineIntegralTest {

    private static final double ENERGY_KEV = 8.353;

    /** Midpoint rule along the ray with point membership (pores, then nested shells): no chords involved. */
    private static double numericalIntegral(Particle particle, double[] origin, double[] dir, double[] mu,
            double stepUm) {
        double range = particle.boundingRadiusUm() + 0.1;
        Vec3 c = particle.centreUm();
        double t0 = (c.x() - origin[0]) * dir[0] + (c.y() - origin[1]) * dir[1] + (c.z() - origin[2]) * dir[2];
        int n = (int) Math.ceil(2 * range / stepUm);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = t0 - range + (i + 0.5) * stepUm;
            sum += particle.attenuationAtPerUm(origin[0] + t * dir[0], origin[1] + t * dir[1],
                    origin[2] + t * dir[2], ENERGY_KEV, mu);
        }
        return sum * stepUm;
    }

    @Test
    void analyticLineIntegralsMatchNumericalIntegrationWithinAThousandth() {
        Phantom phantom = Phantom.generate(
                new PhantomSpec(1, 5.5, 0.7, Architecture.preset("63ni"), 0.06, 0.02, 0), 5);
        Particle particle = phantom.particles().get(0);
        assertTrue(particle.pores().size() > 10, "pores: " + particle.pores().size());
        double[] mu = particle.attenuationPerUm(ENERGY_KEV);
        double[] inc = particle.attenuationIncrementsPerUm(ENERGY_KEV);
        SplittableRandom random = new SplittableRandom(17);
        double worst = 0;
        int tested = 0;
        while (tested < 40) {
            // random direction, random offset within the particle's bounding radius
            double cz = random.nextDouble(-1, 1);
            double phi = random.nextDouble(0, 2 * Math.PI);
            double sz = Math.sqrt(1 - cz * cz);
            double[] dir = { sz * Math.cos(phi), sz * Math.sin(phi), cz };
            Vec3 c = particle.centreUm();
            double[] origin = { c.x() + random.nextDouble(-2.5, 2.5), c.y() + random.nextDouble(-2.5, 2.5),
                c.z() + random.nextDouble(-2.5, 2.5) };
            double analytic = particle.lineIntegral(origin, dir, inc);
            if (analytic < 0.05) {
                continue; // grazing rays: relative error is meaningless
            }
            double numerical = numericalIntegral(particle, origin, dir, mu, 2e-4);
            worst = Math.max(worst, Math.abs(analytic - numerical) / numerical);
            tested++;
        }
        assertTrue(worst < 1e-3, "worst relative difference " + worst);
    }

    @Test
    void homogeneousSphereProjectsToTheChordFormulaIncludingCentreOffsetAndJitter() {
        LayeredOxide oxide = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        TabulatedProfile uniform = new TabulatedProfile("uniform", new double[] { 0 },
                new TmFractions[] { oxide.tm() });
        double radius = 2.0;
        Particle sphere = new Particle(1, new Vec3(0.5, -0.3, 0.2), new double[] { radius, radius, radius },
                new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, List.of(), uniform, 0.05);
        Phantom phantom = new Phantom(List.of(sphere), 6.4, "uniform");
        double[] angles = { 0, 30, 90 };
        ScanGeometry g = new ScanGeometry(64, 64, angles, 0.1, 1.002, 33.7, new double[] { 0.4, -1.2, 0 },
                new double[] { 2.5, 0, -0.75 });
        float[][][] p = Projector.project(phantom, g, ENERGY_KEV, 1);
        double mu = oxide.linearAttenuationPerUm(ENERGY_KEV);
        double pixel = g.truePixelUm();
        for (int a = 0; a < angles.length; a++) {
            double th = Math.toRadians(angles[a]);
            for (int r = 0; r < 64; r += 3) {
                for (int col = 0; col < 64; col += 3) {
                    double s = (col - g.rotationCentrePx() - g.jitterColPx()[a]) * pixel;
                    double z = (r - 31.5 - g.jitterRowPx()[a]) * pixel;
                    // distance of the ray from the sphere centre
                    double sc = 0.5 * Math.cos(th) + -0.3 * Math.sin(th);
                    double d2 = (s - sc) * (s - sc) + (z - 0.2) * (z - 0.2);
                    double expected = d2 < radius * radius ? 2 * mu * Math.sqrt(radius * radius - d2) : 0;
                    assertEquals(expected, p[a][r][col], 2e-6 + 1e-5 * expected, "a=" + a + " r=" + r + " c=" + col);
                }
            }
        }
    }

    @Test
    void shellsCarryTheProfileAndPoresAreEmpty() {
        Phantom phantom = Phantom.generate(PhantomSpec.paperLike(Architecture.preset("86ni"), 1), 9);
        Particle particle = phantom.particles().get(0);
        Pore pore = particle.pores().get(0);
        Vec3 pc = pore.centreLocalUm();
        assertEquals(-1, particle.shellAt(new double[] { pc.x(), pc.y(), pc.z() }));
        double[] s = particle.semiAxesUm();
        assertEquals(0, particle.shellAt(new double[] { s[0] - 0.005, 0, 0 }));
        assertEquals(-1, particle.shellAt(new double[] { s[0] + 0.005, 0, 0 }));
        // along the shortest axis the shell depth is the Euclidean depth
        assertEquals(25, particle.shellAt(new double[] { 0, 0, s[2] - 0.51 }));
    }
}
