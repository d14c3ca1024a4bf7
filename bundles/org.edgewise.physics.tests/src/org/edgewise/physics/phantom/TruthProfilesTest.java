package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.physics.EnergyPair;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.junit.jupiter.api.Test;

class TruthProfilesTest {

    private static List<EnergyPair> pairs() {
        List<EnergyPair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            pairs.add(EnergyPair.typical(e));
        }
        return pairs;
    }

    @Test
    void sphereBinsHaveTheAnalyticShellVolumesAndTheProfileValues() {
        double radius = 2.0;
        // Ni fraction rising linearly from 0.5 at the surface to 0.9 at 1 µm, constant below
        TabulatedProfile profile = new TabulatedProfile("ramp", new double[] { 0, 1 },
                new TmFractions[] { TmFractions.normalised(0.5, 0.25, 0.25), TmFractions.normalised(0.9, 0.05, 0.05) });
        Particle sphere = new Particle(1, new Vec3(0, 0, 0), new double[] { radius, radius, radius },
                new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, List.of(), profile, 0.01);
        double bin = 0.1;
        List<TruthProfiles.Bin> bins = TruthProfiles.compute(sphere, bin, 0.01, pairs());
        for (TruthProfiles.Bin b : bins.subList(0, 15)) {
            double outer = radius - b.depthLowUm();
            double inner = radius - b.depthHighUm();
            double volume = 4.0 / 3.0 * Math.PI * (outer * outer * outer - inner * inner * inner);
            assertEquals(volume, b.volumeUm3(), 0.01 * volume, "bin at " + b.depthLowUm());
            double mid = 0.5 * (b.depthLowUm() + b.depthHighUm());
            assertEquals(profile.at(mid).ni(), b.fractionNi(), 0.003, "Ni at " + mid);
            // the ratio is the paper's Eq. 1 of the bin's mean differential absorption
            TmFractions f = new TmFractions(b.fractionNi(), b.fractionMn(), b.fractionCo());
            LayeredOxide oxide = LayeredOxide.of(f);
            double ni = EnergyPair.typical(Element.NI).differentialAttenuationPerUm(oxide);
            double mn = EnergyPair.typical(Element.MN).differentialAttenuationPerUm(oxide);
            double co = EnergyPair.typical(Element.CO).differentialAttenuationPerUm(oxide);
            assertEquals(ni / (ni + mn + co), b.ratioNi(), 0.003, "ratio at " + mid);
        }
    }

    @Test
    void symmetricPassEqualsAPointByPointPassOverTheSameGridAndTheClassicGridClosely() {
        Phantom phantom = Phantom.generate(new PhantomSpec(1, 2.4, 0.7, Architecture.preset("63ni"), 0.15, 0.02, 0),
                3);
        Particle particle = phantom.particles().get(0);
        assertTrue(particle.pores().size() > 5, "pores " + particle.pores().size());
        double grid = 0.02;
        double binUm = 0.06;
        List<TruthProfiles.Bin> fast = TruthProfiles.computeBySymmetry(particle, binUm, grid, pairs());
        // point by point over the whole symmetric grid, pores by point membership (shellAt)
        double[] s = particle.semiAxesUm();
        int bins = (int) Math.ceil(s[2] / binUm) + 1;
        long[] count = new long[bins];
        double[] ni = new double[bins];
        double[] local = new double[3];
        int n = (int) Math.ceil(s[0] / grid);
        for (int i = -n; i < n; i++) {
            local[0] = (i + 0.5) * grid;
            for (int j = -n; j < n; j++) {
                local[1] = (j + 0.5) * grid;
                for (int k = -n; k < n; k++) {
                    local[2] = (k + 0.5) * grid;
                    int shell = particle.shellAt(local);
                    if (shell < 0) {
                        continue;
                    }
                    double depth = Ellipsoids.depthBelowSurface(local[0], local[1], local[2], s[0], s[1], s[2]);
                    int b = Math.min(bins - 1, (int) (depth / binUm));
                    count[b]++;
                    ni[b] += particle.shellComposition(shell).ni();
                }
            }
        }
        int row = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            TruthProfiles.Bin bin = fast.get(row++);
            assertEquals(b * binUm, bin.depthLowUm(), 1e-12);
            assertEquals(count[b], bin.samples(), "samples in bin " + b);
            assertEquals(ni[b] / count[b], bin.fractionNi(), 1e-12, "Ni in bin " + b);
        }
        assertEquals(row, fast.size());
        List<TruthProfiles.Bin> classic = TruthProfiles.compute(particle, binUm, grid, pairs());
        assertEquals(classic.size(), fast.size());
        for (int b = 0; b + 1 < fast.size(); b++) {
            assertEquals(classic.get(b).volumeUm3(), fast.get(b).volumeUm3(), 0.03 * classic.get(b).volumeUm3());
            assertEquals(classic.get(b).fractionNi(), fast.get(b).fractionNi(), 0.003, "bin " + b);
        }
    }
}
