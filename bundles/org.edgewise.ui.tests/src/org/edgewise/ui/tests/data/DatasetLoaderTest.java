package org.edgewise.ui.tests.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.Element;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanData;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetLoader;
import org.edgewise.ui.image.FloatSlice;
import org.edgewise.ui.image.StackSlicer;
import org.edgewise.io.imageio.TiffStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    private static final long BUDGET = 64L << 20;

    @TempDir
    Path folder;

    /** Projection a of a scan: counts = 1000 + 100·a + 10·row + column. */
    static Path writeScan(Path file, double energyKev) throws IOException {
        int angles = 5;
        int rows = 4;
        int columns = 6;
        int[] counts = new int[angles * rows * columns];
        for (int a = 0, i = 0; a < angles; a++) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    counts[i++] = 1000 + 100 * a + 10 * row + column;
                }
            }
        }
        Dataset projections = DatasetFactory.createFromObject(IntegerDataset.class, counts, angles, rows, columns);
        Dataset flats = DatasetFactory.ones(IntegerDataset.class, 2, rows, columns).imultiply(4000);
        Dataset darks = DatasetFactory.ones(IntegerDataset.class, 2, rows, columns).imultiply(100);
        DataExchangeWriter.write(file, new ScanData(projections, flats, darks, new double[] { 0, 36, 72, 108, 144 },
                energyKev, 0.0625, null));
        return file;
    }

    @Test
    void aFolderOfScansGivesOneLazyProjectionEntryPerScanWithElementSideAndEnergy() throws Exception {
        writeScan(folder.resolve("scan_05_ni_below.h5"), 8.313);
        writeScan(folder.resolve("scan_06_ni_above.h5"), 8.353);
        Files.writeString(folder.resolve("notes.txt"), "not data");
        List<String> progress = new ArrayList<>();

        List<DatasetEntry> entries = new DatasetLoader(BUDGET).open(folder, progress::add);

        assertEquals(2, entries.size());
        DatasetEntry below = entries.get(0);
        assertEquals("scan_05_ni_below", below.name());
        assertEquals(DataKind.PROJECTIONS, below.kind());
        assertEquals(Element.NI, below.scan().element());
        assertEquals("below", below.scan().side());
        assertEquals("above", entries.get(1).scan().side());
        assertEquals(8.313, below.energyKev(), 1e-12);
        assertEquals(0.0625, below.pixelSizeUm(), 1e-12);
        assertEquals("5 × 4 × 6", below.shapeText());
        assertEquals("counts", below.valueUnit());
        assertEquals(List.of(0.0, 36.0, 72.0, 108.0, 144.0), java.util.Arrays.stream(
                PhysicalMetadata.of(below.data()).anglesDeg()).boxed().toList());
        // lazily read: projection 3 and the sinogram of row 2 come back with the values written
        FloatSlice projection = StackSlicer.floats(below.data(), 0, 3);
        assertEquals(1000 + 300 + 20 + 5, projection.value(5, 2));
        FloatSlice sinogram = StackSlicer.floats(below.data(), 1, 2);
        assertEquals(5, sinogram.height(), "one row per angle");
        assertEquals(1000 + 400 + 20 + 1, sinogram.value(1, 4));
        assertEquals(2, progress.size());
    }

    @Test
    void aResultsFileGivesItsVolumesWithKindUnitAndVoxelSize() throws Exception {
        Path file = folder.resolve("segmentation.h5");
        Dataset mu = DatasetFactory.createRange(FloatDataset.class, 4 * 5 * 6).reshape(4, 5, 6);
        Dataset labels = DatasetFactory.zeros(IntegerDataset.class, 4, 5, 6);
        labels.set(3, 1, 2, 3);
        ResultsFile.write(file, List.of(new ResultsFile.Volume("ni_above", mu, 0.07, "1/um", "mu"),
                new ResultsFile.Volume("labels", labels, 0.07, "label", "particles")), "{}");

        List<DatasetEntry> entries = new DatasetLoader(BUDGET).open(file, line -> { });

        assertEquals(2, entries.size());
        assertEquals(DataKind.VOLUME, entries.get(0).kind());
        assertEquals(new DatasetEntry.ScanLabel(Element.NI, true), entries.get(0).scan());
        assertEquals("1/um", entries.get(0).valueUnit());
        assertEquals(0.07, entries.get(0).pixelSizeUm(), 1e-12);
        assertEquals(DataKind.LABELS, entries.get(1).kind());
        assertNull(entries.get(1).scan());
        assertEquals(3, StackSlicer.ints(entries.get(1).data(), 0, 1).value(3, 2));
        assertTrue(entries.get(0).id().endsWith("segmentation.h5#ni_above"), entries.get(0).id());
    }

    @Test
    void aTiffStackIsAVolumeWithItsPixelSize() throws Exception {
        Path file = folder.resolve("slices.tif");
        TiffStacks.write(file, DatasetFactory.createRange(FloatDataset.class, 3 * 4 * 5).reshape(3, 4, 5), 0.125);
        DatasetEntry entry = new DatasetLoader(BUDGET).open(file, line -> { }).get(0);
        assertEquals(DataKind.VOLUME, entry.kind());
        assertEquals(0.125, entry.pixelSizeUm(), 1e-6);
        assertEquals(2 * 20 + 3 * 5 + 4, StackSlicer.floats(entry.data(), 0, 2).value(4, 3));
    }

    @Test
    void problemsNameTheFileAndWhatIsWrong() throws Exception {
        Path notHdf5 = Files.writeString(folder.resolve("broken.h5"), "this is not HDF5");
        IOException error = assertThrows(IOException.class, () -> new DatasetLoader(BUDGET).open(notHdf5, l -> { }));
        assertTrue(error.getMessage().contains("broken.h5") && error.getMessage().contains("not a readable HDF5"),
                error.getMessage());

        Path big = folder.resolve("volumes.h5");
        ResultsFile.write(big, List.of(new ResultsFile.Volume("co_below", DatasetFactory.zeros(FloatDataset.class,
                64, 64, 64), 0.1, "1/um", "")), "{}");
        error = assertThrows(IOException.class, () -> new DatasetLoader(512 << 10).open(big, l -> { }));
        assertTrue(error.getMessage().contains("volumes.h5") && error.getMessage().contains("co_below")
                && error.getMessage().contains("allowed for volumes"), error.getMessage());

        error = assertThrows(IOException.class, () -> new DatasetLoader(BUDGET).open(folder.resolve("missing"),
                l -> { }));
        assertTrue(error.getMessage().contains("missing") && error.getMessage().contains("does not exist"),
                error.getMessage());

        Path empty = Files.createDirectory(folder.resolve("empty"));
        error = assertThrows(IOException.class, () -> new DatasetLoader(BUDGET).open(empty, l -> { }));
        assertTrue(error.getMessage().contains("no HDF5"), error.getMessage());
    }
}
