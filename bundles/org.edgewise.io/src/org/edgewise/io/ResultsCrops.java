package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Path;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;

/**
 * Adds the results of one region of a large volume to a results file without loading them: the region's own
 * results file ({@code /entry} with its labels, depth, Δμ, maps and tables, all on the region's grid) is copied by
 * the HDF5 library into the group {@value #GROUP}{@code /NAME} of the target, with the region's place in the volume
 * as attributes. The layout is described in {@code docs/data-formats.md}:
 * <pre>
 * /crops                       NX_class=NXcollection
 * /crops/NAME                  a copy of the region's /entry (NX_class=NXentry), attributes
 *                              origin_zyx (int32[3], voxels), size_zyx (int32[3], voxels of the volume),
 *                              binning (int32[1]: the region's volumes hold the means of binning³ voxels, so their
 *                              shape is size_zyx / binning; 1 = full resolution),
 *                              labels (int32[n]: the label in the whole volume of the region's label 1..n; 0 =
 *                              not part of the analysis)
 * </pre>
 * Uses the HDF Group's Java binding (Debian {@code libhdf5-java}).
 */
public final class ResultsCrops {

    /** The group holding the regions. */
    public static final String GROUP = "crops";

    private ResultsCrops() {
    }

    /**
     * @param results     the target results file (written before, e.g. by {@link ResultsFile}); modified in place
     * @param cropResults the region's results file
     * @param name        the region's group name (letters, digits, underscores)
     * @param originZyx   the region's first voxel in the volume {z, y, x}
     * @param sizeZyx     the region's size {z, y, x}, voxels of the volume
     * @param binning     the binning factor of the region's volumes (1: full resolution)
     * @param labels      per label 1..n of the region its label in the whole volume (index 0 = label 1)
     * @throws IOException if a file cannot be read or written (naming it)
     */
    public static void append(Path results, Path cropResults, String name, int[] originZyx, int[] sizeZyx,
            int binning, int[] labels) throws IOException {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("group names are letters, digits and underscores, was " + name);
        }
        DataExchangeStreamWriter.nativeLibrary();
        long target = -1;
        long source = -1;
        try {
            target = H5.H5Fopen(results.toString(), HDF5Constants.H5F_ACC_RDWR, HDF5Constants.H5P_DEFAULT);
            source = H5.H5Fopen(cropResults.toString(), HDF5Constants.H5F_ACC_RDONLY, HDF5Constants.H5P_DEFAULT);
            if (!H5.H5Lexists(target, "/" + GROUP, HDF5Constants.H5P_DEFAULT)) {
                long group = H5.H5Gcreate(target, "/" + GROUP, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT,
                        HDF5Constants.H5P_DEFAULT);
                try {
                    NativeHdf5.stringAttribute(group, "NX_class", "NXcollection");
                } finally {
                    H5.H5Gclose(group);
                }
            }
            String path = "/" + GROUP + "/" + name;
            H5.H5Ocopy(source, "/entry", target, path, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
            long group = H5.H5Gopen(target, path, HDF5Constants.H5P_DEFAULT);
            try {
                ints(group, "origin_zyx", originZyx);
                ints(group, "size_zyx", sizeZyx);
                ints(group, "binning", new int[] { binning });
                ints(group, "labels", labels.length == 0 ? new int[] { 0 } : labels);
            } finally {
                H5.H5Gclose(group);
            }
        } catch (RuntimeException e) {
            throw new DataFileException(results, "/" + GROUP + "/" + name, "cannot copy the results of "
                    + cropResults + " (" + e.getMessage() + ")", e);
        } finally {
            if (source >= 0) {
                H5.H5Fclose(source);
            }
            if (target >= 0) {
                H5.H5Fclose(target);
            }
        }
    }

    private static void ints(long object, String name, int[] values) {
        long space = H5.H5Screate_simple(1, new long[] { values.length }, null);
        try {
            long attribute = H5.H5Acreate(object, name, HDF5Constants.H5T_STD_I32LE, space,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
            try {
                H5.H5Awrite(attribute, HDF5Constants.H5T_NATIVE_INT, values);
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
        }
    }
}
