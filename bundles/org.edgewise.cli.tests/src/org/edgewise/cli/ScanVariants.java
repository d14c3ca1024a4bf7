package org.edgewise.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;

/**
 * A scan read from a simulated Data Exchange file, changed in one way and written again: the damaged and unusual
 * variants of the bad-input tests, made at test time (no stored binaries). Arrays are {@code [frame, row, column]}.
 */
final class ScanVariants {

    /** How {@code /exchange/data} (and the flats and darks) are stored. */
    enum Storage {
        UINT16, FLOAT32, FLOAT64, UINT8
    }

    float[][][] data;
    float[][][] flats;
    float[][][] darks;
    double[] thetaDeg;
    String thetaUnits = "degrees";
    double energy;
    String energyUnits = "keV";
    double pixelSize;
    String pixelUnits = "um";
    Storage storage = Storage.UINT16;
    /** Dataset paths to leave out. */
    final Set<String> omitted = new HashSet<>();

    private ScanVariants() {
    }

    /** @return the scan of a Data Exchange file, as it is */
    static ScanVariants read(Path file) throws IOException {
        ScanVariants scan = new ScanVariants();
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            scan.data = frames(reader.readProjections(0, reader.angleCount()));
            scan.flats = frames(reader.flats());
            scan.darks = frames(reader.darks());
            scan.thetaDeg = reader.anglesDeg();
            scan.energy = reader.energyKev();
            scan.pixelSize = reader.pixelSizeUm();
        }
        return scan;
    }

    /** @return a deep copy */
    ScanVariants copy() {
        ScanVariants c = new ScanVariants();
        c.data = deepCopy(data);
        c.flats = deepCopy(flats);
        c.darks = deepCopy(darks);
        c.thetaDeg = thetaDeg.clone();
        c.thetaUnits = thetaUnits;
        c.energy = energy;
        c.energyUnits = energyUnits;
        c.pixelSize = pixelSize;
        c.pixelUnits = pixelUnits;
        c.storage = storage;
        c.omitted.addAll(omitted);
        return c;
    }

    /** Writes the scan with jhdf, in the Data Exchange layout. */
    Path write(Path file) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("implements", "exchange:measurement");
            put(hdf, DataExchange.DATA, data);
            put(hdf, DataExchange.WHITE, flats);
            put(hdf, DataExchange.DARK, darks);
            if (!omitted.contains(DataExchange.THETA)) {
                DataExchange.put(hdf, DataExchange.THETA, thetaDeg, thetaUnits);
            }
            if (!omitted.contains(DataExchange.ENERGY)) {
                DataExchange.put(hdf, DataExchange.ENERGY, energy, energyUnits);
            }
            if (!omitted.contains(DataExchange.PIXEL_SIZE)) {
                DataExchange.put(hdf, DataExchange.PIXEL_SIZE, pixelSize, pixelUnits);
            }
        }
        return file;
    }

    private void put(WritableHdfFile hdf, String path, float[][][] frames) {
        if (omitted.contains(path)) {
            return;
        }
        switch (storage) {
            case FLOAT32 -> DataExchange.put(hdf, path, frames, "counts");
            case FLOAT64 -> DataExchange.put(hdf, path, toDoubles(frames), "counts");
            case UINT8 -> DataExchange.put(hdf, path, toBytes(frames), "counts",
                    DatasetCreationOptions.builder().unsigned().build());
            default -> DataExchange.put(hdf, path, toShorts(frames), "counts",
                    DatasetCreationOptions.builder().unsigned().build());
        }
    }

    /** Scales every count (data, flats, darks) by {@code factor}. */
    void scaleCounts(double factor) {
        for (float[][][] stack : new float[][][][] { data, flats, darks }) {
            for (float[][] frame : stack) {
                for (float[] row : frame) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = (float) (row[c] * factor);
                    }
                }
            }
        }
    }

    private static float[][][] frames(FloatDataset stack) {
        int[] shape = stack.getShape();
        float[] flat = stack.getData();
        float[][][] out = new float[shape[0]][shape[1]][shape[2]];
        int i = 0;
        for (float[][] frame : out) {
            for (float[] row : frame) {
                System.arraycopy(flat, i, row, 0, row.length);
                i += row.length;
            }
        }
        return out;
    }

    private static float[][][] deepCopy(float[][][] stack) {
        float[][][] out = new float[stack.length][][];
        for (int f = 0; f < stack.length; f++) {
            out[f] = new float[stack[f].length][];
            for (int r = 0; r < stack[f].length; r++) {
                out[f][r] = stack[f][r].clone();
            }
        }
        return out;
    }

    private static double[][][] toDoubles(float[][][] stack) {
        double[][][] out = new double[stack.length][stack[0].length][stack[0][0].length];
        for (int f = 0; f < stack.length; f++) {
            for (int r = 0; r < stack[f].length; r++) {
                for (int c = 0; c < stack[f][r].length; c++) {
                    out[f][r][c] = stack[f][r][c];
                }
            }
        }
        return out;
    }

    private static short[][][] toShorts(float[][][] stack) {
        short[][][] out = new short[stack.length][stack[0].length][stack[0][0].length];
        for (int f = 0; f < stack.length; f++) {
            for (int r = 0; r < stack[f].length; r++) {
                for (int c = 0; c < stack[f][r].length; c++) {
                    out[f][r][c] = (short) Math.max(0, Math.min(0xFFFF, Math.round(stack[f][r][c])));
                }
            }
        }
        return out;
    }

    private static byte[][][] toBytes(float[][][] stack) {
        byte[][][] out = new byte[stack.length][stack[0].length][stack[0][0].length];
        for (int f = 0; f < stack.length; f++) {
            for (int r = 0; r < stack[f].length; r++) {
                for (int c = 0; c < stack[f][r].length; c++) {
                    out[f][r][c] = (byte) Math.max(0, Math.min(0xFF, Math.round(stack[f][r][c])));
                }
            }
        }
        return out;
    }
}
