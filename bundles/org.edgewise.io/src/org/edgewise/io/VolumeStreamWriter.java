package org.edgewise.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.edgewise.api.stages.DataKind;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/**
 * Writes a volumes file (the layout of the {@code volumes.h5} of {@code edgewise reconstruct}, read by
 * {@link ResultsFile} and {@code StandardIo.volumes}) slab by slab, so that memory holds one slab of a volume, never
 * the volume:
 * <pre>
 * /                     NX_class=NXroot, default="entry", creator="Edgewise"
 * /entry                NX_class=NXentry, default=the first volume
 * /entry/program_name   "Edgewise"
 * /entry/provenance     the run's provenance JSON
 * /entry/NAME           NX_class=NXdata, signal="data", axes=["z","y","x"], z_indices=0, y_indices=1, x_indices=2,
 *                       kind="volume", pixel_size_um (µm), energy_kev (keV), provenance (steps), description
 * /entry/NAME/data      float32 [z, y, x], chunked [≤16, ≤128, ≤128], uncompressed; units, long_name
 * /entry/NAME/z, y, x   coordinates, µm (index × voxel size)
 * </pre>
 * <pre>{@code
 * try (VolumeStreamWriter out = VolumeStreamWriter.create(file, provenanceJson)) {
 *     out.beginVolume(new VolumeStreamWriter.Volume("ni_above", slices, size, size, 0.05, 8.4, "1/µm", steps, ""));
 *     for (...) out.writeSlab(z0, count, slab);   // [count, size, size]
 *     out.commit();
 * }
 * }</pre>
 * Readers list the volumes by name (HDF5's link order), not in the order they were written. One volume is open at
 * a time: {@link #beginVolume} finishes the previous one (every slice must have been written).
 * The file is written beside the target under a hidden temporary name and renamed over it by {@link #commit()};
 * {@link #close()} without a commit deletes it, so a failed or cancelled run leaves nothing. Uses the HDF Group's Java
 * binding (Debian {@code libhdf5-java}, loaded as {@link DataExchangeStreamWriter#nativeLibrary()} describes).
 */
public final class VolumeStreamWriter implements AutoCloseable {

    /** Largest chunk edge along z, slices. */
    public static final int CHUNK_SLICES = 16;
    /** Largest chunk edge along y and x, voxels. */
    public static final int CHUNK_EDGE = 128;

    private static final String ENTRY = NexusResults.ENTRY;

    /**
     * One volume's shape and metadata.
     *
     * @param name        group name: letters, digits, underscores (e.g. {@code ni_above})
     * @param slices      z extent
     * @param height      y extent
     * @param width       x extent
     * @param voxelSizeUm voxel edge, µm
     * @param energyKev   beam energy, keV (NaN: not recorded)
     * @param units       unit of the values, e.g. {@code 1/µm}
     * @param provenance  the steps that made it (may be empty)
     * @param description one line for a reader (may be empty)
     */
    public record Volume(String name, int slices, int height, int width, double voxelSizeUm, double energyKev,
            String units, List<String> provenance, String description) {

        public Volume {
            if (name == null || !name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("volume names are letters, digits and underscores, was " + name);
            }
            if (slices < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("volume " + name + " must have at least one voxel on each axis");
            }
            if (!(voxelSizeUm > 0) || Double.isInfinite(voxelSizeUm)) {
                throw new IllegalArgumentException("volume " + name + " needs a positive voxel size, was "
                        + voxelSizeUm);
            }
            units = units == null ? "" : units;
            provenance = provenance == null ? List.of() : List.copyOf(provenance);
            description = description == null ? "" : description;
        }
    }

    private final Path target;
    private final Path temporary;
    private final Set<String> names = new LinkedHashSet<>();
    private final List<Long> groups = new ArrayList<>();
    private long fileId = -1;
    private long entryId = -1;
    private long groupId = -1;
    private long dataId = -1;
    private Volume current;
    private BitSet written;
    private boolean open = true;

