package org.edgewise.io.imageio;

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
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffSourceTest {

    @TempDir
    Path dir;

    @Test
    void tiffTakesOnlyStacks() {
        Path tif = dir.resolve("volume.tif");
        TiffSource tiff = new TiffSource();
        assertTrue(tiff.accepts(new InputSpec("v", "volume.tif", null, DataKind.VOLUME, null, null, null, null), tif));
        assertFalse(tiff.accepts(new InputSpec("p", "p.tif", null, DataKind.PROJECTIONS, null, null, null, null), tif));
    }

    @Test
    void aTiffVolumeKeepsValuesAndTakesItsVoxelSizeFromTheCalibration() throws IOException, DatasetException {
        Dataset volume = DatasetFactory.createRange(FloatDataset.class, 3 * 4 * 5).reshape(3, 4, 5);
        volume.imultiply(0.25);
        Path file = dir.resolve("volume.tif");
        TiffStacks.write(file, volume, 0.05);

        ILazyDataset opened = new TiffSource().open(
                new InputSpec("recon", "volume.tif", null, DataKind.VOLUME, null, null, "1/µm", null), file);
        assertArrayEquals(new int[] { 3, 4, 5 }, opened.getShape());
        Dataset values = (Dataset) opened.getSlice();
        assertEquals(0.25 * (2 * 20 + 3 * 5 + 4), values.getDouble(2, 3, 4), 1e-6);
        assertEquals(0.05, PhysicalMetadata.of(opened).pixelSizeUm(), 1e-6);
        assertEquals("1/µm", PhysicalMetadata.of(opened).valueUnit());
    }

    @Test
    void aTiffWithoutCalibrationNeedsThePixelSizeFromThePipeline() throws IOException, DatasetException {
        Path folder = Files.createDirectories(dir.resolve("slices"));
        TiffStacks.writeSlices(folder, "mask", DatasetFactory.ones(IntegerDataset.class, 2, 3, 3), Double.NaN);
        InputSpec withoutSize = new InputSpec("mask", "slices", null, DataKind.MASK, null, null, null, null);
        DataFileException error = assertThrows(DataFileException.class, () -> new TiffSource().open(withoutSize, folder));
        assertTrue(error.getMessage().contains("pixel size unknown"), error.getMessage());

        InputSpec withSize = new InputSpec("mask", "slices", null, DataKind.MASK, 0.1, null, null, null);
        ILazyDataset mask = new TiffSource().open(withSize, folder);
        assertArrayEquals(new int[] { 2, 3, 3 }, mask.getShape());
        assertEquals(0.1, PhysicalMetadata.of(mask).pixelSizeUm(), 1e-12);
    }
}
