package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgewise.api.Element;
import org.edgewise.physics.TmFractions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhantomTest {

    @ParameterizedTest
    @CsvSource({ "63ni, 0.63, 0.19, 0.18", "80ni, 0.80, 0.10, 0.10", "86ni, 0.86, 0.07, 0.07" })
    void presetsReproduceTheIcpAverageOverTheShells(String preset, double ni, double mn, double co) {
        Architecture architecture = Architecture.preset(preset);
        assertEquals(ni, architecture.precursorAverage().ni(), 0.005, "precursor layers");
        Phantom phantom = Phantom.generate(new PhantomSpec(1, 5.5, 0.7, architecture, 0, 0.02, 0), 1);
        Particle p = phantom.particles().get(0);
        double[] s = p.semiAxesUm();
        double[] d = p.shellDepthsUm();
        double[] sum = new double[3];
        double total = 0;
        for (int k = 0; k < d.length; k++) {
            double outer = (s[0] - d[k]) * (s[1] - d[k]) * (s[2] - d[k]);
            double inner = k + 1 < d.length ? (s[0] - d[k + 1]) * (s[1] - d[k + 1]) * (s[2] - d[k + 1]) : 0;
            double v = outer - inner;
            TmFractions f = p.shellComposition(k);
            sum[0] += v * f.ni();
            sum[1] += v * f.mn();
            sum[2] += v * f.co();
            total += v;
        }
        assertEquals(ni, sum[0] / total, 0.003);
        assertEquals(mn, sum[1] / total, 0.003);
        assertEquals(co, sum[2] / total, 0.003);
        // a gradient remains: the surface is poorer in Ni than the deep interior
        TmFractions surface = p.shellComposition(0);
        TmFractions deep = p.shellComposition(d.length - 1);
        assertTrue(deep.ni() - surface.ni() > 0.05, preset + " surface " + surface + " deep " + deep);
        assertTrue(deep.ni() <= 0.9 + 1e-9, "deep Ni cannot exceed the core feed: " + deep);
    }

    @Test
    void generationIsDeterministicAndParticlesFitWithoutOverlap() {
        PhantomSpec spec = PhantomSpec.paperLike(Architecture.preset("80ni"), 3);
        Phantom a = Phantom.generate(spec, 42);
        Phantom b = Phantom.generate(spec, 42);
        assertEquals(a.fieldUm(), b.fieldUm());
        for (int i = 0; i < 3; i++) {
            Particle p = a.particles().get(i);
            assertEquals(p.centreUm(), b.particles().get(i).centreUm());
            assertEquals(p.pores(), b.particles().get(i).pores());
            Vec3 c = p.centreUm();
            double r = p.boundingRadiusUm();
            assertTrue(Math.hypot(c.x(), c.y()) + r <= a.fieldUm() / 2, "inside the rotation cylinder");
            assertTrue(Math.abs(c.z()) + r <= a.fieldUm() / 2, "inside the rows");
            assertEquals(5.5, p.equivalentDiameterUm(), 0.3);
            assertEquals(0.7, p.feretRatio(), 0.031);
            assertEquals(0.04, 1 - p.solidVolumeUm3() / p.volumeUm3(), 0.01);
            for (int j = 0; j < i; j++) {
                Particle q = a.particles().get(j);
                assertTrue(c.minus(q.centreUm()).norm() > r + q.boundingRadiusUm());
            }
        }
        assertTrue(Phantom.generate(spec, 43).particles().get(0).centreUm() != a.particles().get(0).centreUm());
    }

    @Test
    void userProfilesAreReadFromCsvAndInterpolated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.csv");
        Files.writeString(file, "depth_um,ni,mn,co\n0,0.5,0.3,0.2\n1.0,0.9,0.05,0.05\n");
        TabulatedProfile profile = TabulatedProfile.read(file);
        assertEquals("user:profile.csv", profile.name());
        assertEquals(0.7, profile.at(0.5).ni(), 1e-12);
        assertEquals(0.9, profile.at(3).ni(), 1e-12);
        assertEquals(0.5, profile.at(0).ni(), 1e-12);
        Files.writeString(file, "depth_um,ni,mn,co\n0,0.5,0.3,0.2\n0,0.9,0.05,0.05\n");
        Exception e = assertThrows(java.io.IOException.class, () -> TabulatedProfile.read(file));
        assertTrue(e.getMessage().contains("profile.csv"), e.getMessage());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Architecture.preset("90ni"));
        assertTrue(e.getMessage().contains("63ni"), e.getMessage());
        assertEquals(0.9, Architecture.CORE.of(Element.NI), 1e-12);
    }
}
