package org.edgewise.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The transition metals whose K edges Edgewise images in layered-oxide cathodes (LiNi<sub>x</sub>Mn<sub>y</sub>Co<sub>z</sub>O<sub>2</sub>).
 * <p>
 * Each element is scanned twice, just below and just above its K edge; the difference of the two
 * reconstructions is the element's differential absorption. Edge energies are the tabulated K-shell
 * absorption edges (the same values xraylib returns from {@code EdgeEnergy(Z, K_SHELL)}), in keV.
 */
public enum Element {
    /** Manganese, K edge 6.539 keV. */
    MN("Mn", 25, 6.539),
    /** Cobalt, K edge 7.709 keV. */
    CO("Co", 27, 7.709),
    /** Nickel, K edge 8.333 keV. */
    NI("Ni", 28, 8.333);

    private final String symbol;
    private final int atomicNumber;
    private final double kEdgeKev;

    Element(String symbol, int atomicNumber, double kEdgeKev) {
        this.symbol = symbol;
        this.atomicNumber = atomicNumber;
        this.kEdgeKev = kEdgeKev;
    }

    /** @return the chemical symbol, e.g. {@code "Ni"} */
    public String symbol() {
        return symbol;
    }

    /** @return the atomic number Z */
    public int atomicNumber() {
        return atomicNumber;
    }

    /** @return the K-shell absorption edge energy in keV */
    public double kEdgeKev() {
        return kEdgeKev;
    }

    /**
     * Finds an element by its chemical symbol, ignoring case.
     *
     * @param symbol e.g. {@code "ni"} or {@code "Ni"}
     * @return the element, or empty if Edgewise does not image it
     */
    public static Optional<Element> bySymbol(String symbol) {
        for (Element element : values()) {
            if (element.symbol.toLowerCase(Locale.ROOT).equals(symbol.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the element whose K edge lies nearest to a scan energy, if it lies within {@code maxDistanceKev}.
     * A scan "belongs" to an element when it was taken just below or just above that element's edge.
     *
     * @param energyKev      the monochromator energy of a scan, keV
     * @param maxDistanceKev the largest distance from an edge that still counts as "near", keV (scans are
     *                       typically taken 10–50 eV either side of the edge)
     * @return the element, or empty when no edge is that close
     */
    public static Optional<Element> nearestEdge(double energyKev, double maxDistanceKev) {
        Element best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Element element : values()) {
            double distance = Math.abs(energyKev - element.kEdgeKev);
            if (distance < bestDistance) {
                best = element;
                bestDistance = distance;
            }
        }
        return bestDistance <= maxDistanceKev ? Optional.of(best) : Optional.empty();
    }
}
