package org.edgewise.io;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Dataset paths and units of the APS Data Exchange layout that Edgewise reads and writes, defined here once: readers
 * and writers use these constants, and writers create the datasets with {@link #put}, which makes the groups of a
 * path as needed.
 */
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

    /**
     * Writes a dataset at a full path such as {@link #ENERGY}, creating the groups on the way that do not exist yet.
     *
     * @param root    the file being written
     * @param path    an absolute dataset path, e.g. {@code /measurement/instrument/monochromator/energy}
     * @param data    what jhdf writes: a number, a string or a (nested) primitive array
     * @param units   the {@code units} attribute, e.g. {@code keV}
     * @param options storage options (unsigned integers)
     * @return the dataset, for more attributes
     */
    public static WritableDataset put(WritableGroup root, String path, Object data, String units,
            DatasetCreationOptions options) {
        String[] parts = path.substring(1).split("/");
        WritableGroup group = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Node child = group.getChild(parts[i]);
            group = child instanceof WritableGroup existing ? existing : group.putGroup(parts[i]);
        }
        WritableDataset dataset = group.putDataset(parts[parts.length - 1], data, options);
        dataset.putAttribute("units", units);
        return dataset;
    }

    /** @return {@link #put(WritableGroup, String, Object, String, DatasetCreationOptions)} with default storage */
    public static WritableDataset put(WritableGroup root, String path, Object data, String units) {
        return put(root, path, data, units, DatasetCreationOptions.DEFAULT);
    }
}
