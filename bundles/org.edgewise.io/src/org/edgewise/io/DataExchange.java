package org.edgewise.io;

/** Dataset paths and units of the APS Data Exchange layout that Edgewise reads and writes (method.md §3). */
public final class DataExchange {

    /** Projections, uint16 or float32, {@code [angle, row, column]}, counts. */
    public static final String DATA = "/exchange/data";
    /** Flat (white) frames, {@code [frame, row, column]}, counts. */
    public static final String WHITE = "/exchange/data_white";
    /** Dark frames, {@code [frame, row, column]}, counts. */
    public static final String DARK = "/exchange/data_dark";
    /** Projection angles, degrees, one per projection. */
    public static final String THETA = "/exchange/theta";
    /** Beam energy, keV, scalar. */
    public static final String ENERGY = "/measurement/instrument/monochromator/energy";
    /** Pixel size in the sample plane, µm, scalar. */
    public static final String PIXEL_SIZE = "/measurement/instrument/detection_system/objective/resolution";
    /** Data Exchange's declaration of what the file implements. */
    public static final String IMPLEMENTS = "/implements";

    private DataExchange() {
    }
}
