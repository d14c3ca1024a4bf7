package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void alignsAndRegistersASimulatedRun(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--out", scans.toString(), "--size", "48", "--angles", "60", "--particles",
                "1", "--seed", "3", "--energy-scaled-pixel"), err.toString());
        Path result = dir.resolve("aligned");
        assertEquals(0, run("align", scans.toString(), "--out", result.toString()), err.toString());
        assertTrue(out.toString().contains("Aligned 6 scan(s), registered 3 pair(s)"), out.toString());
        List<String> alignment = Files.readAllLines(result.resolve("alignment.csv"));
        assertEquals("scan,energy_kev,angle_deg,shift_row_px,shift_col_px", alignment.get(0));
        assertEquals(1 + 6 * 60, alignment.size());
        List<String> registration = Files.readAllLines(result.resolve("registration.csv"));
        assertEquals("scan,reference_scan,shift_row_px,shift_col_px,scale,rotation_center_px,residual",
                registration.get(0));
        assertEquals(7, registration.size());
        assertTrue(registration.get(2).startsWith("scan_02_mn_above,scan_01_mn_below,"), registration.get(2));
        assertTrue(registration.get(1).startsWith("scan_01_mn_below,scan_01_mn_below,0.0,0.0,1.0,"),
                registration.get(1));
        assertTrue(Files.size(result.resolve("aligned").resolve("scan_06_ni_above.h5")) > 48 * 48 * 60 * 4);
        assertTrue(Files.size(result.resolve("plots").resolve("scan_01_mn_below_shifts.png")) > 1000);
        assertTrue(Files.size(result.resolve("plots").resolve("pair_residuals.png")) > 1000);
    }

    /**
     * The above-edge scan of a pair is written on its reference's grid: registering the two written stacks again
     * finds nothing left to correct (scale 1, no shift, no sample translation), and the pixel sizes agree.
     */
    @Test
    void theAboveEdgeScanIsWrittenOnItsReferenceGrid(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--out", scans.toString(), "--size", "64", "--angles", "90", "--particles",
                "2", "--seed", "3", "--jitter", "0.5", "--energy-scaled-pixel"), err.toString());
        Path pair = dir.resolve("ni");
        Files.createDirectories(pair);
        for (String name : List.of("scan_05_ni_below.h5", "scan_06_ni_above.h5")) {
            Files.copy(scans.resolve(name), pair.resolve(name));
        }
        Path result = dir.resolve("aligned");
        assertEquals(0, run("align", pair.toString(), "--out", result.toString()), err.toString());
        org.eclipse.january.dataset.Dataset below = alignedStack(result.resolve("aligned/scan_05_ni_below.h5"));
        org.eclipse.january.dataset.Dataset above = alignedStack(result.resolve("aligned/scan_06_ni_above.h5"));
        assertEquals(org.edgewise.api.metadata.PhysicalMetadata.of(below).pixelSizeUm(),
                org.edgewise.api.metadata.PhysicalMetadata.of(above).pixelSizeUm(), 1e-12);
        try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(result.resolve("aligned/scan_06_ni_above.h5"))) {
            assertEquals(org.edgewise.align.Registration.LANDMARKS, hdf.getDatasetByPath("/registration/method")
                    .getData());
            assertEquals("scan_05_ni_below", hdf.getDatasetByPath("/registration/reference_scan").getData());
        }
        org.edgewise.align.Registration.Result again = org.edgewise.align.Registration.registerProjections(below,
                above, 90);
        assertEquals(1, again.scale(), 1e-3, again.describe());
        assertEquals(0, again.shiftPx()[0], 0.05, again.describe());
        assertEquals(0, again.shiftPx()[1], 0.05, again.describe());
        assertEquals(0, again.translationPx()[0], 0.05, again.describe());
        assertEquals(0, again.translationPx()[1], 0.05, again.describe());
    }

    private static org.eclipse.january.dataset.Dataset alignedStack(Path file) throws Exception {
        try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(file)) {
            float[][][] data = (float[][][]) hdf.getDatasetByPath("/exchange/data").getData();
            double[] angles = (double[]) hdf.getDatasetByPath("/exchange/theta").getData();
            double pixel = ((Number) hdf.getDatasetByPath(
                    "/measurement/instrument/detection_system/objective/resolution").getData()).doubleValue();
            double energy = ((Number) hdf.getDatasetByPath("/measurement/instrument/monochromator/energy").getData())
                    .doubleValue();
            return org.edgewise.api.metadata.PhysicalMetadata.create(pixel, energy, "1").withAnglesDeg(angles,
                    org.edgewise.api.stages.DataKind.PROJECTIONS).attachTo(
                            DatasetFactory.createFromObject(org.eclipse.january.dataset.FloatDataset.class, data));
        }
    }

    @Test
    void anglesShortOfAHalfTurnAreAClearError(@TempDir Path dir) throws Exception {
        int n = 20;
        int[] counts = new int[n * 16 * 16];
        java.util.Arrays.fill(counts, 9000);
        int[] flat = new int[2 * 16 * 16];
        java.util.Arrays.fill(flat, 10000);
        int[] dark = new int[2 * 16 * 16];
        java.util.Arrays.fill(dark, 100);
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = 6.0 * i;
        }
        Path file = dir.resolve("short.h5");
        DataExchangeWriter.write(file, new ScanData(DatasetFactory.createFromObject(IntegerDataset.class, counts, n,
                16, 16), DatasetFactory.createFromObject(IntegerDataset.class, flat, 2, 16, 16), DatasetFactory
                        .createFromObject(IntegerDataset.class, dark, 2, 16, 16), angles, 8.313, 0.05, null));
        assertEquals(1, run("align", file.toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("short.h5") && err.toString().contains("projection angles span only"
                + " 120.00°"), err.toString());
    }
}
