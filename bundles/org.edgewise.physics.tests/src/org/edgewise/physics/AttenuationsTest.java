package org.edgewise.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.edgewise.api.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tschoonj.xraylib.Xraylib;

class AttenuationsTest {

    @ParameterizedTest
    @CsvSource({ "NI, 44.6, 327.4", "CO, 47.4, 353.3", "MN, 58.5, 448.6" })
    void edgeJumpsAcrossTheTypicalPairsMatchTheHandCheckedValues(Element element, double below, double above) {
        EnergyPair pair = EnergyPair.typical(element);
        // mass attenuation coefficients checked by hand against xraylib's tables to about 0.5 %
        assertEquals(below, Attenuations.massAttenuationCm2PerG(element, pair.belowKev()), 0.006 * below);
        assertEquals(above, Attenuations.massAttenuationCm2PerG(element, pair.aboveKev()), 0.003 * above);
    }

    @Test
    void nickelAcrossItsEdgeToTheDecimal() {
        assertEquals(44.57, Attenuations.massAttenuationCm2PerG(Element.NI, 8.313), 0.01);
        assertEquals(327.39, Attenuations.massAttenuationCm2PerG(Element.NI, 8.353), 0.01);
        assertEquals(327.39 - 44.57, Attenuations.edgeJumpCm2PerG(Element.NI, 8.313, 8.353), 0.02);
    }

    @Test
    void kEdgesComeFromXraylibAndAgreeWithTheApiTable() {
        for (Element e : Element.values()) {
            assertEquals(e.kEdgeKev(), Attenuations.kEdgeKev(e.atomicNumber()), 0.001, e.symbol());
        }
    }

    @ParameterizedTest
    @CsvSource({ "8.0, 62.885", "8.4, 190.228" })
    void nmc811MassAttenuationMatchesTheLibraryNotes(double energyKev, double expected) {
        LayeredOxide nmc811 = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        assertEquals(expected, nmc811.massAttenuationCm2PerG(energyKev), 0.001);
    }

    @ParameterizedTest
    @CsvSource({ "0.9, 0.05, 0.05, 8.353", "0.333, 0.333, 0.334, 6.558", "0.6, 0.2, 0.2, 7.704" })
    void compoundAttenuationAgreesWithXraylibsOwnFormulaParser(double ni, double mn, double co, double energyKev) {
        LayeredOxide oxide = LayeredOxide.of(TmFractions.normalised(ni, mn, co));
        double reference = Xraylib.CS_Total_CP(oxide.formula(), energyKev);
        assertEquals(reference, oxide.massAttenuationCm2PerG(energyKev), 1e-6 * reference);
        // 1/µm: ρ · μ/ρ · 1e-4
        assertEquals(oxide.densityGPerCm3() * reference * 1e-4, oxide.linearAttenuationPerUm(energyKev), 1e-9);
    }

    @Test
    void densityFollowsTheConstantMolarVolume() {
        assertEquals(4.78, LayeredOxide.of(new TmFractions(1, 0, 0)).densityGPerCm3(), 0.01);
        assertEquals(4.75, LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1)).densityGPerCm3(), 0.02);
    }

    @Test
    void differentialAbsorptionIsDominatedByTheEdgeJump() {
        LayeredOxide oxide = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        EnergyPair ni = EnergyPair.typical(Element.NI);
        double jumpOnly = oxide.partialDensityGPerCm3(Element.NI)
                * Attenuations.edgeJumpCm2PerG(Element.NI, ni.belowKev(), ni.aboveKev()) * 1e-4;
        double delta = ni.differentialAttenuationPerUm(oxide);
        // the other elements' coefficients fall slightly across the pair: Δμ is a little below ρ_Ni·J_Ni
        assertEquals(jumpOnly, delta, 0.02 * jumpOnly);
        assertEquals(true, delta < jumpOnly);
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TmFractions(0.5, 0.2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new EnergyPair(Element.NI, 8.34, 8.36));
        assertThrows(IllegalArgumentException.class, () -> Attenuations.massAttenuationCm2PerG(28, Double.NaN));
    }
}
