package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;

/**
 * Reads regions of one volume {@code [z, y, x]} of an HDF5 file by hyperslab, so that memory holds the region, never
 * the volume: a box anywhere in it ({@link #read}), or the whole volume binned by an integer factor
 * ({@link #readBinned}: the mean of each f × f × f block, read a few planes at a time). Reads the contiguous volumes
 * of {@code edgewise reconstruct}'s {@code volumes.h5} (written by jhdf) and chunked ones written slab by slab alike;
 * values of any floating or integer type come back as float32. Uses the HDF Group's Java binding (Debian
 * {@code libhdf5-java}, found as in {@link DataExchangeStreamWriter#nativeLibrary()}).
 * <pre>{@code
 * try (VolumeRegionReader in = VolumeRegionReader.open(file, "/entry/ni_above/data")) {
 *     int[] shape = in.shape();                                          // [z, y, x]
 *     float[] box = in.read(new int[] { 10, 0, 0 }, new int[] { 16, shape[1], shape[2] });
 *     float[] reduced = in.readBinned(4);                                // [z/4, y/4, x/4]
 * }
 * }</pre>
 */
public final class VolumeRegionReader implements AutoCloseable {

    /** Planes read at once by {@link #readBinned} (at least; a multiple of the factor). */
    private static final int PLANES_PER_READ = 16;

    private final Path file;
    private final String path;
    private final long fileId;
    private final long dataset;
    private final int[] shape;

    private VolumeRegionReader(Path file, String path, long fileId, long dataset, int[] shape) {
        this.file = file;
        this.path = path;
        this.fileId = fileId;
        this.dataset = dataset;
        this.shape = shape;
    }

    /**
     * @param file an HDF5 file
     * @param path the path of a 3-D dataset in it, e.g. {@code /entry/ni_above/data}
     * @return a reader of that volume (close it)
     * @throws IOException if the binding cannot load, or the file or a 3-D dataset at {@code path} cannot be read
     *                     (a {@link DataFileException} naming the file)
     */
    public static VolumeRegionReader open(Path file, String path) throws IOException {
        DataExchangeStreamWriter.nativeLibrary();
        long fileId = -1;
        long dataset = -1;
        try {
            fileId = H5.H5Fopen(file.toString(), HDF5Constants.H5F_ACC_RDONLY, HDF5Constants.H5P_DEFAULT);
            dataset = H5.H5Dopen(fileId, path, HDF5Constants.H5P_DEFAULT);
            long space = H5.H5Dget_space(dataset);
            try {
                int rank = H5.H5Sget_simple_extent_ndims(space);
                if (rank != 3) {
                    throw new DataFileException(file, path, "is " + rank + "-D; a volume [z, y, x] is 3-D");
                }
                long[] dims = new long[3];
                H5.H5Sget_simple_extent_dims(space, dims, null);
                int[] shape = new int[3];
                for (int i = 0; i < 3; i++) {
                    if (dims[i] > Integer.MAX_VALUE) {
                        throw new DataFileException(file, path, "has an axis longer than " + Integer.MAX_VALUE);
                    }
                    shape[i] = (int) dims[i];
                }
                return new VolumeRegionReader(file, path, fileId, dataset, shape);
            } finally {
                H5.H5Sclose(space);
            }
        } catch (RuntimeException e) {
            close(dataset, fileId);
            throw new DataFileException(file, path, "cannot be read as a volume (" + e.getMessage() + ")", e);
        } catch (DataFileException e) {
            close(dataset, fileId);
            throw e;
        }
    }

    /** @return {@code [z, y, x]} of the volume, voxels */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @param origin {z0, y0, x0} of the box, voxels
     * @param size   {dz, dy, dx} of the box, voxels (the box lies inside the volume)
     * @return the box's values, flat {@code [dz, dy, dx]}, as float32 in the unit of the volume
     * @throws IOException if the box leaves the volume or cannot be read (naming the file and dataset)
     */
    public float[] read(int[] origin, int[] size) throws IOException {
        long voxels = 1;
        for (int i = 0; i < 3; i++) {
            if (origin[i] < 0 || size[i] < 0 || origin[i] + (long) size[i] > shape[i]) {
                throw new DataFileException(file, path, "box at " + Arrays.toString(origin) + " of "
                        + Arrays.toString(size) + " leaves the volume " + Arrays.toString(shape));
            }
            voxels *= size[i];
        }
        if (voxels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a box of " + voxels + " voxels does not fit one array");
        }
        float[] out = new float[(int) voxels];
        if (voxels == 0) {
            return out;
        }
        long fileSpace = -1;
        long memorySpace = -1;
        try {
            long[] start = { origin[0], origin[1], origin[2] };
            long[] count = { size[0], size[1], size[2] };
            fileSpace = H5.H5Dget_space(dataset);
            H5.H5Sselect_hyperslab(fileSpace, HDF5Constants.H5S_SELECT_SET, start, null, count, null);
            memorySpace = H5.H5Screate_simple(3, count, null);
            H5.H5Dread_float(dataset, HDF5Constants.H5T_NATIVE_FLOAT, memorySpace, fileSpace,
                    HDF5Constants.H5P_DEFAULT, out);
            return out;
        } catch (RuntimeException e) {
            throw new DataFileException(file, path, "box at " + Arrays.toString(origin) + " of "
                    + Arrays.toString(size) + " cannot be read (" + e.getMessage() + ")", e);
        } finally {
            closeSpace(memorySpace);
            closeSpace(fileSpace);
        }
    }