    private VolumeStreamWriter(Path target, String provenanceJson) throws IOException {
        this.target = target.toAbsolutePath();
        Files.createDirectories(this.target.getParent());
        this.temporary = this.target.getParent().resolve("." + this.target.getFileName() + ".tmp-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            fileId = H5.H5Fcreate(temporary.toString(), HDF5Constants.H5F_ACC_EXCL, P.DEFAULT, P.DEFAULT);
            stringAttribute(fileId, "NX_class", "NXroot");
            stringAttribute(fileId, "default", ENTRY);
            stringAttribute(fileId, "creator", "Edgewise");
            entryId = H5.H5Gcreate(fileId, ENTRY, P.DEFAULT, P.DEFAULT, P.DEFAULT);
            groups.add(entryId);
            stringAttribute(entryId, "NX_class", "NXentry");
            stringDataset(entryId, "program_name", "Edgewise");
            stringDataset(entryId, NexusResults.PROVENANCE, provenanceJson == null || provenanceJson.isEmpty() ? "{}"
                    : provenanceJson);
        } catch (RuntimeException e) {
            abandon();
            throw new DataFileException(target, null, "could not create the HDF5 file: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the file (under a temporary name until {@link #commit()}).
     *
     * @param file           the volumes file to create or replace
     * @param provenanceJson the run's provenance record (JSON), or null
     * @return the open writer
     * @throws IOException if the HDF5 library is missing or the file cannot be created
     */
    public static VolumeStreamWriter create(Path file, String provenanceJson) throws IOException {
        DataExchangeStreamWriter.nativeLibrary();
        return new VolumeStreamWriter(file, provenanceJson);
    }

    /**
     * Finishes the volume being written (if any) and starts the next.
     *
     * @param volume its shape and metadata
     * @throws IOException if the previous volume misses a slice, the name is taken, or the HDF5 library fails
     */
    public void beginVolume(Volume volume) throws IOException {
        ensureOpen();
        finishVolume();
        if (!names.add(volume.name())) {
            throw new DataFileException(target, "/" + ENTRY + "/" + volume.name(), "is written twice");
        }
        String path = "/" + ENTRY + "/" + volume.name();
        try {
            groupId = H5.H5Gcreate(entryId, volume.name(), P.DEFAULT, P.DEFAULT, P.DEFAULT);
            stringAttribute(groupId, "NX_class", "NXdata");
            stringAttribute(groupId, "signal", NexusResults.SIGNAL);
            stringArrayAttribute(groupId, "axes", new String[] { "z", "y", "x" });
            int[] lengths = { volume.slices(), volume.height(), volume.width() };
            String[] axes = { "z", "y", "x" };
            for (int axis = 0; axis < 3; axis++) {
                double[] coordinates = new double[lengths[axis]];
                for (int i = 0; i < coordinates.length; i++) {
                    coordinates[i] = i * volume.voxelSizeUm();
                }
                long axisData = doubles(groupId, axes[axis], coordinates);
                try {
                    stringAttribute(axisData, "units", NexusResults.MICROMETRES);
                    stringAttribute(axisData, "long_name", axes[axis] + " (µm)");
                } finally {
                    H5.H5Dclose(axisData);
                }
                intAttribute(groupId, axes[axis] + "_indices", axis);
            }
            stringAttribute(groupId, NexusResults.KIND, DataKind.VOLUME.id());
            doubleAttribute(groupId, NexusResults.PIXEL_SIZE_UM, volume.voxelSizeUm());
            if (!Double.isNaN(volume.energyKev())) {
                doubleAttribute(groupId, NexusResults.ENERGY_KEV, volume.energyKev());
            }
            if (!volume.provenance().isEmpty()) {
                stringArrayAttribute(groupId, NexusResults.PROVENANCE, volume.provenance().toArray(new String[0]));
            }
            if (!volume.description().isEmpty()) {
                stringAttribute(groupId, NexusResults.DESCRIPTION, volume.description());
            }
            dataId = data(groupId, volume);
            if (!volume.units().isEmpty()) {
                stringAttribute(dataId, "units", volume.units());
            }
            stringAttribute(dataId, "long_name", volume.units().isEmpty() ? volume.name()
                    : volume.name() + " (" + volume.units() + ")");
        } catch (RuntimeException e) {
            throw new DataFileException(target, path, "could not create the volume: " + e.getMessage(), e);
        }
        current = volume;
        written = new BitSet(volume.slices());
    }

    /**
     * Writes consecutive slices of the current volume.
     *
     * @param z0     index of the first slice
     * @param slices slices in the slab
     * @param slab   {@code [slices, height, width]} row-major, in the volume's unit
     * @throws IOException if no volume is begun, the slab lies outside it, is too short, or the write fails
     */
    public void writeSlab(int z0, int slices, float[] slab) throws IOException {
        ensureOpen();
        if (current == null) {
            throw new DataFileException(target, null, "no volume was begun before writing a slab");
        }
        String path = "/" + ENTRY + "/" + current.name() + "/" + NexusResults.SIGNAL;
        if (z0 < 0 || slices < 1 || z0 + slices > current.slices()) {
            throw new DataFileException(target, path, "slices " + z0 + ".." + (z0 + slices - 1) + " lie outside 0.."
                    + (current.slices() - 1));
        }
        long expected = (long) slices * current.height() * current.width();
        if (slab.length != expected) {
            throw new DataFileException(target, path, slices + " slices need " + expected + " values, got "
                    + slab.length);
        }
        long fileSpace = -1;
        long memorySpace = -1;
        try {
            long[] start = { z0, 0, 0 };
            long[] size = { slices, current.height(), current.width() };
            fileSpace = H5.H5Dget_space(dataId);
            H5.H5Sselect_hyperslab(fileSpace, HDF5Constants.H5S_SELECT_SET, start, null, size, null);
            memorySpace = H5.H5Screate_simple(3, size, null);
            H5.H5Dwrite_float(dataId, HDF5Constants.H5T_NATIVE_FLOAT, memorySpace, fileSpace, P.DEFAULT, slab);
        } catch (RuntimeException e) {
            throw new DataFileException(target, path, "could not write slices " + z0 + ".." + (z0 + slices - 1)
                    + ": " + e.getMessage(), e);
        } finally {
            NativeHdf5.closeQuietly(memorySpace, H5::H5Sclose);
            NativeHdf5.closeQuietly(fileSpace, H5::H5Sclose);
        }
        written.set(z0, z0 + slices);
    }

    /**
     * Finishes the last volume, closes the file and renames it over the target.
     *
     * @throws IOException if no volume was written, a slice was never written, or closing or renaming fails; the
     *                     temporary file is then removed and the target left as it was
     */
    public void commit() throws IOException {
        ensureOpen();
        try {
            finishVolume();
            if (names.isEmpty()) {
                throw new DataFileException(target, null, "no volume was written; nothing was written");
            }
            stringAttribute(entryId, "default", names.iterator().next());
            closeHandles();
        } catch (IOException e) {
            abandon();
            throw e;
        } catch (RuntimeException e) {
            abandon();
            throw new DataFileException(target, null, "could not finish the HDF5 file: " + e.getMessage(), e);
        }
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Without a {@link #commit()} first: discards the file. After one: nothing. */
    @Override
    public void close() {
        if (open) {
            abandon();
        }
    }

    private void finishVolume() throws IOException {
        if (current == null) {
            return;
        }
        int missing = written.nextClearBit(0);
        if (missing < current.slices()) {
            throw new DataFileException(target, "/" + ENTRY + "/" + current.name(), "slice " + missing
                    + " was never written");
        }
        long data = dataId;
        long group = groupId;
        dataId = -1;
        groupId = -1;
        current = null;
        try {
            H5.H5Dclose(data);
            H5.H5Gclose(group);
        } catch (RuntimeException e) {
            throw new DataFileException(target, null, "could not finish a volume: " + e.getMessage(), e);
        }
    }

    private long data(long group, Volume volume) throws HDF5Exception {
        long[] shape = { volume.slices(), volume.height(), volume.width() };
        long[] chunk = { Math.min(volume.slices(), CHUNK_SLICES), Math.min(volume.height(), CHUNK_EDGE),
                Math.min(volume.width(), CHUNK_EDGE) };
        long space = H5.H5Screate_simple(3, shape, null);
        long creation = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
        long access = H5.H5Pcreate(HDF5Constants.H5P_DATASET_ACCESS);
        try {
            H5.H5Pset_chunk(creation, 3, chunk);
            // a slab that does not end on a chunk boundary leaves one layer of chunks half written: the cache holds
            // that layer so it is completed in memory rather than read back from the file
            long chunkBytes = 4 * chunk[0] * chunk[1] * chunk[2];
            long layer = ((shape[1] + chunk[1] - 1) / chunk[1]) * ((shape[2] + chunk[2] - 1) / chunk[2]);
            H5.H5Pset_chunk_cache(access, 10007, Math.min(512L << 20, (layer + 1) * chunkBytes), 1.0);
            return H5.H5Dcreate(group, NexusResults.SIGNAL, HDF5Constants.H5T_IEEE_F32LE, space, P.DEFAULT, creation,
                    access);
        } finally {
            H5.H5Pclose(access);
            H5.H5Pclose(creation);
            H5.H5Sclose(space);
        }
    }

    private static long doubles(long group, String name, double[] values) throws HDF5Exception {
        long space = H5.H5Screate_simple(1, new long[] { values.length }, null);
        try {
            long dataset = H5.H5Dcreate(group, name, HDF5Constants.H5T_IEEE_F64LE, space, P.DEFAULT, P.DEFAULT,
                    P.DEFAULT);
            try {
                H5.H5Dwrite_double(dataset, HDF5Constants.H5T_NATIVE_DOUBLE, HDF5Constants.H5S_ALL,
                        HDF5Constants.H5S_ALL, P.DEFAULT, values);
            } catch (RuntimeException e) {
                // an open dataset would keep the file open after the writer is abandoned
                NativeHdf5.closeQuietly(dataset, H5::H5Dclose);
                throw e;
            }
            return dataset;
        } finally {
            H5.H5Sclose(space);
        }
    }

    private static long stringType(int length) throws HDF5Exception {
        long type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
        H5.H5Tset_size(type, Math.max(1, length));
        H5.H5Tset_strpad(type, HDF5Constants.H5T_STR_NULLPAD);
        H5.H5Tset_cset(type, HDF5Constants.H5T_CSET_UTF8);
        return type;
    }

    private static void stringDataset(long group, String name, String value) throws HDF5Exception {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long type = stringType(bytes.length);
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            long dataset = H5.H5Dcreate(group, name, type, space, P.DEFAULT, P.DEFAULT, P.DEFAULT);
            try {
                H5.H5Dwrite(dataset, type, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, P.DEFAULT, bytes);
            } finally {
                H5.H5Dclose(dataset);
            }
        } finally {
            H5.H5Sclose(space);
            H5.H5Tclose(type);
        }
    }

    private static void stringAttribute(long object, String name, String value) throws HDF5Exception {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long type = stringType(bytes.length);
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            if (H5.H5Aexists(object, name)) {
                H5.H5Adelete(object, name);
            }
            long attribute = H5.H5Acreate(object, name, type, space, P.DEFAULT, P.DEFAULT);
            try {
                H5.H5Awrite(attribute, type, bytes);
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
            H5.H5Tclose(type);
        }
    }

    /** A fixed-length string array (each value padded with NULs to the longest). */
    private static void stringArrayAttribute(long object, String name, String[] values) throws HDF5Exception {
        byte[][] encoded = new byte[values.length][];
        int longest = 1;
        for (int i = 0; i < values.length; i++) {
            encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, encoded[i].length);
        }
        byte[] bytes = new byte[longest * values.length];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(encoded[i], 0, bytes, i * longest, encoded[i].length);
        }
        long type = stringType(longest);
        long space = H5.H5Screate_simple(1, new long[] { values.length }, null);
        try {
            long attribute = H5.H5Acreate(object, name, type, space, P.DEFAULT, P.DEFAULT);
            try {
                H5.H5Awrite(attribute, type, bytes);
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
            H5.H5Tclose(type);
        }
    }

    private static void doubleAttribute(long object, String name, double value) throws HDF5Exception {
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            long attribute = H5.H5Acreate(object, name, HDF5Constants.H5T_IEEE_F64LE, space, P.DEFAULT, P.DEFAULT);
            try {
                H5.H5Awrite_double(attribute, HDF5Constants.H5T_NATIVE_DOUBLE, new double[] { value });
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
        }
    }

    private static void intAttribute(long object, String name, int value) throws HDF5Exception {
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            long attribute = H5.H5Acreate(object, name, HDF5Constants.H5T_STD_I32LE, space, P.DEFAULT, P.DEFAULT);
            try {
                H5.H5Awrite_int(attribute, HDF5Constants.H5T_NATIVE_INT, new int[] { value });
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
        }
    }

    private void ensureOpen() throws DataFileException {
        if (!open) {
            throw new DataFileException(target, null, "the writer is already closed");
        }
    }

    private void closeHandles() throws HDF5Exception {
        open = false;
        while (!groups.isEmpty()) {
            H5.H5Gclose(groups.remove(groups.size() - 1));
        }
        entryId = -1;
        long file = fileId;
        fileId = -1;
        H5.H5Fclose(file);
    }

    private void abandon() {
        open = false;
        NativeHdf5.closeQuietly(dataId, H5::H5Dclose);
        NativeHdf5.closeQuietly(groupId, H5::H5Gclose);
        dataId = -1;
        groupId = -1;
        groups.forEach(handle -> NativeHdf5.closeQuietly(handle, H5::H5Gclose));
        groups.clear();
        NativeHdf5.closeQuietly(fileId, H5::H5Fclose);
        fileId = -1;
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // nothing more can be done; the name is hidden and unique
        }
    }


    /** Loaded on first use, after {@link #create} has located the native library (see its class comment). */
    private static final class P {
        static final long DEFAULT = HDF5Constants.H5P_DEFAULT;
    }
}
