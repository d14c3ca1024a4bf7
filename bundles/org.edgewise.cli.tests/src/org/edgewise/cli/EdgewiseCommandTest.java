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
    void demoSimulatesTheDatasetAndPrintsAGradientWithANickelRichCore(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString(), "--size", "64", "--angles", "90"), err.toString());
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        try (var files = Files.list(demo)) {
            assertEquals(9, files.count(), "six scans, truth.json, recon/ and segmentation/");
        }
        assertTrue(Files.exists(demo.resolve("recon").resolve("volumes.h5")));
        assertTrue(out.toString().contains("Particles found against the truth:"), out.toString());
        assertTrue(Files.readAllLines(demo.resolve("segmentation").resolve("particles.csv")).size() >= 2,
                "at least one particle found");
        // 63ni: Ni rises towards the core, Mn falls (the paper's Table 1 signs)
        double[] ni = edgeAndCore("Ni");
        double[] mn = edgeAndCore("Mn");
        assertTrue(ni[1] > ni[0] + 0.05, "Ni core " + ni[1] + " vs edge " + ni[0]);
        assertTrue(mn[1] < mn[0] - 0.02, "Mn core " + mn[1] + " vs edge " + mn[0]);
    }

    /** @return {edge, core} of particle 1's line for the element in the demo's truth table */
    private double[] edgeAndCore(String element) {
        for (String line : out.toString().split("\\R")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 7 && fields[0].equals("1") && fields[3].equals(element)) {
                return new double[] { Double.parseDouble(fields[4]), Double.parseDouble(fields[5]) };
            }
        }
        throw new AssertionError("no truth line for particle 1, " + element + ":\n" + out);
    }
}