    /**
     * @param factor the binning factor f ≥ 1
     * @return the shape of {@link #readBinned}: {@code [z/f, y/f, x/f]} rounded down
     */
    public int[] binnedShape(int factor) {
        return new int[] { shape[0] / factor, shape[1] / factor, shape[2] / factor };
    }

    /**
     * The volume binned by f: each output voxel is the mean of an f × f × f block (blocks from the origin; the last
     * {@code size mod f} planes, rows and columns are left out). Reads a few planes at a time; f = 1 is the volume.
     *
     * @param factor f ≥ 1
     * @return flat {@link #binnedShape}, float32 in the unit of the volume
     * @throws IOException if the volume cannot be read
     */
    public float[] readBinned(int factor) throws IOException {
        if (factor < 1) {
            throw new IllegalArgumentException("the binning factor is at least 1, was " + factor);
        }
        int[] b = binnedShape(factor);
        long voxels = (long) b[0] * b[1] * b[2];
        if (voxels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a binned volume of " + voxels + " voxels does not fit one array");
        }
        float[] out = new float[(int) voxels];
        int blocksPerRead = Math.max(1, PLANES_PER_READ / factor);
        int plane = b[1] * b[2];
        for (int bz0 = 0; bz0 < b[0]; bz0 += blocksPerRead) {
            int blocks = Math.min(blocksPerRead, b[0] - bz0);
            float[] planes = read(new int[] { bz0 * factor, 0, 0 }, new int[] { blocks * factor, shape[1],
                shape[2] });
            float[] means = blockMeans(planes, new int[] { blocks * factor, shape[1], shape[2] }, factor);
            System.arraycopy(means, 0, out, bz0 * plane, blocks * plane);
        }
        return out;
    }

    /**
     * Block means of a volume held in memory: each output voxel is the mean of an f × f × f block of
     * {@code values} (blocks from the origin; the last {@code size mod f} planes, rows and columns are left out, as in
     * {@link #readBinned}).
     *
     * @param values flat {@code [z, y, x]}
     * @param shape  {z, y, x} of {@code values}
     * @param factor f ≥ 1
     * @return flat {@code [z/f, y/f, x/f]} (rounded down)
     */
    public static float[] blockMeans(float[] values, int[] shape, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the binning factor is at least 1, was " + factor);
        }
        int bz = shape[0] / factor;
        int by = shape[1] / factor;
        int bx = shape[2] / factor;
        int ny = shape[1];
        int nx = shape[2];
        double norm = 1.0 / ((double) factor * factor * factor);
        float[] out = new float[bz * by * bx];
        double[] sums = new double[by * bx];
        for (int k = 0; k < bz; k++) {
            Arrays.fill(sums, 0);
            for (int dz = 0; dz < factor; dz++) {
                for (int y = 0; y < by * factor; y++) {
                    int in = ((k * factor + dz) * ny + y) * nx;
                    int row = (y / factor) * bx;
                    for (int x = 0; x < bx * factor; x++) {
                        sums[row + x / factor] += values[in + x];
                    }
                }
            }
            int base = k * by * bx;
            for (int i = 0; i < sums.length; i++) {
                out[base + i] = (float) (sums[i] * norm);
            }
        }
        return out;
    }

    @Override
    public void close() {
        close(dataset, fileId);
    }

    private static void close(long dataset, long fileId) {
        try {
            if (dataset >= 0) {
                H5.H5Dclose(dataset);
            }
        } catch (RuntimeException e) {
            // closing a read-only handle cannot lose data
        }
        try {
            if (fileId >= 0) {
                H5.H5Fclose(fileId);
            }
        } catch (RuntimeException e) {
            // as above
        }
    }

    private static void closeSpace(long space) {
        if (space >= 0) {
            try {
                H5.H5Sclose(space);
            } catch (RuntimeException e) {
                // a dataspace handle holds no data
            }
        }
    }
}
