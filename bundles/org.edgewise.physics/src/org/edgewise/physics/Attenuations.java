package org.edgewise.physics;

import org.edgewise.api.Element;

import com.github.tschoonj.xraylib.Xraylib;

/**
 * X-ray constants from xraylib: mass attenuation coefficients, K edges and atomic weights.
 * <p>
 * All energies are in keV; mass attenuation coefficients in cm²/g (xraylib's {@code CS_Total}: photoelectric +
 * coherent + incoherent); linear attenuation coefficients in 1/µm, so that a line integral over a path measured
 * in µm is dimensionless.
 */
public final class Attenuations {

    /** Atomic number of lithium. */
    public static final int LITHIUM = 3;
    /** Atomic number of oxygen. */
    public static final int OXYGEN = 8;

    /** 1/cm to 1/µm. */
    public static final double PER_CM_TO_PER_UM = 1e-4;

    private Attenuations() {
    }

    /**
     * @param atomicNumber Z
     * @param energyKev    photon energy, keV (xraylib refuses energies outside its tables)
     * @return total mass attenuation coefficient μ/ρ, cm²/g
     */
    public static double massAttenuationCm2PerG(int atomicNumber, double energyKev) {
        if (!(energyKev > 0) || !Double.isFinite(energyKev)) {
            throw new IllegalArgumentException("energy must be a positive number of keV, was " + energyKev);
        }
        return Xraylib.CS_Total(atomicNumber, energyKev);
    }

    /** @return μ/ρ of a transition metal, cm²/g */
    public static double massAttenuationCm2PerG(Element element, double energyKev) {
        return massAttenuationCm2PerG(element.atomicNumber(), energyKev);
    }

    /** @return the K-shell absorption edge of Z from xraylib, keV */
    public static double kEdgeKev(int atomicNumber) {
        return Xraylib.EdgeEnergy(atomicNumber, Xraylib.K_SHELL);
    }

    /** @return the standard atomic weight of Z, g/mol */
    public static double atomicWeight(int atomicNumber) {
        return Xraylib.AtomicWeight(atomicNumber);
    }

    /**
     * The edge jump {@code J_e = (μ/ρ)_e(E+) − (μ/ρ)_e(E−)} of an element across an energy pair.
     *
     * @return cm²/g
     */
    public static double edgeJumpCm2PerG(Element element, double belowKev, double aboveKev) {
        return massAttenuationCm2PerG(element, aboveKev) - massAttenuationCm2PerG(element, belowKev);
    }
}
