package org.edgewise.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.physics.EnergyPair;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.junit.jupiter.api.Test;

/** The calibration against the compound model of the physics bundle (mass fractions, not moles). */
class CalibrationTest {

    private static List<EnergyPair> typical() {
        List<EnergyPair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            pairs.add(EnergyPair.typical(e));
        }
        return pairs;
    }

    private static double[] deltaMu(LayeredOxide oxide, List<EnergyPair> pairs) {
        double[] d = new double[3];
        for (EnergyPair p : pairs) {
            d[p.element().ordinal()] = p.differentialAttenuationPerUm(oxide);
        }
        return d;
    }

    @Test
    void recoversTheCompositionOfLayeredOxides() {
        List<EnergyPair> pairs = typical();
        Calibration c = Calibration.of(pairs, 1.0);
        for (TmFractions f : List.of(TmFractions.ofNiCoMn(8, 1, 1), TmFractions.ofNiCoMn(1, 1, 1),
                TmFractions.ofNiCoMn(90, 5, 5), new TmFractions(0.63, 0.19, 0.18))) {
            LayeredOxide oxide = LayeredOxide.of(f);
            double[] x = c.fractions(deltaMu(oxide, pairs));
            assertEquals(f.ni(), x[Element.NI.ordinal()], 1e-9);
            assertEquals(f.mn(), x[Element.MN.ordinal()], 1e-9);
            assertEquals(f.co(), x[Element.CO.ordinal()], 1e-9);
            double[] rho = c.partialDensities(deltaMu(oxide, pairs));
            for (Element e : Element.values()) {
                assertEquals(oxide.partialDensityGPerCm3(e), rho[e.ordinal()], 1e-9);
            }
        }
    }

    @Test
    void theRatioIsBiasedAndTheFractionIsNot() {
        // the paper's ratio differs from the atomic fraction because the edge jumps differ (Mn's is the largest)
        List<EnergyPair> pairs = typical();
        LayeredOxide nmc111 = LayeredOxide.of(TmFractions.ofNiCoMn(1, 1, 1));
        double[] r = Calibration.ratios(deltaMu(nmc111, pairs));
        assertTrue(r[Element.MN.ordinal()] > 0.36, "Mn ratio of NMC111 " + r[Element.MN.ordinal()]);
        assertTrue(r[Element.NI.ordinal()] < 0.31, "Ni ratio of NMC111 " + r[Element.NI.ordinal()]);
        double[] x = Calibration.of(pairs, 1).fractions(deltaMu(nmc111, pairs));
        assertEquals(1.0 / 3, x[Element.MN.ordinal()], 1e-9);
    }

    @Test
    void lithiumAndEnergyChangesAreSmallSystematics() {
        List<EnergyPair> pairs = typical();
        LayeredOxide rich = new LayeredOxide(new TmFractions(0.63, 0.19, 0.18), 1.07, 4.7);
        double[] x = Calibration.of(pairs, 1.0).fractions(deltaMu(rich, pairs));
        assertEquals(0.63, x[Element.NI.ordinal()], 1e-3, "Li 1.07 analysed as 1.00");
        // the stated energies 2 eV off on both sides of every pair
        List<EnergyPair> shifted = new ArrayList<>();
        for (EnergyPair p : pairs) {
            shifted.add(new EnergyPair(p.element(), p.belowKev() + 0.002, p.aboveKev() + 0.002));
        }
        double[] y = Calibration.of(shifted, 1.0).fractions(deltaMu(rich, pairs));
        assertEquals(0.63, y[Element.NI.ordinal()], 5e-3, "energies 2 eV off");
    }

    @Test
    void systematicSpreadCoversTheKnownCauses() {
        List<EnergyPair> pairs = typical();
        Calibration c = Calibration.of(pairs, 1.0);
        LayeredOxide rich = new LayeredOxide(new TmFractions(0.63, 0.19, 0.18), 1.07, 4.7);
        double[] d = deltaMu(rich, pairs);
        double[] x = c.fractions(d);
        double[] spread = c.systematicSpread(d, 0.07, 0.002);
        for (Element e : Element.values()) {
            double truth = rich.tm().of(e);
            assertTrue(Math.abs(x[e.ordinal()] - truth) <= spread[e.ordinal()] + 1e-12,
                    e + ": error " + (x[e.ordinal()] - truth) + " outside the stated spread " + spread[e.ordinal()]);
            assertTrue(spread[e.ordinal()] < 0.02, e + " spread " + spread[e.ordinal()]);
        }
    }

    @Test
    void propagatedCovarianceMatchesMonteCarlo() {
        List<EnergyPair> pairs = typical();
        Calibration c = Calibration.of(pairs, 1.0);
        double[] d = deltaMu(LayeredOxide.of(TmFractions.ofNiCoMn(6, 2, 2)), pairs);
        double sigma = 2e-4;
        double[][] cov = new double[3][3];
        for (int e = 0; e < 3; e++) {
            cov[e][e] = sigma * sigma;
        }
        double[][] fc = c.fractionCovariance(d, cov);
        double[][] rc = Calibration.ratioCovariance(d, cov);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 20000;
        double[] sf = new double[3];
        double[] sr = new double[3];
        double[] x0 = c.fractions(d);
        double[] r0 = Calibration.ratios(d);
        for (int i = 0; i < n; i++) {
            double[] dd = d.clone();
            for (int e = 0; e < 3; e++) {
                dd[e] += sigma * gaussian(random);
            }
            double[] x = c.fractions(dd);
            double[] r = Calibration.ratios(dd);
            for (int e = 0; e < 3; e++) {
                sf[e] += (x[e] - x0[e]) * (x[e] - x0[e]) / n;
                sr[e] += (r[e] - r0[e]) * (r[e] - r0[e]) / n;
            }
        }
        for (int e = 0; e < 3; e++) {
            assertEquals(Math.sqrt(sf[e]), Math.sqrt(fc[e][e]), 0.03 * Math.sqrt(fc[e][e]));
            assertEquals(Math.sqrt(sr[e]), Math.sqrt(rc[e][e]), 0.03 * Math.sqrt(rc[e][e]));
        }
    }

    static double gaussian(java.util.SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
