package org.edgewise.physics;

import org.edgewise.api.Element;

/**
 * A layered lithium transition-metal oxide Li<sub>lithium</sub>(Ni<sub>x</sub>Mn<sub>y</sub>Co<sub>z</sub>)O<sub>2</sub>
 * at a given density.
 * <p>
 * {@link #of(TmFractions)} uses a constant molar volume ({@value #MOLAR_VOLUME_CM3_PER_MOL} cm³ per mole of
 * formula units, LiNiO<sub>2</sub> at 4.78 g/cm³), so the density follows the composition as it does in the
 * isostructural NMC family (LiNiO<sub>2</sub> 4.78, NMC811 ≈ 4.74 g/cm³).
 *
 * @param tm             transition-metal fractions
 * @param lithium        Li per formula unit (1 for stoichiometric LiTMO<sub>2</sub>)
 * @param densityGPerCm3 bulk density of the solid, g/cm³
 */
public record LayeredOxide(TmFractions tm, double lithium, double densityGPerCm3) {

    /** Molar volume of LiNiO<sub>2</sub> (97.63 g/mol at 4.78 g/cm³), cm³/mol. */
    public static final double MOLAR_VOLUME_CM3_PER_MOL = 20.425;

    public LayeredOxide {
        if (tm == null) {
            throw new IllegalArgumentException("transition-metal fractions are required");
        }
        if (!(lithium >= 0) || !(densityGPerCm3 > 0)) {
            throw new IllegalArgumentException("lithium must be >= 0 and density > 0, were " + lithium + ", "
                    + densityGPerCm3);
        }
    }

    /** Stoichiometric LiTMO<sub>2</sub> at the density implied by the constant molar volume. */
    public static LayeredOxide of(TmFractions tm) {
        double molarMass = molarMass(tm, 1.0);
        return new LayeredOxide(tm, 1.0, molarMass / MOLAR_VOLUME_CM3_PER_MOL);
    }

    /** @return the molar mass of one formula unit, g/mol */
    public double molarMassGPerMol() {
        return molarMass(tm, lithium);
    }

    private static double molarMass(TmFractions tm, double lithium) {
        return lithium * Attenuations.atomicWeight(Attenuations.LITHIUM)
                + tm.ni() * Attenuations.atomicWeight(Element.NI.atomicNumber())
                + tm.mn() * Attenuations.atomicWeight(Element.MN.atomicNumber())
                + tm.co() * Attenuations.atomicWeight(Element.CO.atomicNumber())
                + 2 * Attenuations.atomicWeight(Attenuations.OXYGEN);
    }

    /** @return the mass fraction of a transition metal in the compound */
    public double massFraction(Element element) {
        return tm.of(element) * Attenuations.atomicWeight(element.atomicNumber()) / molarMassGPerMol();
    }

    /** @return the partial density ρ_e of a transition metal, g/cm³ */
    public double partialDensityGPerCm3(Element element) {
        return densityGPerCm3 * massFraction(element);
    }

    /** @return the compound's mass attenuation coefficient Σ w_i (μ/ρ)_i, cm²/g */
    public double massAttenuationCm2PerG(double energyKev) {
        double m = molarMassGPerMol();
        double sum = lithium * Attenuations.atomicWeight(Attenuations.LITHIUM)
                * Attenuations.massAttenuationCm2PerG(Attenuations.LITHIUM, energyKev);
        sum += 2 * Attenuations.atomicWeight(Attenuations.OXYGEN)
                * Attenuations.massAttenuationCm2PerG(Attenuations.OXYGEN, energyKev);
        for (Element e : Element.values()) {
            sum += tm.of(e) * Attenuations.atomicWeight(e.atomicNumber())
                    * Attenuations.massAttenuationCm2PerG(e, energyKev);
        }
        return sum / m;
    }

    /** @return the linear attenuation coefficient μ, 1/µm */
    public double linearAttenuationPerUm(double energyKev) {
        return densityGPerCm3 * massAttenuationCm2PerG(energyKev) * Attenuations.PER_CM_TO_PER_UM;
    }

    /** @return the chemical formula in xraylib's syntax, e.g. {@code Li1Ni0.8Mn0.1Co0.1O2} */
    public String formula() {
        return "Li" + lithium + "Ni" + tm.ni() + "Mn" + tm.mn() + "Co" + tm.co() + "O2";
    }
}
