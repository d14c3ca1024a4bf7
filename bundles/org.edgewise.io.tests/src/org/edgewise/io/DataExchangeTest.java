package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

class DataExchangeTest {

    @TempDir
    Path dir;

    private static int[] ramp(int n, int scale) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * scale) % 65536;
        }
        return v;
    }

    private static ScanData uint16Scan() {
        int angles = 7;
        int rows = 5;
        int columns = 6;
        Dataset data = DatasetFactory.createFromObject(IntegerDataset.class, ramp(angles * rows * columns, 331),
                angles, rows, columns);
        data.set(65535, 3, 2, 1);
        Dataset white = DatasetFactory.createFromObject(IntegerDataset.class, ramp(2 * rows * columns, 17), 2, rows,
                columns);
        Dataset dark = DatasetFactory.createFromObject(IntegerDataset.class, ramp(3 * rows * columns, 3), 3, rows,
                columns);
        double[] theta = { 0, 25.7, 51.4, 77.1, 102.8, 128.5, 154.2 };
        return new ScanData(data, white, dark, theta, 8.313, 0.0487, null);
    }

    @Test
    void uint16RoundTripKeepsValuesShapesAndMetadata() throws IOException {
        ScanData scan = uint16Scan();
        Path file = dir.resolve("ni_below.h5");
        DataExchangeWriter.write(file, scan);
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            assertTrue(reader.isUnsigned16());
            assertEquals(7, reader.angleCount());
            assertEquals(5, reader.rows());
            assertEquals(6, reader.columns());
            assertEquals(8.313, reader.energyKev(), 0);
            assertEquals(0.0487, reader.pixelSizeUm(), 0);
            assertArrayEquals(scan.anglesDeg(), reader.anglesDeg(), 0);
            ScanData back = reader.readAll();
            assertEquals(file, back.source());
            for (int a = 0; a < 7; a++) {
                for (int r = 0; r < 5; r++) {
                    for (int c = 0; c < 6; c++) {
                        assertEquals(scan.projections().getInt(a, r, c), back.projections().getFloat(a, r, c), 0);
                    }
                }
            }
            assertEquals(65535f, back.projections().getFloat(3, 2, 1));
            assertArrayEquals(new int[] { 2, 5, 6 }, back.flats().getShape());
            assertArrayEquals(new int[] { 3, 5, 6 }, back.darks().getShape());
            assertEquals(scan.flats().getInt(1, 4, 5), back.flats().getFloat(1, 4, 5), 0);
            assertEquals(scan.darks().getInt(2, 3, 1), back.darks().getFloat(2, 3, 1), 0);
            // lazy slab equals the same part of the whole
            FloatDataset slab = reader.readProjections(2, 3);
            assertArrayEquals(new int[] { 3, 5, 6 }, slab.getShape());
            assertEquals(back.projections().getFloat(4, 1, 2), slab.getFloat(2, 1, 2), 0);
        }
        // no temporary files are left behind
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void float32RoundTripKeepsFractionalValues() throws IOException {
        FloatDataset data = DatasetFactory.createFromObject(FloatDataset.class,
                new float[] { 0.25f, -1.5f, 3.0e4f, 1e-7f, 7f, 8f, 9f, 10f }, 2, 2, 2);
        FloatDataset white = DatasetFactory.createFromObject(FloatDataset.class, new float[] { 1, 2, 3, 4 }, 1, 2, 2);
        ScanData scan = new ScanData(data, white, white, new double[] { 0, 90 }, 6.558, 0.1, null);
        Path file = dir.resolve("mn_above.h5");
        DataExchangeWriter.write(file, scan);
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            assertFalse(reader.isUnsigned16());
            FloatDataset p = reader.readProjections(0, 2);
            assertEquals(-1.5f, p.getFloat(0, 0, 1));
            assertEquals(1e-7f, p.getFloat(0, 1, 1));
            assertEquals(3.0e4f, p.getFloat(0, 1, 0));
            assertEquals(6.558, reader.energyKev(), 0);
        }
    }

    @Test
    void uint16OutOfRangeIsRefusedAndTheOldFileSurvives() throws IOException {
        Path file = dir.resolve("scan.h5");
        DataExchangeWriter.write(file, uint16Scan());
        ScanData bad = uint16Scan();
        bad.projections().set(70000, 0, 0, 0);
        DataFileException e = assertThrows(DataFileException.class, () -> DataExchangeWriter.write(file, bad));
        assertTrue(e.getMessage().contains("/exchange/data") && e.getMessage().contains("scan.h5"), e.getMessage());
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            assertEquals(7, reader.angleCount());
        }
    }

    @Test
    void chunkedCompressedProjectionsAreReadSlabBySlab() throws IOException {
        short[][][] data = new short[9][4][5];
        for (int a = 0; a < 9; a++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    data[a][r][c] = (short) (40000 + 100 * a + 10 * r + c);
                }
            }
        }
        Path file = craft("chunked.h5", hdf -> {
            WritableGroup ex = hdf.putGroup("exchange");
            ex.putDataset("data", data, io.jhdf.api.DatasetCreationOptions.builder().unsigned()
                    .chunkDimensions(1, 4, 5).shuffle().deflate().build());
            ex.putDataset("data_white", new float[2][4][5]);
            ex.putDataset("data_dark", new float[1][4][5]);
            ex.putDataset("theta", new double[9]);
            metadata(hdf, true, true);
        });
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            assertTrue(reader.isUnsigned16());
            FloatDataset slab = reader.readProjections(6, 3);
            assertEquals(40000 + 700 + 30 + 4, slab.getFloat(1, 3, 4), 0);
            assertEquals(40000 + 800, slab.getFloat(2, 0, 0), 0);
        }
    }

    // --- bad inputs: each message names the file and the dataset path

    private Path craft(String name, Consumer<WritableHdfFile> content) {
        Path file = dir.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            content.accept(hdf);
        }
        return file;
    }

    private static void exchange(WritableHdfFile hdf, Object data, Object white, Object dark, double[] theta) {
        WritableGroup ex = hdf.putGroup("exchange");
        if (data != null) {
            ex.putDataset("data", data);
        }
        if (white != null) {
            ex.putDataset("data_white", white);
        }
        if (dark != null) {
            ex.putDataset("data_dark", dark);
        }
        if (theta != null) {
            ex.putDataset("theta", theta);
        }
    }

    private static void metadata(WritableHdfFile hdf, boolean energy, boolean pixel) {
        WritableGroup instrument = hdf.putGroup("measurement").putGroup("instrument");
        if (energy) {
            instrument.putGroup("monochromator").putDataset("energy", 7.704);
        }
        if (pixel) {
            instrument.putGroup("detection_system").putGroup("objective").putDataset("resolution", 0.05);
        }
    }

    private DataFileException failure(Path file, String datasetPath, String phrase) {
        return failure(file, datasetPath, phrase, DataExchangeReader.Metadata.none());
    }

    private DataFileException failure(Path file, String datasetPath, String phrase,
            DataExchangeReader.Metadata supplied) {
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (DataExchangeReader reader = DataExchangeReader.open(file, supplied)) {
                reader.checkAllFrames(2);
            }
        });
        String message = e.getMessage();
        assertTrue(message.contains(file.getFileName().toString()), "names the file: " + message);
        if (datasetPath != null) {
            assertTrue(message.contains(datasetPath), "names " + datasetPath + ": " + message);
            assertEquals(datasetPath, e.datasetPath());
        }
        assertTrue(message.contains(phrase), "says '" + phrase + "': " + message);
        return e;
    }

    @Test
    void aPathThatDoesNotExist() {
        failure(dir.resolve("nowhere.h5"), null, "does not exist");
    }

    @Test
    void aFileThatIsNotHdf5() throws IOException {
        Path file = dir.resolve("notes.h5");
        Files.writeString(file, "this is a text file, not HDF5\n".repeat(50));
        failure(file, null, "is not an HDF5 file");
    }

    @Test
    void aTruncatedFile() throws IOException {
        Path file = dir.resolve("truncated.h5");
        DataExchangeWriter.write(file, uint16Scan());
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                reader.checkAllFrames(2);
            }
        });
        assertTrue(e.getMessage().contains("truncated.h5"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void missingProjections() {
        Path file = craft("nodata.h5", hdf -> {
            exchange(hdf, null, new float[1][2][2], new float[1][2][2], new double[] { 0 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data", "missing");
    }

    @Test
    void missingAngles() {
        Path file = craft("notheta.h5", hdf -> {
            exchange(hdf, new float[3][2][2], new float[1][2][2], new float[1][2][2], null);
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/theta", "missing");
    }

    @Test
    void missingFlats() {
        Path file = craft("noflat.h5", hdf -> {
            exchange(hdf, new float[3][2][2], null, new float[1][2][2], new double[] { 0, 1, 2 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data_white", "missing");
    }

    @Test
    void projectionsThatAreNotAStackOfFrames() {
        Path file = craft("flat2d.h5", hdf -> {
            exchange(hdf, new float[3][4], new float[1][2][2], new float[1][2][2], new double[] { 0, 1, 2 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data", "not 3-D");
    }

    @Test
    void darksOfTheWrongFrameSize() {
        Path file = craft("darkshape.h5", hdf -> {
            exchange(hdf, new float[3][4][5], new float[1][4][5], new float[2][5][4], new double[] { 0, 1, 2 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data_dark", "do not match");
    }

    @Test
    void angleCountDifferentFromProjectionCount() {
        Path file = craft("angles.h5", hdf -> {
            exchange(hdf, new float[3][2][2], new float[1][2][2], new float[1][2][2], new double[] { 0, 90 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/theta", "2 angles for 3 projections");
    }

    @Test
    void aNanFilledProjection() {
        float[][][] data = new float[4][2][2];
        for (float[] row : data[3]) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        data[1][0][0] = Float.NaN; // one NaN pixel alone is not a NaN-filled frame
        Path file = craft("nan.h5", hdf -> {
            exchange(hdf, data, new float[1][2][2], new float[1][2][2], new double[] { 0, 1, 2, 3 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data", "frame 3 is entirely NaN");
    }

    @Test
    void aNanFilledFlat() {
        float[][][] white = { { { Float.NaN, Float.NaN }, { Float.NaN, Float.NaN } } };
        Path file = craft("nanflat.h5", hdf -> {
            exchange(hdf, new float[1][2][2], white, new float[1][2][2], new double[] { 0 });
            metadata(hdf, true, true);
        });
        failure(file, "/exchange/data_white", "frame 0 is entirely NaN");
    }

    @Test
    void missingEnergyIsAnErrorUnlessSupplied() throws IOException {
        Path file = craft("noenergy.h5", hdf -> {
            exchange(hdf, new float[1][2][2], new float[1][2][2], new float[1][2][2], new double[] { 0 });
            metadata(hdf, false, true);
        });
        failure(file, "/measurement/instrument/monochromator/energy", "not supplied");
        try (DataExchangeReader reader = DataExchangeReader.open(file,
                DataExchangeReader.Metadata.of(8.353, Double.NaN))) {
            assertEquals(8.353, reader.energyKev(), 0);
            assertEquals(0.05, reader.pixelSizeUm(), 0);
        }
    }

    @Test
    void missingPixelSizeIsAnErrorUnlessSupplied() throws IOException {
        Path file = craft("nopixel.h5", hdf -> {
            exchange(hdf, new float[1][2][2], new float[1][2][2], new float[1][2][2], new double[] { 0 });
            metadata(hdf, true, false);
        });
        failure(file, "/measurement/instrument/detection_system/objective/resolution", "not supplied");
        try (DataExchangeReader reader = DataExchangeReader.open(file,
                DataExchangeReader.Metadata.of(Double.NaN, 0.049))) {
            assertEquals(0.049, reader.pixelSizeUm(), 0);
        }
    }

    @Test
    void suppliedMetadataThatContradictsTheFile() {
        Path file = craft("contradict.h5", hdf -> {
            exchange(hdf, new float[1][2][2], new float[1][2][2], new float[1][2][2], new double[] { 0 });
            metadata(hdf, true, true);
        });
        failure(file, "/measurement/instrument/monochromator/energy", "contradicts",
                DataExchangeReader.Metadata.of(8.313, Double.NaN));
    }

    @Test
    void projectionRangeOutsideTheFile() throws IOException {
        Path file = dir.resolve("range.h5");
        DataExchangeWriter.write(file, uint16Scan());
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            DataFileException e = assertThrows(DataFileException.class, () -> reader.readProjections(5, 3));
            assertTrue(e.getMessage().contains("/exchange/data") && e.getMessage().contains("range.h5"));
        }
    }
}
