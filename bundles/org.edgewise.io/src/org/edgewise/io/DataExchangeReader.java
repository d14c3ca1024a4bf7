package org.edgewise.io;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;

import org.edgewise.api.files.FileErrors;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/**
 * Reads an APS Data Exchange HDF5 file lazily: opening reads and checks the layout, angles, energy, pixel size,
 * flats and darks; projections are read slab by slab ({@link #readProjections(int, int)}), so memory stays bounded
 * by the slab however large the scan.
 * <p>
 * Everything wrong with a file is a {@link DataFileException} naming the file and the dataset path: a missing file,
 * a file that is not HDF5 or is truncated ({@link Hdf5Files}), a missing dataset, a shape that is not
 * {@code [frame, row, column]}, flats or darks whose frame size differs from the projections', an angle count
 * different from the projection count, a frame that is entirely NaN, missing energy or pixel size that the caller
 * did not supply, a supplied value that contradicts the file, or a {@code units} attribute that is not one of the
 * accepted units or gives an implausible value ({@link Units}: energy in keV or eV, pixel size in µm, nm, mm or m,
 * angles in degrees or radians; converted on reading). A scan written by {@code edgewise align} (it has
 * {@link DataExchange#ALIGNMENT}) holds aligned line integrals and no flats or darks.
 * <p>
 * Opening reads the metadata only; {@link ScanCheck} reads every frame once before a run.
 *
 * <pre>{@code
 * try (DataExchangeReader reader = DataExchangeReader.open(file, Metadata.none())) {
 *     FloatDataset slab = reader.readProjections(0, 16); // [16, rows, columns], counts
 * }
 * }</pre>
 */
public final class DataExchangeReader implements AutoCloseable {

    /** Relative difference above which a caller's value contradicts the file's. */
    public static final double CONTRADICTION_TOLERANCE = 1e-6;

    /**
     * Metadata the caller supplies for files that lack it.
     *
     * @param energyKev   beam energy, keV, if known
     * @param pixelSizeUm pixel size, µm, if known
     */
    public record Metadata(OptionalDouble energyKev, OptionalDouble pixelSizeUm) {

        /** @return no supplied metadata: the file must hold it */
        public static Metadata none() {
            return new Metadata(OptionalDouble.empty(), OptionalDouble.empty());
        }

        /** @return both values supplied (NaN for "not supplied") */
        public static Metadata of(double energyKev, double pixelSizeUm) {
            return new Metadata(Double.isNaN(energyKev) ? OptionalDouble.empty() : OptionalDouble.of(energyKev),
                    Double.isNaN(pixelSizeUm) ? OptionalDouble.empty() : OptionalDouble.of(pixelSizeUm));
        }
    }

    private final Path file;
    private final HdfFile hdf;
    private final Dataset data;
    private final int[] shape;
    private final boolean unsigned16;
    private final double[] anglesDeg;
    private final double energyKev;
    private final double pixelSizeUm;
    private final FloatDataset flats;
    private final FloatDataset darks;
    private final boolean aligned;
    private final boolean unsignedBytes;

    private DataExchangeReader(Path file, HdfFile hdf, Metadata supplied) throws DataFileException {
        this(file, hdf, supplied, false);
    }

