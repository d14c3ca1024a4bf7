package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

class DataExchangeStreamWriterTest {

    private static final int ROWS = 70; // more than one 64-row chunk
    private static final int COLUMNS = 9;

    @TempDir
    Path dir;

    /** A value per pixel that tells frame, row and column apart and covers the whole uint16 range. */
    private static int value(int frame, int row, int column) {
        return (frame * 7919 + row * 131 + column * 17) % 65536;
    }

    private static short[] frames(int first, int count) {
        short[] out = new short[count * ROWS * COLUMNS];
        int i = 0;
        for (int f = first; f < first + count; f++) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    out[i++] = (short) value(f, r, c);
                }
            }
        }
        return out;
    }

    private static double[] angles(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 180.0 * i / n;
        }
        return a;
    }

    private void writeScan(Path file, int gzip, int[] slabStarts, int angles) throws IOException {
        var layout = new DataExchangeStreamWriter.Layout(angles(angles), ROWS, COLUMNS, 2, 3, gzip, 4);
        try (DataExchangeStreamWriter out = DataExchangeStreamWriter.create(file, layout, 8.313, 0.0487)) {
            out.writeFlats(frames(1000, 2));
            out.writeDarks(frames(2000, 3));
            // slabs out of order, one not on a chunk boundary: every chunk must still come out right
            for (int s = slabStarts.length - 1; s >= 0; s--) {
                int end = s + 1 < slabStarts.length ? slabStarts[s + 1] : angles;
                out.writeProjections(slabStarts[s], end - slabStarts[s], frames(slabStarts[s], end - slabStarts[s]));
            }
            out.commit();
        }
    }

    @Test
    void slabsReadBackThroughTheReaderWithMetadata() throws IOException {
        for (int gzip : new int[] { 0, 1 }) {
            Path file = dir.resolve("scan_" + gzip + ".h5");
            writeScan(file, gzip, new int[] { 0, 4, 7, 12 }, 15);
            try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                assertTrue(reader.isUnsigned16());
                assertEquals(15, reader.angleCount());
                assertEquals(ROWS, reader.rows());
                assertEquals(COLUMNS, reader.columns());
                assertArrayEquals(angles(15), reader.anglesDeg(), 0);
                assertEquals(8.313, reader.energyKev(), 0);
                assertEquals(0.0487, reader.pixelSizeUm(), 0);
                FloatDataset slab = reader.readProjections(5, 9);
                for (int a = 0; a < 9; a++) {
                    for (int r = 0; r < ROWS; r += 23) {
                        for (int c = 0; c < COLUMNS; c++) {
                            assertEquals(value(5 + a, r, c), slab.get(a, r, c), 0, "gzip " + gzip);
                        }
                    }
                }
                assertEquals(value(1001, 69, 8), reader.flats().get(1, 69, 8), 0);
                assertEquals(value(2002, 3, 4), reader.darks().get(2, 3, 4), 0);
            }
            try (HdfFile hdf = new HdfFile(file)) {
                assertEquals("exchange:measurement", hdf.getAttribute("implements").getData());
                assertEquals("counts", hdf.getDatasetByPath(DataExchange.DATA).getAttribute("units").getData());
                assertEquals("keV", hdf.getDatasetByPath(DataExchange.ENERGY).getAttribute("units").getData());
                io.jhdf.api.Dataset data = hdf.getDatasetByPath(DataExchange.DATA);
                assertEquals(gzip > 0 ? 2 : 0, data.getFilters().size(), "shuffle + deflate");
                assertEquals(gzip > 0, data.getStorageInBytes() < data.getSizeInBytes());
            }
        }
    }

    @Test
    void aMissingSlabOrACloseWithoutCommitLeavesNoFile() throws IOException {
        Path file = dir.resolve("scan.h5");
        var layout = new DataExchangeStreamWriter.Layout(angles(6), ROWS, COLUMNS, 2, 3);
        try (DataExchangeStreamWriter out = DataExchangeStreamWriter.create(file, layout, 8.313, 0.0487)) {
            out.writeFlats(frames(0, 2));
            out.writeDarks(frames(0, 3));
            out.writeProjections(0, 4, frames(0, 4));
            DataFileException e = assertThrows(DataFileException.class, out::commit);
            assertTrue(e.getMessage().contains("projection 4 was never written"), e.getMessage());
        }
        try (DataExchangeStreamWriter out = DataExchangeStreamWriter.create(file, layout, 8.313, 0.0487)) {
            out.writeProjections(0, 6, frames(0, 6));
            DataFileException e = assertThrows(DataFileException.class, () -> out.writeProjections(4, 3,
                    frames(0, 3)));
            assertTrue(e.getMessage().contains("projections 4..6 lie outside 0..5"), e.getMessage());
        } // cancelled: closed without commit
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aCommitReplacesAnExistingFileWhole() throws IOException {
        Path file = dir.resolve("scan.h5");
        Files.writeString(file, "old");
        writeScan(file, 0, new int[] { 0 }, 5);
        try (DataExchangeReader reader = DataExchangeReader.open(file)) {
            assertEquals(value(4, 69, 8), reader.readProjections(4, 1).get(0, 69, 8), 0);
        }
    }
}
