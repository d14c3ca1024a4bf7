package org.edgewise.io;

import java.nio.file.Path;

import io.jhdf.HdfFile;

/** Dataset paths and units of the APS Data Exchange layout that Edgewise reads and writes (docs/data-formats.md). */
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
    /**
     * Group that {@code edgewise align} adds to the files it writes: their {@link #DATA} then holds aligned line
     * integrals (rotation axis on the central column), not counts, and there are no flats or darks.
     */
    public static final String ALIGNMENT = "/alignment";

    private DataExchange() {
    }

    /**
     * @param file an HDF5 file
     * @return true if it is an aligned scan written by {@code edgewise align} (it has {@link #ALIGNMENT}); false for
     *         raw scans and for files that cannot be read (the reader then reports what is wrong with them)
     */
    public static boolean isAligned(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return hdf.getByPath(ALIGNMENT) instanceof io.jhdf.api.Group;
        } catch (RuntimeException e) { // missing path or unreadable file
            return false;
        }
    }

    /**
     * @param file a Data Exchange file
     * @return its beam energy in keV, or NaN when the file has none or cannot be read
     */
    public static double energyKev(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            Object value = ((io.jhdf.api.Dataset) hdf.getByPath(ENERGY)).getData();
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            return value.getClass().isArray() ? ((Number) java.lang.reflect.Array.get(value, 0)).doubleValue()
                    : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
