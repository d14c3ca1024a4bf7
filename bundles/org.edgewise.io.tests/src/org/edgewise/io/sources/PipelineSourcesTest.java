package org.edgewise.io.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineSourcesTest {

    private static final double[] THETA = { 0, 30, 60, 90, 120, 150, 180 };

    @TempDir
    Path dir;

    /**
     * counts = 1000·(angle + 1) + 10·row + column, so every value says where it came from (and every projection is
     * brighter than the darks, as the check before a run requires)
     */
    private static Dataset countsByPosition(int angles, int rows, int columns) {
        int[] values = new int[angles * rows * columns];
        for (int a = 0, i = 0; a < angles; a++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++, i++) {
                    values[i] = 1000 * (a + 1) + 10 * r + c;
                }
            }
        }
        return DatasetFactory.createFromObject(IntegerDataset.class, values, angles, rows, columns);
    }

    private Path writeScan() throws IOException {
        Dataset flats = DatasetFactory.createFromObject(IntegerDataset.class, new int[2 * 5 * 6], 2, 5, 6);
        flats.iadd(40000);
        flats.set(40123, 1, 4, 5);
        Dataset darks = DatasetFactory.zeros(IntegerDataset.class, 3, 5, 6).iadd(100);
        Path file = dir.resolve("ni_above.h5");
        DataExchangeWriter.write(file, new ScanData(countsByPosition(7, 5, 6), flats, darks, THETA, 8.353, 0.0487,
                null));
        return file;
    }

    private static InputSpec projections(String path, Double energyKev) {
        return new InputSpec("scan", "ni_above.h5", path, DataKind.PROJECTIONS, null, energyKev, null, null);
    }

    @Test
    void projectionsAreLazyFloatCountsWithAnglesEnergyAndPixelSize() throws IOException, DatasetException {
        Path file = writeScan();
        DataExchangeSource source = new DataExchangeSource();
        assertTrue(source.accepts(projections(null, null), file));

        ILazyDataset lazy = source.open(projections(null, null), file);
        assertArrayEquals(new int[] { 7, 5, 6 }, lazy.getShape());
        PhysicalMetadata metadata = PhysicalMetadata.of(lazy);
        assertEquals(8.353, metadata.energyKev(), 1e-12);
        assertEquals(0.0487, metadata.pixelSizeUm(), 1e-12);
        assertEquals("counts", metadata.valueUnit());
        assertArrayEquals(THETA, metadata.anglesDeg(), 1e-12);

        // angles 2..3, row 4, every second column from 1
        Dataset slab = (Dataset) lazy.getSlice(new Slice(2, 4), new Slice(4, 5), new Slice(1, 6, 2));
        assertArrayEquals(new int[] { 2, 1, 3 }, slab.getShape());
        assertEquals(3041.0, slab.getDouble(0, 0, 0));
        assertEquals(3045.0, slab.getDouble(0, 0, 2));
        assertEquals(4043.0, slab.getDouble(1, 0, 1));
        assertArrayEquals(new double[] { 60, 90 }, PhysicalMetadata.of(slab).anglesDeg(), 1e-12);
    }

    @Test
    void flatsAndDarksComeWholeWithTheScanMetadata() throws IOException, DatasetException {
        Path file = writeScan();
        ILazyDataset flats = new DataExchangeSource().open(projections("/exchange/data_white", null), file);
        assertArrayEquals(new int[] { 2, 5, 6 }, flats.getShape());
        assertEquals(40123.0, ((Dataset) flats.getSlice()).getDouble(1, 4, 5));
        assertEquals(8.353, PhysicalMetadata.of(flats).energyKev(), 1e-12);
        ILazyDataset darks = new DataExchangeSource().open(projections("/exchange/data_dark", null), file);
        assertEquals(100.0, ((Dataset) darks.getSlice()).getDouble(2, 0, 0));
    }

    @Test
    void anEnergyThatContradictsTheFileIsAnErrorNamingFileAndPath() throws IOException, DatasetException {
        Path file = writeScan();
        DataFileException error = assertThrows(DataFileException.class,
                () -> new DataExchangeSource().open(projections(null, 8.313), file));
        assertTrue(error.getMessage().contains("ni_above.h5"), error.getMessage());
        assertTrue(error.getMessage().contains("/measurement/instrument/monochromator/energy"), error.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nowhere.h5");
        DataFileException error = assertThrows(DataFileException.class,
                () -> new DataExchangeSource().open(projections(null, null), missing));
        assertTrue(error.getMessage().contains("nowhere.h5") && error.getMessage().contains("does not exist"),
                error.getMessage());
    }

    @Test
    void dataExchangeTakesOnlyProjectionsAtExchangePaths() {
        Path h5 = dir.resolve("scan.h5");
        Path tif = dir.resolve("volume.tif");
        DataExchangeSource dx = new DataExchangeSource();
        assertTrue(dx.accepts(projections("/exchange/data_dark", null), h5));
        assertFalse(dx.accepts(projections("/volumes/recon", null), h5));
        assertFalse(dx.accepts(new InputSpec("v", "volume.h5", null, DataKind.VOLUME, null, null, null, null), h5));
        assertFalse(dx.accepts(projections(null, null), tif));
    }
}
