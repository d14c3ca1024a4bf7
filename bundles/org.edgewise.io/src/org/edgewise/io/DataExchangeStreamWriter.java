package org.edgewise.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/**
 * Writes one scan as an APS Data Exchange HDF5 file ({@link DataExchange} paths) slab by slab, so that memory holds
 * one slab of projections, never the scan. The file is written beside the target under a temporary name and renamed
 * over it by {@link #commit()}; {@link #close()} without a commit deletes it, so a failed or cancelled run leaves
 * nothing half-written.
 * <pre>{@code
 * try (DataExchangeStreamWriter out = DataExchangeStreamWriter.create(file,
 *         new DataExchangeStreamWriter.Layout(anglesDeg, rows, columns, 10, 5, 0), energyKev, pixelSizeUm)) {
 *     out.writeFlats(flats);                        // [10, rows, columns]
 *     out.writeDarks(darks);                        // [5, rows, columns]
 *     for (int first = 0; first < anglesDeg.length; first += 16) {
 *         out.writeProjections(first, count, slab); // [count, rows, columns]
 *     }
 *     out.commit();
 * }
 * }</pre>
 * Counts are uint16 held in Java {@code short}s (bit patterns: {@code (short) 65535} is 65535). {@code /exchange/data}
 * is chunked {@code [chunkAngles, ≤ 64 rows, columns]} (whole chunks are written when slabs start at multiples of
 * {@link Layout#chunkAngles()}), optionally with shuffle + gzip; the other datasets are contiguous. Uses the HDF Group's
 * Java binding of the HDF5 C library (Debian {@code libhdf5-java}); its native part is found as described in
 * {@link #nativeLibrary()}.
 */
public final class DataExchangeStreamWriter implements AutoCloseable {

    /** Where Debian's {@code libhdf5-java} puts the native half of the binding. */
    static final List<Path> NATIVE_LOCATIONS = List.of(Path.of("/usr/lib/x86_64-linux-gnu/jni/libhdf5_java.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/jni/libhdf5_java.so"), Path.of("/usr/lib/jni/libhdf5_java.so"));

    private static final String LIBRARY_PROPERTY = "hdf.hdf5lib.H5.hdf5lib";
    private static final int CHUNK_ROWS = 64;

    /**
     * Shape and storage of the file.
     *
     * @param anglesDeg   projection angles, degrees (their count is the number of projections)
     * @param rows        detector rows
     * @param columns     detector columns
     * @param flats       flat (white) frames
     * @param darks       dark frames
     * @param gzipLevel   0 = uncompressed, 1..9 = shuffle + gzip at that level
     * @param chunkAngles projections per chunk of {@code /exchange/data}
     */
    public record Layout(double[] anglesDeg, int rows, int columns, int flats, int darks, int gzipLevel,
            int chunkAngles) {

        public Layout {
            if (anglesDeg.length < 1 || rows < 1 || columns < 1 || flats < 1 || darks < 1) {
                throw new IllegalArgumentException("at least one angle, row, column, flat and dark are required");
            }
            if (gzipLevel < 0 || gzipLevel > 9 || chunkAngles < 1) {
                throw new IllegalArgumentException("gzip level must be 0..9 and chunks at least one angle deep");
            }
            anglesDeg = anglesDeg.clone();
        }

        /** Uncompressed, chunks of 8 projections. */
        public Layout(double[] anglesDeg, int rows, int columns, int flats, int darks) {
            this(anglesDeg, rows, columns, flats, darks, 0, 8);
        }

        /** @return pixels of one frame */
        public long frameSize() {
            return (long) rows * columns;
        }
    }

    private final Path target;
    private final Path temporary;
    private final Layout layout;
    private final List<Long> groups = new ArrayList<>();
    private final List<Long> datasets = new ArrayList<>();
    private long fileId = -1;
    private long dataId = -1;
    private long whiteId = -1;
    private long darkId = -1;
    private final BitSet written;
    private boolean flatsWritten;
    private boolean darksWritten;
    private boolean open = true;

