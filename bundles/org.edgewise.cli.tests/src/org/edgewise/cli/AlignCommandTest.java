package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.core.pipeline.Provenance;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.ScanData;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.testing.Sinusoids;
import org.edgewise.testing.TruthFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /**
     * The files of a simulated run hold what the simulator did: per scan the measurable rotation centre (axis plus
     * the constant of the jitter's sinusoid fit, computed independently of the alignment code) and the jitter
     * without its sinusoid (what a sample translation cannot explain), per pair the relative magnification.
     */
    @Test
    void alignsAndRegistersASimulatedRunAndRecoversItsTruth(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--out", scans.toString(), "--size", "64", "--angles", "90", "--particles",
                "2", "--seed", "3", "--jitter", "0.7", "--centre-offset", "4", "--energy-scaled-pixel"),
                err.toString());
        Path result = dir.resolve("aligned");
        assertEquals(0, run("align", scans.toString(), "--out", result.toString()), err.toString());
        assertTrue(out.toString().contains("Aligned 6 scan(s), registered 3 pair(s)"), out.toString());
        Simulator.Truth truth = TruthFiles.read(scans);

        Csv alignment = Csv.read(result.resolve("alignment.csv"));
        assertEquals(List.of("scan", "energy_kev", "angle_deg", "shift_row_px", "shift_col_px"), alignment.header());
        assertEquals(6 * 90, alignment.rows().size());
        Csv registration = Csv.read(result.resolve("registration.csv"));
        assertEquals(List.of("scan", "reference_scan", "shift_row_px", "shift_col_px", "scale", "rotation_center_px",
                "residual"), registration.header());
        assertEquals(6, registration.rows().size());
        for (Simulator.ScanTruth scan : truth.scans()) {
            String name = scan.file().replace(".h5", "");
            double[] angles = alignment.column("angle_deg", "scan", name);
            double[] rows = alignment.column("shift_row_px", "scan", name);
            double[] columns = alignment.column("shift_col_px", "scan", name);
            double centre = registration.column("rotation_center_px", "scan", name)[0];
            double measurable = scan.rotationCentrePx() + Sinusoids.fit(scan.jitterColPx(), angles)[0];
            double rowError = rmsAfterOffset(rows, scan.jitterRowPx());
            double columnError = Sinusoids.rmsDifference(Sinusoids.residual(columns, angles),
                    Sinusoids.residual(scan.jitterColPx(), angles));
            String what = String.format(java.util.Locale.ROOT, "%s: centre %.3f vs %.3f, rows %.3f px, columns %.3f px"
                    + " RMS", name, centre, measurable, rowError, columnError);
            System.out.println(what);
            assertEquals(measurable, centre, 0.1, what);
            assertTrue(rowError < 0.12 && columnError < 0.12, what);
            assertEquals(scan.energyKev(), alignment.column("energy_kev", "scan", name)[0], 1e-9);
        }
        for (String element : List.of("mn", "co", "ni")) {
            Simulator.ScanTruth below = truth.scans().stream().filter(t -> t.file().contains(element + "_below"))
                    .findFirst().orElseThrow();
            Simulator.ScanTruth above = truth.scans().stream().filter(t -> t.file().contains(element + "_above"))
                    .findFirst().orElseThrow();
            String aboveName = above.file().replace(".h5", "");
            assertEquals(below.file().replace(".h5", ""), registration.text("reference_scan", "scan", aboveName));
            double scale = registration.column("scale", "scan", aboveName)[0];
            // the magnification error of the above scan relative to the below scan; the nominal pixel ratio is
            // taken out by the files' pixel sizes
            assertEquals(above.scale() / below.scale(), scale, 2e-3, element + " pair scale");
            String belowName = below.file().replace(".h5", "");
            assertEquals(1.0, registration.column("scale", "scan", belowName)[0]);
            assertEquals("", registration.text("residual", "scan", belowName));
        }
        assertTrue(Files.size(result.resolve("aligned").resolve("scan_06_ni_above.h5")) > 64 * 64 * 90 * 4);
        assertTrue(Files.size(result.resolve("plots").resolve("scan_01_mn_below_shifts.png")) > 1000);
        assertTrue(Files.size(result.resolve("plots").resolve("pair_residuals.png")) > 1000);
        // provenance of the run: every stage that produced these numbers, with its parameters
        Provenance provenance = Provenance.fromJson(Files.readString(result.resolve("provenance.json")));
        assertEquals(6 * 3 + 3 * 2, provenance.steps().size());
        assertEquals(6 * 3, provenance.inputs().size());
        assertTrue(Files.exists(result.resolve("pipeline.json")));
        try (var files = Files.list(result)) {
            assertEquals(List.of("aligned", "alignment.csv", "pipeline.json", "plots", "provenance.json",
                    "registration.csv"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no results.h5 or staging folder is left");
        }
    }

    /** Parameters are checked against the stage's bounds before anything runs or is written. */
    @Test
    void anInvalidOptionIsAUsageErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--out", scans.toString(), "--size", "24", "--angles", "20", "--particles",
                "1", "--seed", "3"), err.toString());
        Path result = dir.resolve("aligned");
        // 2 working columns: the alignment stage refuses the option before anything runs
        assertEquals(2, run("align", scans.toString(), "--out", result.toString(), "--working-columns", "2"));
        assertTrue(err.toString().contains("edgewise align:"), err.toString());
        assertFalse(Files.exists(result), "nothing written");
    }

    /** RMS of (estimate − truth) after removing the mean difference. */
    private static double rmsAfterOffset(double[] estimate, double[] truth) {
        double offset = 0;
        for (int i = 0; i < truth.length; i++) {
            offset += (estimate[i] - truth[i]) / truth.length;
        }
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.pow(estimate[i] - truth[i] - offset, 2);
        }
        return Math.sqrt(sum / truth.length);
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
