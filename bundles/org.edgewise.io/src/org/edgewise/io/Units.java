package org.edgewise.io;

import java.util.Locale;
import java.util.Map;

import io.jhdf.api.Node;

/**
 * The {@code units} attributes of the physical quantities in Data Exchange files, read and honoured: an energy in
 * eV is converted to keV, a pixel size in nm or mm to µm, angles in radians to degrees. A unit that is not one of
 * these is rejected, never ignored; a quantity without a {@code units} attribute is taken in the unit of the Data
 * Exchange definition (keV, µm, degrees). Values outside what a transmission X-ray microscope can produce are
 * rejected with a hint at the unit that would make them plausible.
 */
public final class Units {

    /** Beam energies accepted, keV (hard X-ray microscopes work between a few and a few tens of keV). */
    public static final double MIN_ENERGY_KEV = 1;
    /** See {@link #MIN_ENERGY_KEV}. */
    public static final double MAX_ENERGY_KEV = 100;
    /** Pixel sizes accepted, µm (1 nm to 1 mm). */
    public static final double MIN_PIXEL_SIZE_UM = 1e-3;
    /** See {@link #MIN_PIXEL_SIZE_UM}. */
    public static final double MAX_PIXEL_SIZE_UM = 1e3;

    private static final Map<String, Double> TO_KEV = Map.of("kev", 1.0, "ev", 1e-3);
    private static final Map<String, Double> TO_UM = Map.ofEntries(Map.entry("um", 1.0), Map.entry("µm", 1.0),
            Map.entry("μm", 1.0), Map.entry("micron", 1.0), Map.entry("microns", 1.0), Map.entry("micrometer", 1.0),
            Map.entry("micrometers", 1.0), Map.entry("micrometre", 1.0), Map.entry("micrometres", 1.0),
            Map.entry("nm", 1e-3), Map.entry("mm", 1e3), Map.entry("m", 1e6));
    private static final Map<String, Double> TO_DEG = Map.of("deg", 1.0, "degree", 1.0, "degrees", 1.0, "°", 1.0,
            "rad", 180 / Math.PI, "radian", 180 / Math.PI, "radians", 180 / Math.PI);

    private Units() {
    }

    /**
     * @param node a dataset
     * @return its {@code units} (or {@code unit}) attribute, trimmed, or empty when it has none
     */
    public static String of(Node node) {
        for (String name : new String[] { "units", "unit" }) {
            io.jhdf.api.Attribute attribute = node.getAttribute(name);
            if (attribute != null) {
                Object value = attribute.getData();
                if (value instanceof String text) {
                    return text.trim();
                }
                if (value instanceof String[] texts && texts.length == 1) {
                    return texts[0].trim();
                }
            }
        }
        return "";
    }

    /**
     * @param value a beam energy as stored
     * @param unit  its units attribute (empty: keV)
     * @return the energy in keV
     * @throws IllegalArgumentException (the message says what is wrong and what is accepted) for another unit or an
     *                                  implausible value
     */
    public static double energyKev(double value, String unit) {
        Double factor = TO_KEV.get(unit.isEmpty() ? "kev" : unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("units '" + unit + "' are not an energy; accepted: keV or eV");
        }
        double kev = value * factor;
        if (!(kev >= MIN_ENERGY_KEV && kev <= MAX_ENERGY_KEV)) {
            String hint = kev > MAX_ENERGY_KEV && factor == 1.0 && value * 1e-3 >= MIN_ENERGY_KEV
                    ? "; if the value is in eV, set the dataset's units attribute to eV" : "";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "energy %s keV%s is outside %.0f–%.0f keV,"
                    + " the range of X-ray microscopes%s", number(kev), unit.isEmpty() ? " (no units attribute: keV)"
                    : "", MIN_ENERGY_KEV, MAX_ENERGY_KEV, hint));
        }
        return kev;
    }

    /**
     * @param value a pixel size as stored
     * @param unit  its units attribute (empty: µm)
     * @return the pixel size in µm
     * @throws IllegalArgumentException for another unit or an implausible value
     */
    public static double pixelSizeUm(double value, String unit) {
        Double factor = TO_UM.get(unit.isEmpty() ? "um" : unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("units '" + unit + "' are not a length; accepted: um (µm), nm, mm, m");
        }
        double um = value * factor;
        if (!(um >= MIN_PIXEL_SIZE_UM && um <= MAX_PIXEL_SIZE_UM)) {
            String hint = um > MAX_PIXEL_SIZE_UM && factor == 1.0 ? "; if the value is in nm, set the dataset's units"
                    + " attribute to nm" : um < MIN_PIXEL_SIZE_UM && factor == 1.0 ? "; if the value is in mm, set the"
                            + " dataset's units attribute to mm" : "";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pixel size %s µm%s is outside %s–%s µm%s",
                    number(um), unit.isEmpty() ? " (no units attribute: µm)" : "", number(MIN_PIXEL_SIZE_UM),
                    number(MAX_PIXEL_SIZE_UM), hint));
        }
        return um;
    }

    /**
     * @param unit the units attribute of projection angles (empty: degrees)
     * @return the factor that converts them to degrees
     * @throws IllegalArgumentException for a unit that is not an angle
     */
    public static double toDegrees(String unit) {
        Double factor = TO_DEG.get(unit.isEmpty() ? "deg" : unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("units '" + unit + "' are not an angle; accepted: degrees (deg) or"
                    + " rad");
        }
        return factor;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
