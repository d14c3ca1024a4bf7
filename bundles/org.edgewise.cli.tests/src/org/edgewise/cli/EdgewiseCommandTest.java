package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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

    @Test
    void demoSimulatesAnalysesAndPrintsTableOneNextToTheTruth(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString(), "--size", "64", "--angles", "90"), err.toString());
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        try (var files = Files.list(demo)) {
            assertEquals(8, files.count(), "six scans, truth.json and analysis/");
        }
        try (var files = Files.list(demo.resolve("analysis"))) {
            assertEquals(AnalyzeCommand.OUTPUTS.stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(out.toString().contains("report.html"), out.toString());
        // 63ni: Ni rises towards the core, Mn falls (the paper's Table 1 signs), recovered and true
        int checked = 0;
        for (String line : out.toString().split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 12 && f[3].equals("ratio") && (f[2].equals("Ni") || f[2].equals("Mn"))) {
                double recovered = Double.parseDouble(f[f.length - 2]);
                double truth = Double.parseDouble(f[f.length - 1].replace("(", "").replace(")", ""));
                double sign = f[2].equals("Ni") ? 1 : -1;
                assertTrue(sign * recovered > 0.02 && sign * truth > 0.02, line);
                assertEquals(truth, recovered, 0.03, "64-pixel demo, " + line);
                checked++;
            }
        }
        assertTrue(checked >= 2, "Table-1 lines for Ni and Mn in:\n" + out);
    }
}
