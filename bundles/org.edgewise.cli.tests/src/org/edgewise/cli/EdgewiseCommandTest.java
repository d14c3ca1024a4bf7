package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
     * as the simulator built it (truth.json), and the truth table shows the 63ni gradient's signs.
     */
    @Test
    void demoFindsTheSimulatedParticlesWithTheirTrueShape(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString(), "--size", "64", "--angles", "90"), err.toString());
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        assertTrue(out.toString().contains("Particles found against the truth:"), out.toString());
        Simulator.Truth truth = TruthFiles.read(demo);
        Csv particles = Csv.read(demo.resolve("segmentation").resolve("particles.csv"));
        assertEquals(truth.particles().size(), particles.rows().size(), "one particle found per simulated one");
        double voxelUm = truth.voxelUm();
        java.util.Set<Integer> matched = new java.util.HashSet<>();
        for (int row = 0; row < particles.rows().size(); row++) {
            double[] centroidUm = { particles.column("centroid_z_um")[row], particles.column("centroid_y_um")[row],
                particles.column("centroid_x_um")[row] };
            Simulator.ParticleTruth nearest = truth.particles().stream().min(java.util.Comparator.comparingDouble(
                    p -> distanceUm(p, centroidUm, voxelUm))).orElseThrow();
            assertTrue(matched.add(nearest.id()), "two particles found for truth particle " + nearest.id());
            double volume = particles.column("volume_um3")[row];
            double feretRatio = particles.column("feret_ratio")[row];
            String what = String.format(java.util.Locale.ROOT, "particle %d: %.2f µm³ (truth %.2f), Feret ratio"
                    + " %.3f (truth %.3f), %.3f µm from the true centre", row + 1, volume, nearest.volumeUm3(),
                    feretRatio, nearest.feretRatio(), distanceUm(nearest, centroidUm, voxelUm));
            System.out.println(what);
            // measured: centres 0.2 voxel apart, volumes 1.2 % and Feret ratios 0.01 above the truth (the blur of a
            // 64-px reconstruction)
            assertTrue(distanceUm(nearest, centroidUm, voxelUm) < 0.5 * voxelUm, what);
            assertEquals(nearest.volumeUm3(), volume, 0.025 * nearest.volumeUm3(), what);
            assertEquals(nearest.feretRatio(), feretRatio, 0.015, what);
        }
        // 63ni: Ni rises towards the core, Mn falls (the paper's Table 1 signs)
        double[] ni = edgeAndCore("Ni");
        double[] mn = edgeAndCore("Mn");
        assertTrue(ni[1] > ni[0] + 0.05, "Ni core " + ni[1] + " vs edge " + ni[0]);
        assertTrue(mn[1] < mn[0] - 0.02, "Mn core " + mn[1] + " vs edge " + mn[0]);
    }

    /** Distance between a centroid {z, y, x} (µm from voxel [0, 0, 0]) and a true particle's centre, µm. */
    private static double distanceUm(Simulator.ParticleTruth truth, double[] centroidUm, double voxelUm) {
        double sum = 0;
        for (int axis = 0; axis < 3; axis++) {
            sum += Math.pow(truth.centreVoxel()[axis] * voxelUm - centroidUm[axis], 2);
        }
        return Math.sqrt(sum);
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