    /** @param projectionsOnly skip angles, energy, pixel size, flats and darks (a file already checked once) */
    private DataExchangeReader(Path file, HdfFile hdf, Metadata supplied, boolean projectionsOnly)
            throws DataFileException {
        this.file = file;
        this.hdf = hdf;
        this.data = dataset(DataExchange.DATA);
        this.shape = frameStack(data, DataExchange.DATA);
        this.unsigned16 = checkType(data, DataExchange.DATA);
        this.unsignedBytes = isUnsigned(data);
        this.aligned = find(DataExchange.ALIGNMENT) instanceof io.jhdf.api.Group;
        if (projectionsOnly) {
            this.anglesDeg = new double[0];
            this.energyKev = Double.NaN;
            this.pixelSizeUm = Double.NaN;
            this.flats = null;
            this.darks = null;
            return;
        }
        Dataset theta = dataset(DataExchange.THETA);
        double toDegrees;
        try {
            toDegrees = Units.toDegrees(Units.of(theta));
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, DataExchange.THETA, e.getMessage());
        }
        double[] stored = toDoubles(read(theta, DataExchange.THETA), DataExchange.THETA);
        this.anglesDeg = new double[stored.length];
        for (int i = 0; i < stored.length; i++) {
            anglesDeg[i] = stored[i] * toDegrees;
        }
        if (anglesDeg.length != shape[0]) {
            throw new DataFileException(file, DataExchange.THETA, anglesDeg.length + " angles for " + shape[0]
                    + " projections in " + DataExchange.DATA);
        }
        for (int i = 0; i < anglesDeg.length; i++) {
            if (!Double.isFinite(anglesDeg[i])) {
                throw new DataFileException(file, DataExchange.THETA, "angle " + i + " is " + anglesDeg[i]);
            }
        }
        this.energyKev = scalar(DataExchange.ENERGY, supplied.energyKev(), "energy (keV)", Units::energyKev);
        this.pixelSizeUm = scalar(DataExchange.PIXEL_SIZE, supplied.pixelSizeUm(), "pixel size (µm)",
                Units::pixelSizeUm);
        this.flats = aligned ? null : readFrames(DataExchange.WHITE);
        this.darks = aligned ? null : readFrames(DataExchange.DARK);
    }

    /**
     * Opens and checks a file.
     *
     * @param file     a Data Exchange HDF5 file
     * @param supplied energy and pixel size to use where the file has none
     * @return the reader; close it
     * @throws DataFileException if the file is missing, unreadable or inconsistent
     */
    public static DataExchangeReader open(Path file, Metadata supplied) throws DataFileException {
        HdfFile hdf = Hdf5Files.open(file);
        try {
            return new DataExchangeReader(file, hdf, supplied);
        } catch (DataFileException e) {
            hdf.close();
            throw e;
        } catch (RuntimeException e) {
            hdf.close();
            throw new DataFileException(file, null, "damaged HDF5 file (" + FileErrors.explain(e) + ")", e);
        }
    }

    /**
     * Reads consecutive projections of a file that {@link #open} has already checked, without reading its angles,
     * flats and darks again: the lazy pipeline source calls this once per slab.
     *
     * @return {@code [count, rows, columns]}, counts, as float32
     * @throws DataFileException as {@link #readProjections}
     */
    public static FloatDataset readProjections(Path file, int first, int count) throws DataFileException {
        HdfFile hdf = Hdf5Files.open(file);
        try (DataExchangeReader reader = new DataExchangeReader(file, hdf, Metadata.none(), true)) {
            return reader.readProjections(first, count);
        } catch (RuntimeException e) {
            throw new DataFileException(file, DataExchange.DATA, "damaged HDF5 file (" + FileErrors.explain(e) + ")",
                    e);
        }
    }

    /** Opens a file that must hold its own energy and pixel size. */
    public static DataExchangeReader open(Path file) throws DataFileException {
        return open(file, Metadata.none());
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return number of projections */
    public int angleCount() {
        return shape[0];
    }

    /** @return detector rows */
    public int rows() {
        return shape[1];
    }

    /** @return detector columns */
    public int columns() {
        return shape[2];
    }

    /** @return whether the projections are stored as uint16 (otherwise float32) */
    public boolean isUnsigned16() {
        return unsigned16;
    }

    /** @return projection angles, degrees */
    public double[] anglesDeg() {
        return anglesDeg.clone();
    }

    /** @return beam energy, keV */
    public double energyKev() {
        return energyKev;
    }

    /** @return pixel size, µm */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    /** @return flat frames, {@code [frame, row, column]}, counts; null for an {@link #isAligned() aligned} scan */
    public FloatDataset flats() {
        return flats;
    }

    /** @return dark frames, {@code [frame, row, column]}, counts; null for an {@link #isAligned() aligned} scan */
    public FloatDataset darks() {
        return darks;
    }

    /**
     * @return true for a scan written by {@code edgewise align}: its projections are aligned line integrals
     *         (dimensionless) and it has no flats or darks
     */
    public boolean isAligned() {
        return aligned;
    }

    /**
     * Reads consecutive projections.
     *
     * @param first first angle index
     * @param count number of projections
     * @return {@code [count, rows, columns]}, counts, as float32
     * @throws DataFileException if the range is invalid, the file is damaged or a frame is entirely NaN
     */
    public FloatDataset readProjections(int first, int count) throws DataFileException {
        if (first < 0 || count < 1 || first + count > shape[0]) {
            throw new DataFileException(file, DataExchange.DATA, "projections " + first + ".." + (first + count - 1)
                    + " requested of " + shape[0]);
        }
        Object slab;
        try {
            slab = data.getData(new long[] { first, 0, 0 }, new int[] { count, shape[1], shape[2] });
        } catch (RuntimeException e) {
            throw new DataFileException(file, DataExchange.DATA, "projections " + first + ".." + (first + count - 1)
                    + " cannot be read (" + FileErrors.explain(e) + "): the file is damaged or truncated", e);
        }
        return toFloatStack(slab, DataExchange.DATA, first, unsignedBytes);
    }

    /**
     * Reads a window of detector rows of consecutive projections (a row slab for slab-wise processing).
     *
     * @param first    first angle index
     * @param count    number of projections
     * @param row0     first detector row
     * @param rowCount number of rows
     * @return {@code [count, rowCount, columns]}, counts, as float32
     * @throws DataFileException if the ranges are invalid or the file is damaged
     */
    public FloatDataset readProjectionRows(int first, int count, int row0, int rowCount) throws DataFileException {
        if (first < 0 || count < 1 || first + count > shape[0] || row0 < 0 || rowCount < 1
                || row0 + rowCount > shape[1]) {
            throw new DataFileException(file, DataExchange.DATA, "projections " + first + ".." + (first + count - 1)
                    + ", rows " + row0 + ".." + (row0 + rowCount - 1) + " requested of " + shape[0] + " × "
                    + shape[1]);
        }
        Object slab;
        try {
            slab = data.getData(new long[] { first, row0, 0 }, new int[] { count, rowCount, shape[2] });
        } catch (RuntimeException e) {
            throw new DataFileException(file, DataExchange.DATA, "projections " + first + ".." + (first + count - 1)
                    + ", rows " + row0 + ".." + (row0 + rowCount - 1) + " cannot be read (" + FileErrors.explain(e)
                    + "): the file is damaged or truncated", e);
        }
        // a window may lie wholly in a NaN band of a frame: whole frames are checked by readProjections
        return toFloatStack(slab, DataExchange.DATA, first, unsignedBytes, rowCount, false);
    }

    /**
     * Reads everything into memory.
     *
     * @return the scan, projections as float32 counts
     * @throws DataFileException as {@link #readProjections}
     */
    public ScanData readAll() throws DataFileException {
        return new ScanData(readProjections(0, shape[0]), flats, darks, anglesDeg, energyKev, pixelSizeUm, file);
    }

    /**
     * Reads every projection slab by slab, to find damaged or NaN-filled frames before a long run.
     *
     * @param slab projections per read
     * @throws DataFileException at the first problem
     */
    public void checkAllFrames(int slab) throws DataFileException {
        for (int first = 0; first < shape[0]; first += slab) {
            readProjections(first, Math.min(slab, shape[0] - first));
        }
    }

    @Override
    public void close() {
        hdf.close();
    }

    private Node find(String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) { // jhdf signals a missing path with an exception
            return null;
        }
    }

    private Dataset dataset(String path) throws DataFileException {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (RuntimeException e) {
            throw new DataFileException(file, path, "required dataset is missing", e);
        }
        if (!(node instanceof Dataset)) {
            throw new DataFileException(file, path, "is a " + node.getType() + ", not a dataset");
        }
        return (Dataset) node;
    }

    private int[] frameStack(Dataset d, String path) throws DataFileException {
        int[] dims = d.getDimensions();
        if (dims.length != 3) {
            throw new DataFileException(file, path, "shape " + Arrays.toString(dims)
                    + " is not 3-D [frame, row, column]");
        }
        if (dims[0] < 1 || dims[1] < 1 || dims[2] < 1) {
            throw new DataFileException(file, path, "shape " + Arrays.toString(dims) + " is empty");
        }
        return dims;
    }

    private boolean checkType(Dataset d, String path) throws DataFileException {
        Class<?> type = d.getJavaType();
        if (type == float.class || type == double.class) {
            return false;
        }
        if (type == int.class || type == short.class || type == byte.class || type == long.class) {
            return true;
        }
        throw new DataFileException(file, path, "data type " + type + " is neither integer nor floating point");
    }

    private Object read(Dataset d, String path) throws DataFileException {
        try {
            return d.getData();
        } catch (RuntimeException e) {
            throw new DataFileException(file, path, "cannot be read (" + FileErrors.explain(e) + "): the file is"
                    + " damaged or truncated", e);
        }
    }

    private double[] toDoubles(Object value, String path) throws DataFileException {
        if (value instanceof Number n) {
            return new double[] { n.doubleValue() };
        }
        if (value == null || !value.getClass().isArray() || value.getClass().getComponentType().isArray()) {
            throw new DataFileException(file, path, "must be a 1-D numeric array");
        }
        int n = Array.getLength(value);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(value, i);
            if (!(v instanceof Number number)) {
                throw new DataFileException(file, path, "must be numeric");
            }
            out[i] = number.doubleValue();
        }
        return out;
    }

    private double scalar(String path, OptionalDouble supplied, String what, DoubleBinaryConverter converter)
            throws DataFileException {
        Node node = null;
        try {
            node = hdf.getByPath(path);
        } catch (RuntimeException e) {
            // absent: the caller must supply it
        }
        if (node == null) {
            if (supplied.isPresent() && supplied.getAsDouble() > 0) {
                return supplied.getAsDouble();
            }
            throw new DataFileException(file, path, what + " is missing from the file and was not supplied");
        }
        if (!(node instanceof Dataset d)) {
            throw new DataFileException(file, path, "is a " + node.getType() + ", not a dataset");
        }
        double[] values = toDoubles(read(d, path), path);
        if (values.length != 1 || !(values[0] > 0) || !Double.isFinite(values[0])) {
            throw new DataFileException(file, path, what + " must be one positive number, was "
                    + Arrays.toString(values));
        }
        double value;
        try {
            value = converter.convert(values[0], Units.of(d));
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, path, e.getMessage());
        }
        if (supplied.isPresent() && Math.abs(supplied.getAsDouble() - value) > CONTRADICTION_TOLERANCE * value) {
            throw new DataFileException(file, path, what + " " + value + " in the file contradicts the supplied "
                    + supplied.getAsDouble());
        }
        return value;
    }

    /** A stored value and its units attribute → the value in Edgewise's unit. */
    @FunctionalInterface
    private interface DoubleBinaryConverter {
        double convert(double value, String unit);
    }

    private FloatDataset readFrames(String path) throws DataFileException {
        Dataset d = dataset(path);
        int[] dims = frameStack(d, path);
        checkType(d, path);
        if (dims[1] != shape[1] || dims[2] != shape[2]) {
            throw new DataFileException(file, path, "frames of " + dims[1] + "×" + dims[2] + " do not match the "
                    + shape[1] + "×" + shape[2] + " projections in " + DataExchange.DATA);
        }
        return toFloatStack(read(d, path), path, 0, isUnsigned(d));
    }

    private static boolean isUnsigned(Dataset d) {
        return d.getDataType() instanceof io.jhdf.object.datatype.FixedPoint point && !point.isSigned();
    }

    private FloatDataset toFloatStack(Object stack, String path, int firstIndex, boolean unsignedBytes)
            throws DataFileException {
        return toFloatStack(stack, path, firstIndex, unsignedBytes, shape[1], true);
    }

    private FloatDataset toFloatStack(Object stack, String path, int firstIndex, boolean unsignedBytes, int rows,
            boolean checkNan) throws DataFileException {
        int frames = Array.getLength(stack);
        int columns = shape[2];
        float[] flat = new float[frames * rows * columns];
        int i = 0;
        for (int f = 0; f < frames; f++) {
            Object frame = Array.get(stack, f);
            int nan = 0;
            for (int r = 0; r < rows; r++) {
                Object row = Array.get(frame, r);
                if (row instanceof float[] fr) {
                    for (int c = 0; c < columns; c++) {
                        float v = fr[c];
                        nan += Float.isNaN(v) ? 1 : 0;
                        flat[i++] = v;
                    }
                } else if (row instanceof double[] dr) {
                    for (int c = 0; c < columns; c++) {
                        float v = (float) dr[c];
                        nan += Float.isNaN(v) ? 1 : 0;
                        flat[i++] = v;
                    }
                } else if (row instanceof int[] ir) {
                    for (int c = 0; c < columns; c++) {
                        flat[i++] = ir[c];
                    }
                } else if (row instanceof short[] sr) {
                    for (int c = 0; c < columns; c++) {
                        flat[i++] = sr[c];
                    }
                } else if (row instanceof long[] lr) {
                    for (int c = 0; c < columns; c++) {
                        flat[i++] = lr[c];
                    }
                } else if (row instanceof byte[] br) {
                    for (int c = 0; c < columns; c++) {
                        flat[i++] = unsignedBytes ? br[c] & 0xff : br[c];
                    }
                } else {
                    throw new DataFileException(file, path, "unsupported element type " + row.getClass());
                }
            }
            if (checkNan && nan == rows * columns) {
                throw new DataFileException(file, path, "frame " + (firstIndex + f) + " is entirely NaN");
            }
        }
        return DatasetFactory.createFromObject(FloatDataset.class, flat, frames, rows, columns);
    }
}
