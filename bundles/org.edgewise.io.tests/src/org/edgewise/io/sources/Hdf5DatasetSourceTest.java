package org.edgewise.io.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

class Hdf5DatasetSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsSlabsLazilyWithDataExchangeMetadata() throws Exception {
        Path file = dataExchange(dir.resolve("scan.h5"), ramp(5, 3, 4), 0.049, 8.353,
                new double[] { 0, 45, 90, 135, 180 });
        InputSpec spec = new InputSpec("scan", "scan.h5", "/exchange/data", DataKind.PROJECTIONS, null, null, null,
                null);
        ILazyDataset lazy = new Hdf5DatasetSource().open(spec, file);
        assertArrayEquals(new int[] { 5, 3, 4 }, lazy.getShape());
        PhysicalMetadata metadata = PhysicalMetadata.of(lazy);
        assertEquals(0.049, metadata.pixelSizeUm());
        assertEquals(8.353, metadata.energyKev());
        assertEquals(List.of("input:scan"), metadata.provenance());

        Dataset slab = DatasetUtils.convertToDataset(lazy.getSlice(new SliceND(lazy.getShape(), new Slice(2, 4))));
        assertArrayEquals(new int[] { 2, 3, 4 }, slab.getShape());
        assertEquals(213, slab.getDouble(0, 1, 3), 0);
        assertEquals(320, slab.getDouble(1, 2, 0), 0);
        assertArrayEquals(new double[] { 90, 135 }, PhysicalMetadata.of(slab).anglesDeg());

        Dataset stepped = DatasetUtils.convertToDataset(lazy.getSlice(
                new SliceND(lazy.getShape(), new Slice(0, 5, 2), new Slice(1, 3), new Slice(0, 4, 3))));
        assertArrayEquals(new int[] { 3, 2, 2 }, stepped.getShape());
        assertEquals(413, stepped.getDouble(2, 0, 1), 0);
    }

    @Test
    void thePipelineFileOverridesTheFileAndAWrongRankIsRefused() throws Exception {
        Path file = dataExchange(dir.resolve("scan.h5"), ramp(2, 2, 2), 0.049, 8.353, null);
        InputSpec volume = new InputSpec("v", "scan.h5", null, DataKind.VOLUME, 0.1, 7.0, "1/µm", null);
        PhysicalMetadata metadata = PhysicalMetadata.of(new Hdf5DatasetSource().open(volume, file));
        assertEquals(0.1, metadata.pixelSizeUm());
        assertEquals(7.0, metadata.energyKev());
        assertEquals("1/µm", metadata.valueUnit());

        InputSpec image = new InputSpec("i", "scan.h5", null, DataKind.IMAGE, null, null, null, null);
        IOException e = assertThrows(IOException.class, () -> new Hdf5DatasetSource().open(image, file));
        assertTrue(e.getMessage().contains("has shape [2, 2, 2] but image [y, x] needs rank 2"), e.getMessage());
    }

    @Test
    void aResultsFileIsAnInputWithItsUnitsPixelSizeAndAngles() throws Exception {
        float[] values = new float[3 * 2 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Dataset projections = DatasetFactory.createFromObject(FloatDataset.class, values, 3, 2, 2);
        PhysicalMetadata.create(0.25, 8.353, "1").withAnglesDeg(new double[] { 0, 60, 120 }, DataKind.PROJECTIONS)
                .attachTo(projections);
        Path file = dir.resolve("results.h5");
        ResultsFile.write(file, List.of(new ResultDataset("norm.projections", DataKind.PROJECTIONS, projections)),
                "{}", null);

        InputSpec spec = new InputSpec("norm", "results.h5", "/entry/norm.projections/data", DataKind.PROJECTIONS,
                null, null, null, null);
        ILazyDataset opened = new Hdf5DatasetSource().open(spec, file);
        PhysicalMetadata metadata = PhysicalMetadata.of(opened);
        assertEquals(0.25, metadata.pixelSizeUm());
        assertEquals(8.353, metadata.energyKev());
        assertEquals("1", metadata.valueUnit());
        assertArrayEquals(new double[] { 0, 60, 120 }, metadata.anglesDeg());
        assertEquals(11, DatasetUtils.sliceAndConvertLazyDataset(opened).getDouble(2, 1, 1));
    }

    /** Writes {@code /exchange/data} and the Data Exchange pixel size (µm), energy (keV) and angles (deg, or null). */
    static Path dataExchange(Path file, float[][][] values, double pixelSizeUm, double energyKev, double[] thetaDeg) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup exchange = hdf.putGroup("exchange");
            exchange.putDataset("data", values);
            if (thetaDeg != null) {
                exchange.putDataset("theta", thetaDeg);
            }
            WritableGroup instrument = hdf.putGroup("measurement").putGroup("instrument");
            instrument.putGroup("monochromator").putDataset("energy", new double[] { energyKev });
            instrument.putGroup("detection_system").putGroup("objective").putDataset("resolution",
                    new double[] { pixelSizeUm });
        }
        return file;
    }

    /** @return {@code v[z][y][x] = 100 z + 10 y + x}, easy to check by hand */
    static float[][][] ramp(int nz, int ny, int nx) {
        float[][][] values = new float[nz][ny][nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    values[z][y][x] = 100 * z + 10 * y + x;
                }
            }
        }
        return values;
    }
}
