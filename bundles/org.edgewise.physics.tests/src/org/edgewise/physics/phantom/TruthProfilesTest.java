package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
