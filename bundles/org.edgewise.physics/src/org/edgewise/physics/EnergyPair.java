package org.edgewise.physics;

import org.edgewise.api.Element;

/**
 * The two energies at which one element is imaged: just below and just above its K edge.
 *
 * @param element  the element whose edge the pair brackets
 * @param belowKev energy below the edge, keV
 * @param aboveKev energy above the edge, keV
 */
public record EnergyPair(Element element, double belowKev, double aboveKev) {

    public EnergyPair {
        if (element == null) {
            throw new IllegalArgumentException("element is required");
        }
        if (!(belowKev < element.kEdgeKev()) || !(aboveKev > element.kEdgeKev())) {
            throw new IllegalArgumentException(element.symbol() + " pair " + belowKev + "/" + aboveKev
                    + " keV does not bracket the K edge at " + element.kEdgeKev() + " keV");
        }
    }

    /**
     * The typical pairs, just below and above each K edge: Mn 6.534/6.558, Co 7.704/7.728, Ni 8.313/8.353 keV.
     *
     * @return the pair for one element
     */
    public static EnergyPair typical(Element element) {
        return switch (element) {
            case MN -> new EnergyPair(Element.MN, 6.534, 6.558);
            case CO -> new EnergyPair(Element.CO, 7.704, 7.728);
            case NI -> new EnergyPair(Element.NI, 8.313, 8.353);
        };
    }

    /** @return the energy of one side, keV */
    public double energyKev(boolean above) {
        return above ? aboveKev : belowKev;
    }

    /**
     * Differential absorption {@code Δμ_e = μ(E+) − μ(E−)} of a compound across this pair.
     *
     * @return 1/µm
     */
    public double differentialAttenuationPerUm(LayeredOxide oxide) {
        return oxide.linearAttenuationPerUm(aboveKev) - oxide.linearAttenuationPerUm(belowKev);
    }
}
