package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.files.AtomicFiles;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;

/**
 * Writes one scan as an APS Data Exchange HDF5 file ({@link DataExchange} paths), atomically.
 * <p>
 * Integer projections are stored as uint16 (values must lie in 0..65535), floating ones as float32; flats and darks
 * take the projections' type. Every dataset carries a {@code units} attribute.
 */
public final class DataExchangeWriter {

    private DataExchangeWriter() {
    }

    /**
     * @param file the file to create or replace
     * @param scan the scan
     * @throws IOException if the file cannot be written or a uint16 value is out of range
     */
    public static void write(Path file, ScanData scan) throws IOException {
        boolean integer = !isFloating(scan.projections());
        Object data = integer ? toUint16(file, DataExchange.DATA, scan.projections())
                : toFloat32(scan.projections());
        Object white = integer ? toUint16(file, DataExchange.WHITE, scan.flats()) : toFloat32(scan.flats());
        Object dark = integer ? toUint16(file, DataExchange.DARK, scan.darks()) : toFloat32(scan.darks());
        DatasetCreationOptions options = integer ? DatasetCreationOptions.builder().unsigned().build()
                : DatasetCreationOptions.DEFAULT;
        AtomicFiles.write(file, temporary -> {
            try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                hdf.putAttribute("implements", "exchange:measurement");
                DataExchange.put(hdf, DataExchange.DATA, data, "counts", options);
                DataExchange.put(hdf, DataExchange.WHITE, white, "counts", options);
                DataExchange.put(hdf, DataExchange.DARK, dark, "counts", options);
                DataExchange.put(hdf, DataExchange.THETA, scan.anglesDeg(), "degrees");
                DataExchange.put(hdf, DataExchange.ENERGY, scan.energyKev(), "keV");
                DataExchange.put(hdf, DataExchange.PIXEL_SIZE, scan.pixelSizeUm(), "um");
            } catch (RuntimeException e) {
                throw new DataFileException(file, null, "could not write the HDF5 file: " + e.getMessage(), e);
            }
        });
    }

    /**
     * @param d a dataset
     * @return whether it holds floating-point values (written as float32; integers as uint16)
     */
    public static boolean isFloating(Dataset d) {
        return d instanceof FloatDataset || d instanceof DoubleDataset
                || d.getElementClass() == Float.class || d.getElementClass() == Double.class;
    }

    private static short[][][] toUint16(Path file, String path, Dataset d) throws DataFileException {
        int[] shape = d.getShape();
        IntegerDataset ints = DatasetUtils.copy(IntegerDataset.class, d);
        int[] flat = ints.getData();
        short[][][] out = new short[shape[0]][shape[1]][shape[2]];
        int i = 0;
        for (int a = 0; a < shape[0]; a++) {
            for (int r = 0; r < shape[1]; r++) {
                short[] row = out[a][r];
                for (int c = 0; c < shape[2]; c++) {
                    int v = flat[i++];
                    if (v < 0 || v > 0xFFFF) {
                        throw new DataFileException(file, path, "value " + v + " at [" + a + ", " + r + ", " + c
                                + "] does not fit uint16 (0..65535)");
                    }
                    row[c] = (short) v;
                }
            }
        }
        return out;
    }

    private static float[][][] toFloat32(Dataset d) {
        int[] shape = d.getShape();
        FloatDataset floats = DatasetUtils.copy(FloatDataset.class, d);
        float[] flat = floats.getData();
        float[][][] out = new float[shape[0]][shape[1]][shape[2]];
        int i = 0;
        for (int a = 0; a < shape[0]; a++) {
            for (int r = 0; r < shape[1]; r++) {
                System.arraycopy(flat, i, out[a][r], 0, shape[2]);
                i += shape[2];
            }
        }
        return out;
    }
}