    private DataExchangeStreamWriter(Path target, Layout layout, double energyKev, double pixelSizeUm)
            throws IOException {
        this.target = target.toAbsolutePath();
        this.layout = layout;
        this.written = new BitSet(layout.anglesDeg().length);
        Files.createDirectories(this.target.getParent());
        this.temporary = this.target.getParent().resolve("." + this.target.getFileName() + ".tmp-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            fileId = H5.H5Fcreate(temporary.toString(), HDF5Constants.H5F_ACC_EXCL, HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT);
            NativeHdf5.stringAttribute(fileId, "implements", "exchange:measurement");
            long exchange = group(H5.H5Gcreate(fileId, "exchange", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
            int angles = layout.anglesDeg().length;
            dataId = frames(exchange, "data", angles, true);
            whiteId = frames(exchange, "data_white", layout.flats(), false);
            darkId = frames(exchange, "data_dark", layout.darks(), false);
            doubles(exchange, "theta", layout.anglesDeg(), "degrees");
            long instrument = group(H5.H5Gcreate(group(H5.H5Gcreate(fileId, "measurement", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT)), "instrument", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
            long monochromator = group(H5.H5Gcreate(instrument, "monochromator", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
            scalar(monochromator, "energy", energyKev, "keV");
            long detection = group(H5.H5Gcreate(instrument, "detection_system", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
            long objective = group(H5.H5Gcreate(detection, "objective", HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
            scalar(objective, "resolution", pixelSizeUm, "um");
        } catch (RuntimeException e) {
            abandon();
            throw new DataFileException(target, null, "could not create the HDF5 file: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the file (under a temporary name until {@link #commit()}).
     *
     * @param file        the file to create or replace
     * @param layout      shape and storage
     * @param energyKev   beam energy, keV
     * @param pixelSizeUm pixel size in the sample plane, µm
     * @return the open writer
     * @throws IOException if the HDF5 library is missing or the file cannot be created
     */
    public static DataExchangeStreamWriter create(Path file, Layout layout, double energyKev, double pixelSizeUm)
            throws IOException {
        nativeLibrary();
        return new DataExchangeStreamWriter(file, layout, energyKev, pixelSizeUm);
    }

    /**
     * Makes sure the native half of the HDF5 Java binding can be loaded, and says where it was found: the system
     * property {@code hdf.hdf5lib.H5.hdf5lib} (a full path) when set, otherwise Debian's location, otherwise
     * {@code java.library.path}.
     *
     * @return the library file, or {@code null} when it is left to {@code java.library.path}
     * @throws IOException if the library cannot be loaded (with what to install)
     */
    public static synchronized Path nativeLibrary() throws IOException {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        Path found = configured != null ? Path.of(configured)
                : NATIVE_LOCATIONS.stream().filter(Files::isReadable).findFirst().orElse(null);
        if (configured == null && found != null) {
            System.setProperty(LIBRARY_PROPERTY, found.toString());
        }
        // the binding announces every successful load at INFO level; keep a command's output clean unless asked
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.hdf.hdf5lib", "warn");
        try {
            int[] version = new int[3];
            H5.H5get_libversion(version);
        } catch (LinkageError | RuntimeException e) {
            throw new IOException("the HDF5 Java binding cannot load its native library libhdf5_java.so ("
                    + (found != null ? found : "not found in " + NATIVE_LOCATIONS + " or java.library.path")
                    + "); on Debian install the package libhdf5-java: " + e, e);
        }
        return found;
    }

    /** @return the layout */
    public Layout layout() {
        return layout;
    }

    /**
     * Writes consecutive projections.
     *
     * @param firstAngle index of the first projection
     * @param count      projections in the slab
     * @param counts     {@code [count, rows, columns]} uint16 counts, row-major (at least that many values)
     * @throws IOException if the slab lies outside the scan or the write fails
     */
    public void writeProjections(int firstAngle, int count, short[] counts) throws IOException {
        int angles = layout.anglesDeg().length;
        if (firstAngle < 0 || count < 1 || firstAngle + count > angles) {
            throw new DataFileException(target, DataExchange.DATA, "projections " + firstAngle + ".."
                    + (firstAngle + count - 1) + " lie outside 0.." + (angles - 1));
        }
        write(dataId, DataExchange.DATA, firstAngle, count, counts);
        written.set(firstAngle, firstAngle + count);
    }

    /**
     * @param counts {@code [flats, rows, columns]} uint16 counts
     * @throws IOException if the write fails
     */
    public void writeFlats(short[] counts) throws IOException {
        write(whiteId, DataExchange.WHITE, 0, layout.flats(), counts);
        flatsWritten = true;
    }

    /**
     * @param counts {@code [darks, rows, columns]} uint16 counts
     * @throws IOException if the write fails
     */
    public void writeDarks(short[] counts) throws IOException {
        write(darkId, DataExchange.DARK, 0, layout.darks(), counts);
        darksWritten = true;
    }

    /**
     * Closes the file and renames it over the target.
     *
     * @throws IOException if a projection, the flats or the darks were never written, or closing or renaming fails;
     *                     the temporary file is then removed and the target left as it was
     */
    public void commit() throws IOException {
        ensureOpen();
        int missing = written.nextClearBit(0);
        String problem = missing < layout.anglesDeg().length ? "projection " + missing + " was never written"
                : !flatsWritten ? "the flats were never written" : !darksWritten ? "the darks were never written"
                        : null;
        if (problem != null) {
            abandon();
            throw new DataFileException(target, null, problem + "; nothing was written");
        }
        try {
            closeHandles();
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

    private void write(long dataset, String path, int first, int count, short[] counts) throws IOException {
        ensureOpen();
        long expected = count * layout.frameSize();
        if (counts.length < expected) {
            throw new DataFileException(target, path, count + " frames need " + expected + " values, got "
                    + counts.length);
        }
        long fileSpace = -1;
        long memorySpace = -1;
        try {
            long[] start = { first, 0, 0 };
            long[] size = { count, layout.rows(), layout.columns() };
            fileSpace = H5.H5Dget_space(dataset);
            H5.H5Sselect_hyperslab(fileSpace, HDF5Constants.H5S_SELECT_SET, start, null, size, null);
            memorySpace = H5.H5Screate_simple(3, size, null);
            if (counts.length > expected) {
                H5.H5Sselect_hyperslab(memorySpace, HDF5Constants.H5S_SELECT_SET, new long[3], null, size, null);
            }
            H5.H5Dwrite_short(dataset, HDF5Constants.H5T_NATIVE_USHORT, memorySpace, fileSpace,
                    HDF5Constants.H5P_DEFAULT, counts);
        } catch (RuntimeException e) {
            throw new DataFileException(target, path, "could not write frames " + first + ".." + (first + count - 1)
                    + ": " + e.getMessage(), e);
        } finally {
            NativeHdf5.closeQuietly(memorySpace, H5::H5Sclose);
            NativeHdf5.closeQuietly(fileSpace, H5::H5Sclose);
        }
    }

    private long frames(long group, String name, int frames, boolean projections) throws HDF5Exception {
        long[] shape = { frames, layout.rows(), layout.columns() };
        long space = H5.H5Screate_simple(3, shape, null);
        long creation = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
        long access = H5.H5Pcreate(HDF5Constants.H5P_DATASET_ACCESS);
        try {
            if (projections) {
                long[] chunk = { Math.min(frames, layout.chunkAngles()), Math.min(layout.rows(), CHUNK_ROWS),
                        layout.columns() };
                H5.H5Pset_chunk(creation, 3, chunk);
                if (layout.gzipLevel() > 0) {
                    H5.H5Pset_shuffle(creation);
                    H5.H5Pset_deflate(creation, layout.gzipLevel());
                }
                // room for one slab's worth of chunks across the frame, so a slab that does not start on a chunk
                // boundary is still assembled in memory rather than read back from the file
                long chunkBytes = 2 * chunk[0] * chunk[1] * chunk[2];
                long perAngleBlock = (layout.rows() + chunk[1] - 1) / chunk[1];
                H5.H5Pset_chunk_cache(access, 10007, Math.min(256L << 20, 2 * perAngleBlock * chunkBytes + chunkBytes),
                        1.0);
            }
            long dataset = H5.H5Dcreate(group, name, HDF5Constants.H5T_STD_U16LE, space,
                    HDF5Constants.H5P_DEFAULT, creation, access);
            datasets.add(dataset);
            NativeHdf5.stringAttribute(dataset, "units", "counts");
            return dataset;
        } finally {
            H5.H5Pclose(access);
            H5.H5Pclose(creation);
            H5.H5Sclose(space);
        }
    }

    private void doubles(long group, String name, double[] values, String units) throws HDF5Exception {
        long space = H5.H5Screate_simple(1, new long[] { values.length }, null);
        writeDoubles(group, name, space, values, units);
    }

    private void scalar(long group, String name, double value, String units) throws HDF5Exception {
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        writeDoubles(group, name, space, new double[] { value }, units);
    }

    private void writeDoubles(long group, String name, long space, double[] values, String units)
            throws HDF5Exception {
        try {
            long dataset = H5.H5Dcreate(group, name, HDF5Constants.H5T_IEEE_F64LE, space, HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
            try {
                H5.H5Dwrite_double(dataset, HDF5Constants.H5T_NATIVE_DOUBLE, HDF5Constants.H5S_ALL,
                        HDF5Constants.H5S_ALL, HDF5Constants.H5P_DEFAULT, values);
                NativeHdf5.stringAttribute(dataset, "units", units);
            } finally {
                H5.H5Dclose(dataset);
            }
        } finally {
            H5.H5Sclose(space);
        }
    }

    private long group(long handle) {
        groups.add(handle);
        return handle;
    }

    private void ensureOpen() throws DataFileException {
        if (!open) {
            throw new DataFileException(target, null, "the writer is already closed");
        }
    }

    /** Closes datasets, groups (innermost first), then the file. */
    private void closeHandles() throws HDF5Exception {
        open = false;
        while (!datasets.isEmpty()) {
            H5.H5Dclose(datasets.remove(datasets.size() - 1));
        }
        while (!groups.isEmpty()) {
            H5.H5Gclose(groups.remove(groups.size() - 1));
        }
        long file = fileId;
        fileId = -1;
        H5.H5Fclose(file);
    }

    private void abandon() {
        open = false;
        datasets.forEach(handle -> NativeHdf5.closeQuietly(handle, H5::H5Dclose));
        datasets.clear();
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
}
