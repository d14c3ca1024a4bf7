package org.edgewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void volumesRoundTripWithVoxelSizeUnitsAndProvenance() throws IOException {
        float[] mu = new float[2 * 3 * 4];
        int[] labels = new int[2 * 3 * 4];
        boolean[] mask = new boolean[2 * 3 * 4];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = 0.01f * i - 0.05f;
            labels[i] = i % 3;
            mask[i] = i % 2 == 0;
        }
        Path file = dir.resolve("results.h5");
        String provenance = "{\"inputs\":[{\"path\":\"scan_01.h5\"}],\"unit\":\"µm\"}";
        ResultsFile.write(file, List.of(
                new ResultsFile.Volume("mu_ni_above", DatasetFactory.createFromObject(FloatDataset.class, mu, 2, 3, 4),
                        0.049, "1/um", "reconstruction at 8.353 keV"),
                new ResultsFile.Volume("labels", DatasetFactory.createFromObject(IntegerDataset.class, labels, 2, 3, 4),
                        0.049, "label", "particles"),
                new ResultsFile.Volume("mask", DatasetFactory.createFromObject(BooleanDataset.class, mask, 2, 3, 4),
                        0.049, "", "material")), provenance);
        assertEquals(provenance, ResultsFile.readProvenance(file));
        assertEquals(List.of("labels", "mask", "mu_ni_above"), ResultsFile.volumeNames(file).stream().sorted().toList());
        ResultsFile.Volume back = ResultsFile.read(file, "mu_ni_above");
        assertEquals(0.049, back.voxelSizeUm(), 0);
        assertEquals("1/um", back.units());
        assertEquals("reconstruction at 8.353 keV", back.description());
        assertArrayEquals(new int[] { 2, 3, 4 }, back.data().getShape());
        assertEquals(mu[23], back.data().getFloat(1, 2, 3), 0);
        assertEquals(labels[17], ResultsFile.read(file, "labels").data().getInt(1, 1, 1));
        assertEquals(1, ResultsFile.read(file, "mask").data().getInt(0, 0, 0));
        assertEquals(0, ResultsFile.read(file, "mask").data().getInt(0, 0, 1));
        DataFileException e = assertThrows(DataFileException.class, () -> ResultsFile.read(file, "nothing"));
        assertTrue(e.getMessage().contains("results.h5: /entry/nothing: is missing; results are ["), e.getMessage());
    }

    /** A projection stack, a volume, a typed table, an untyped table and a mask, as a pipeline run writes them. */
    private static List<ResultDataset> pipelineResults() {
        Dataset projections = DatasetFactory.createRange(FloatDataset.class, 3 * 2 * 4).reshape(3, 2, 4);
        PhysicalMetadata.create(0.5, 8.353, "1").withAnglesDeg(new double[] { 0, 45, 90 }, DataKind.PROJECTIONS)
                .withProvenanceStep("input:scan").withProvenanceStep("edgewise.align.normalise").attachTo(projections);
        Dataset volume = DatasetFactory.createRange(DoubleDataset.class, 2 * 3 * 4).reshape(2, 3, 4).imultiply(0.25);
        PhysicalMetadata.create(0.5, 8.353, "1/µm").attachTo(volume);
        Dataset table = Tables.create(List.of(Column.of("angle_deg", "deg"), Column.of("shift_row_px", "px"),
                Column.of("shift_col_px", "px")), 3, 8.353);
        for (int row = 0; row < 3; row++) {
            Tables.set(table, row, "angle_deg", 45 * row);
            Tables.set(table, row, "shift_row_px", 0.5 - row);
            Tables.set(table, row, "shift_col_px", 0.125 * row);
        }
        Dataset untyped = DatasetFactory.createFromObject(DoubleDataset.class, new double[] { 1, 2, 3, 4 }, 2, 2);
        PhysicalMetadata.create(Double.NaN, Double.NaN, "px").attachTo(untyped);
        Dataset mask = DatasetFactory.createFromObject(BooleanDataset.class,
                new boolean[] { true, false, false, true, true, true, false, false }, 2, 2, 2);
        PhysicalMetadata.create(0.5, Double.NaN, "1").attachTo(mask);
        return List.of(new ResultDataset("norm.projections", DataKind.PROJECTIONS, projections),
                new ResultDataset("recon.volume", DataKind.VOLUME, volume),
                new ResultDataset("align.alignment", DataKind.TABLE, table),
                new ResultDataset("stats.statistics", DataKind.TABLE, untyped),
                new ResultDataset("seg.mask", DataKind.MASK, mask));
    }

    @Test
    void pipelineResultsOfEveryKindRoundTripInTheirOwnTypeWithTheirMetadata() throws IOException {
        Path file = dir.resolve("results.h5");
        List<ResultDataset> results = pipelineResults();
        ResultsFile.pipelineWriter().write(file, results, "{\"run\": 1}", "0.1.0.test");
        assertEquals("results.h5", ResultsFile.pipelineWriter().fileName());
        assertEquals("{\"run\": 1}", ResultsFile.readProvenance(file));
        assertEquals(List.of("align.alignment", "norm.projections", "recon.volume", "seg.mask", "stats.statistics"),
                ResultsFile.names(file).stream().sorted().toList());
        assertEquals(List.of("recon", "seg.mask"), ResultsFile.volumeNames(file).stream().sorted().toList());

        Dataset projections = ResultsFile.readDataset(file, "norm.projections");
        assertEquals(FloatDataset.class, projections.getClass());
        assertEquals(results.get(0).data(), projections);
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        assertEquals(0.5, metadata.pixelSizeUm());
        assertEquals(8.353, metadata.energyKev());
        assertEquals("1", metadata.valueUnit());
        assertArrayEquals(new double[] { 0, 45, 90 }, metadata.anglesDeg());
        assertEquals(List.of("input:scan", "edgewise.align.normalise"), metadata.provenance());
        assertEquals(DataKind.PROJECTIONS, ResultsFile.kind(file, "norm.projections"));

        Dataset volume = ResultsFile.readDataset(file, "recon"); // the port suffix may be left out
        assertEquals(DoubleDataset.class, volume.getClass());
        assertEquals(5.75, volume.getDouble(1, 2, 3), 0);
        assertEquals("1/µm", PhysicalMetadata.of(volume).valueUnit());
        ResultsFile.Volume asVolume = ResultsFile.read(file, "recon");
        assertEquals("recon", asVolume.name());
        assertEquals(0.5, asVolume.voxelSizeUm());

        Dataset table = ResultsFile.readDataset(file, "align.alignment");
        assertEquals(List.of("angle_deg", "shift_row_px", "shift_col_px"), TableMetadata.of(table).names());
        assertEquals("px", TableMetadata.of(table).unit("shift_row_px"));
        assertEquals(-1.5, Tables.get(table, 2, "shift_row_px"), 0);
        assertEquals(0.25, Tables.get(table, 2, "shift_col_px"), 0);
        assertEquals(8.353, PhysicalMetadata.of(table).energyKev());
        assertEquals(Tables.VALUE_UNIT, PhysicalMetadata.of(table).valueUnit());

        Dataset untyped = ResultsFile.readDataset(file, "stats.statistics");
        assertEquals(List.of("column_0", "column_1"), TableMetadata.of(untyped).names());
        assertEquals("px", TableMetadata.of(untyped).unit("column_1"));
        assertEquals(3, untyped.getDouble(1, 0), 0);

        Dataset mask = ResultsFile.readDataset(file, "seg.mask");
        assertEquals(IntegerDataset.class, mask.getClass());
        assertEquals(1, mask.getInt(0, 1, 1));
        assertEquals(0, mask.getInt(1, 1, 0));
    }

    @Test
    void theLayoutIsNexusWithAxesInMicrometresAndDegrees() throws IOException {
        Path file = dir.resolve("results.h5");
        ResultsFile.write(file, pipelineResults(), "{}", "0.1.0.test");
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals("NXroot", hdf.getAttribute("NX_class").getData());
            assertEquals("entry", hdf.getAttribute("default").getData());
            Group entry = (Group) hdf.getChild("entry");
            assertEquals("NXentry", entry.getAttribute("NX_class").getData());
            assertEquals("recon.volume", entry.getAttribute("default").getData()); // the first volume
            assertEquals("0.1.0.test",
                    hdf.getDatasetByPath("/entry/program_name").getAttribute("version").getData());

            Group projections = (Group) entry.getChild("norm.projections");
            assertEquals("NXdata", projections.getAttribute("NX_class").getData());
            assertEquals("data", projections.getAttribute("signal").getData());
            assertArrayEquals(new String[] { "angle", "row", "column" },
                    (String[]) projections.getAttribute("axes").getData());
            assertEquals(0, ((Number) projections.getAttribute("angle_indices").getData()).intValue());
            assertEquals(2, ((Number) projections.getAttribute("column_indices").getData()).intValue());
            assertArrayEquals(new double[] { 0, 45, 90 },
                    (double[]) hdf.getDatasetByPath("/entry/norm.projections/angle").getData());
            assertEquals("deg", hdf.getDatasetByPath("/entry/norm.projections/angle").getAttribute("units").getData());
            assertArrayEquals(new double[] { 0, 0.5, 1.0, 1.5 },
                    (double[]) hdf.getDatasetByPath("/entry/norm.projections/column").getData());
            assertEquals("um", hdf.getDatasetByPath("/entry/norm.projections/row").getAttribute("units").getData());
            assertEquals("1", hdf.getDatasetByPath("/entry/norm.projections/data").getAttribute("units").getData());

            Group volume = (Group) entry.getChild("recon.volume");
            assertArrayEquals(new String[] { "z", "y", "x" }, (String[]) volume.getAttribute("axes").getData());
            assertEquals("1/µm", hdf.getDatasetByPath("/entry/recon.volume/data").getAttribute("units").getData());
            assertEquals("recon.volume (1/µm)",
                    hdf.getDatasetByPath("/entry/recon.volume/data").getAttribute("long_name").getData());

            Group table = (Group) entry.getChild("align.alignment");
            assertEquals("shift_row_px", table.getAttribute("signal").getData());
            assertArrayEquals(new String[] { "angle_deg" }, (String[]) table.getAttribute("axes").getData());
            assertArrayEquals(new String[] { "shift_col_px" },
                    (String[]) table.getAttribute("auxiliary_signals").getData());
            assertArrayEquals(new double[] { 0, 45, 90 },
                    (double[]) hdf.getDatasetByPath("/entry/align.alignment/angle_deg").getData());
            assertEquals("px",
                    hdf.getDatasetByPath("/entry/align.alignment/shift_col_px").getAttribute("units").getData());
        }
    }

    @Test
    void filesInTheVolumesLayoutOfEarlierVersionsAreStillRead() throws IOException {
        Path file = dir.resolve("segmentation.h5");
        float[][][] depth = { { { 0, 0.5f }, { 1, 1.5f } } };
        try (WritableHdfFile hdf = HdfFile.write(file)) { // as edgewise segment wrote it before the NeXus layout
            hdf.putDataset("provenance", "{\"command\": \"edgewise segment\"}");
            WritableGroup volumes = hdf.putGroup("volumes");
            WritableDataset d = volumes.putDataset("depth", depth);
            d.putAttribute("units", "um");
            d.putAttribute("voxel_size_um", 0.05);
            d.putAttribute("axes", new String[] { "z", "y", "x" });
            d.putAttribute("description", "depth below the hull");
            WritableDataset labels = volumes.putDataset("labels", new int[][][] { { { 0, 1 }, { 2, 2 } } });
            labels.putAttribute("units", "label");
            labels.putAttribute("voxel_size_um", 0.05);
        }
        assertEquals("{\"command\": \"edgewise segment\"}", ResultsFile.readProvenance(file));
        assertEquals(List.of("depth", "labels"), ResultsFile.volumeNames(file).stream().sorted().toList());
        ResultsFile.Volume back = ResultsFile.read(file, "depth");
        assertEquals(0.05, back.voxelSizeUm());
        assertEquals("um", back.units());
        assertEquals("depth below the hull", back.description());
        assertEquals(1.5f, back.data().getFloat(0, 1, 1));
        assertEquals(2, ResultsFile.read(file, "labels").data().getInt(0, 1, 0));
    }

    @Test
    void filesInTheRunLayoutOfEarlierVersionsAreStillRead() throws IOException {
        Path file = dir.resolve("volumes.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) { // as the pipeline runner wrote it before the NeXus layout
            hdf.putAttribute("provenance", "{\"software\": \"Edgewise\"}");
            hdf.putAttribute("edgewise_version", "0.1.0");
            WritableGroup results = hdf.putGroup("results");
            WritableDataset volume = results.putGroup("ni_above.volume").putDataset("data",
                    new float[][][] { { { 0.25f, 0.5f } } });
            volume.putAttribute("kind", "volume");
            volume.putAttribute("axes", new String[] { "z", "y", "x" });
            volume.putAttribute("value_unit", "1/µm");
            volume.putAttribute("pixel_size_um", 0.049);
            volume.putAttribute("energy_kev", 8.353);
            volume.putAttribute("provenance", new String[] { "input:ni_above", "edgewise.recon.reconstruct" });
            WritableGroup projections = results.putGroup("norm.projections");
            WritableDataset data = projections.putDataset("data", new float[][][] { { { 1 } }, { { 2 } } });
            data.putAttribute("kind", "projections");
            data.putAttribute("value_unit", "1");
            data.putAttribute("pixel_size_um", 0.049);
            projections.putDataset("angles_deg", new double[] { 0, 90 });
            WritableDataset table = results.putGroup("reg.registration").putDataset("data",
                    new double[][] { { 0.5, -0.25 } });
            table.putAttribute("kind", "table");
            table.putAttribute("value_unit", "1");
        }
        assertEquals("{\"software\": \"Edgewise\"}", ResultsFile.readProvenance(file));
        assertEquals(List.of("ni_above"), ResultsFile.volumeNames(file));
        ResultsFile.Volume volume = ResultsFile.read(file, "ni_above");
        assertEquals(0.049, volume.voxelSizeUm());
        assertEquals("1/µm", volume.units());
        assertEquals(0.5f, volume.data().getFloat(0, 0, 1));
        Dataset full = ResultsFile.readDataset(file, "ni_above.volume");
        assertEquals(8.353, PhysicalMetadata.of(full).energyKev());
        assertEquals(List.of("input:ni_above", "edgewise.recon.reconstruct"), PhysicalMetadata.of(full).provenance());
        assertArrayEquals(new double[] { 0, 90 },
                PhysicalMetadata.of(ResultsFile.readDataset(file, "norm.projections")).anglesDeg());
        assertEquals(-0.25, ResultsFile.readDataset(file, "reg.registration").getDouble(0, 1));
        assertEquals(DataKind.TABLE, ResultsFile.kind(file, "reg.registration"));
    }

    @Test
    void aFileThatIsNoResultsFileIsNamed() throws IOException {
        Path file = dir.resolve("scan.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putGroup("exchange").putDataset("data", new float[] { 1 });
        }
        DataFileException e = assertThrows(DataFileException.class, () -> ResultsFile.names(file));
        assertTrue(e.getMessage().contains("scan.h5: /entry: is missing: not an Edgewise results file"),
                e.getMessage());
    }
}
