package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.edgewise.physics.phantom.Simulator;
import org.edgewise.testing.TruthFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgewiseCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void versionPrintsTheBundleVersionAndExitsZero() {
        assertEquals(0, run("version"));
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        assertTrue(out.toString().contains("org.eclipse.january 2.3.2"), out.toString());
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String command : new String[] { "simulate", "run", "stages", "version", "demo", "help" }) {
            assertTrue(help.contains("  " + command + " "), "help lists " + command + ":\n" + help);
        }
    }

    /** picocli formats descriptions with String.format: a lone percent sign prints a warning instead of the text. */
    @Test
    void everyCommandsHelpIsFormattedWithoutWarnings() throws Exception {
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] { "simulate", "analyze", "align", "reconstruct", "segment", "run",
                "demo" }) {
                assertEquals(0, run("help", command), command);
            }
        } finally {
            System.setErr(systemErr);
        }
        String text = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("", text + err, "no picocli warning");
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("(default 5.5; 12 % log spread)"), help);
        for (String option : new String[] { "--memory=SIZE", "--scratch=DIR", "--bin=N", "--streaming=MODE" }) {
            assertTrue(out.toString().contains(option), option + " in analyze --help");
        }
    }

    @Test
    void noCommandShowsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("Usage: edgewise"), out.toString());
    }

    @Test
    void unknownCommandIsAUsageErrorNamingIt() {
        assertEquals(2, run("reconstrut"));
        assertTrue(err.toString().contains("reconstrut"), err.toString());
    }

    /**
     * The demo end to end at 64 px: every simulated particle is found once, with its volume, Feret ratio and centre
     * as the simulator built it (truth.json), and the recovered Table 1 shows the 63ni gradient's signs and values.
     */
    @Test
    void demoSimulatesAnalysesAndPrintsTableOneNextToTheTruth(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString(), "--size", "64", "--angles", "90"), err.toString());
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        try (var files = Files.list(demo)) {
            assertEquals(8, files.count(), "six scans, truth.json and analysis/");
        }
        try (var files = Files.list(demo.resolve("analysis"))) {
            assertEquals(java.util.stream.Stream.concat(AnalyzeCommand.OUTPUTS.stream(), java.util.stream.Stream.of(
                    org.edgewise.api.files.OutputFolder.MANIFEST_FILE)).sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(out.toString().contains("report.html"), out.toString());
        Simulator.Truth truth = TruthFiles.read(demo);
        Csv particles = Csv.read(demo.resolve("analysis").resolve("particles.csv"));
        assertEquals(truth.particles().size(), particles.rows().size(), "one particle found per simulated one");
        double voxelUm = truth.voxelUm();
        Set<Integer> matched = new HashSet<>();
        for (int row = 0; row < particles.rows().size(); row++) {
            double[] centroidUm = { particles.column("centroid_z_um")[row], particles.column("centroid_y_um")[row],
                particles.column("centroid_x_um")[row] };
            Simulator.ParticleTruth nearest = truth.particles().stream().min(Comparator.comparingDouble(
                    p -> distanceUm(p, centroidUm, voxelUm))).orElseThrow();
            assertTrue(matched.add(nearest.id()), "two particles found for truth particle " + nearest.id());
            double volume = particles.column("volume_um3")[row];
            double feretRatio = particles.column("feret_ratio")[row];
            String what = String.format(Locale.ROOT, "particle %d: %.2f µm³ (truth %.2f), Feret ratio"
                    + " %.3f (truth %.3f), %.3f µm from the true centre", row + 1, volume, nearest.volumeUm3(),
                    feretRatio, nearest.feretRatio(), distanceUm(nearest, centroidUm, voxelUm));
            // measured: centres 0.2 voxel apart, volumes 1.2 % and Feret ratios 0.01 above the truth (the blur of a
            // 64-px reconstruction)
            assertTrue(distanceUm(nearest, centroidUm, voxelUm) < 0.5 * voxelUm, what);
            assertEquals(nearest.volumeUm3(), volume, 0.025 * nearest.volumeUm3(), what);
            assertEquals(nearest.feretRatio(), feretRatio, 0.015, what);
        }
        // 63ni: Ni rises towards the core, Mn falls (the paper's Table 1 signs), recovered and true
        int checked = 0;
        for (String line : out.toString().split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 12 && f[3].equals("ratio") && (f[2].equals("Ni") || f[2].equals("Mn"))) {
                double recovered = Double.parseDouble(f[f.length - 2]);
                double trueValue = Double.parseDouble(f[f.length - 1].replace("(", "").replace(")", ""));
                double sign = f[2].equals("Ni") ? 1 : -1;
                assertTrue(sign * recovered > 0.02 && sign * trueValue > 0.02, line);
                assertEquals(trueValue, recovered, 0.03, "64-pixel demo, " + line);
                checked++;
            }
        }
        assertTrue(checked >= 2, "Table-1 lines for Ni and Mn in:\n" + out);
    }

    /** Distance between a centroid {z, y, x} (µm from voxel [0, 0, 0]) and a true particle's centre, µm. */
    private static double distanceUm(Simulator.ParticleTruth truth, double[] centroidUm, double voxelUm) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            sum += Math.pow(truth.centreVoxel()[axis] * voxelUm - centroidUm[axis], 2);
        }
        return Math.sqrt(sum);
    }
}
