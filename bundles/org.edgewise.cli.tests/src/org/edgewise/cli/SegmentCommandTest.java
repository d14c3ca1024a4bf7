package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.stages.ParticlesStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** Two touching balls of radius 12 voxels (0.1 µm) and one small ball, in 1/µm. */
    private static Path volumes(Path dir) throws Exception {
        int n = 64;
        float[] mu = new float[n * n * n];
        int[][] balls = { { 32, 32, 20, 12 }, { 32, 32, 43, 12 }, { 10, 52, 52, 2 } };
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    for (int[] b : balls) {
                        int d2 = (z - b[0]) * (z - b[0]) + (y - b[1]) * (y - b[1]) + (x - b[2]) * (x - b[2]);
                        if (d2 <= b[3] * b[3]) {
                            mu[(z * n + y) * n + x] = 2.5f;
                        }
                    }
                }
            }
        }
        Path file = dir.resolve("volumes.h5");
        ResultsFile.write(file, List.of(
                new ResultsFile.Volume("mu_ni_above", DatasetFactory.createFromObject(FloatDataset.class, mu, n, n, n),
                        0.1, "1/um", "above-edge Ni"),
                new ResultsFile.Volume("mu_ni_below", DatasetFactory.createFromObject(FloatDataset.class,
                        new float[n * n * n], n, n, n), 0.1, "1/um", "below-edge Ni"),
                new ResultsFile.Volume("mask", DatasetFactory.createFromObject(IntegerDataset.class,
                        new int[n * n * n], n, n, n), 0.1, "1", "")), "{}");
        return file;
    }

    @Test
    void segmentsTheAboveEdgeNiVolumeAndWritesTheTables(@TempDir Path dir) throws Exception {
        Path file = volumes(dir);
        Path target = dir.resolve("seg");
        assertEquals(0, run("segment", file.toString(), "--out", target.toString(), "--open-um", "0",
                "--min-volume-um3", "0.1", "--h-um", "0.3"), err.toString());
        List<String> lines = Files.readAllLines(target.resolve("particles.csv"));
        assertEquals(String.join(",", ParticlesStage.PARTICLE_COLUMNS.stream().map(org.edgewise.api.tables.Column::name).toList()), lines.get(0));
        assertEquals(3, lines.size(), String.join("\n", lines)); // the two touching balls; the tiny one is removed
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split(",");
            double volume = Double.parseDouble(cells[2]);
            assertEquals(4.0 / 3 * Math.PI * Math.pow(1.2, 3), volume, 0.06 * volume, line);
            assertEquals(1.0, Double.parseDouble(cells[7]), 0.07, line); // balls flattened a little by the cut
            assertEquals("false", cells[11]);
        }
        assertEquals(List.of("depth", "hulls", "labels", "solid"),
                ResultsFile.volumeNames(target.resolve("segmentation.h5")).stream().sorted().toList());
        ResultsFile.Volume depth = ResultsFile.read(target.resolve("segmentation.h5"), "depth");
        assertEquals(0.1, depth.voxelSizeUm());
        assertEquals("um", depth.units());
        assertEquals(1.2, depth.data().max().doubleValue(), 0.1); // the centre of a ball of 1.2 µm radius
        assertTrue(out.toString().contains("2 particle(s) in mu_ni_above"), out.toString());
    }

    @Test
    void dilationGrowsTheHullsButNotTheMetrics(@TempDir Path dir) throws Exception {
        Path file = volumes(dir);
        Path target = dir.resolve("seg");
        assertEquals(0, run("segment", file.toString(), "--out", target.toString(), "--open-um", "0",
                "--min-volume-um3", "0.1", "--h-um", "0.3", "--dilate-um", "0.3"), err.toString());
        assertEquals(List.of("depth", "grown", "hulls", "labels", "solid"),
                ResultsFile.volumeNames(target.resolve("segmentation.h5")).stream().sorted().toList());
        ResultsFile.Volume depth = ResultsFile.read(target.resolve("segmentation.h5"), "depth");
        ResultsFile.Volume grown = ResultsFile.read(target.resolve("segmentation.h5"), "grown");
        // the first ball's outermost voxel on the far side (x = 8) now lies 0.3 µm deeper; x = 5 joined the particle
        assertEquals(0.05 + 0.3, depth.data().getDouble(32, 32, 8), 0.1); // within a voxel (digital ball)
        assertEquals(1, grown.data().getInt(32, 32, 5));
        assertEquals(0, grown.data().getInt(32, 32, 4));
        String first = Files.readAllLines(target.resolve("particles.csv")).get(1);
        double volume = Double.parseDouble(first.split(",")[2]);
        assertEquals(4.0 / 3 * Math.PI * Math.pow(1.2, 3), volume, 0.06 * volume, first);
    }

    @Test
    void anUnknownVolumeIsAnErrorNamingTheVolumes(@TempDir Path dir) throws Exception {
        Path file = volumes(dir);
        assertEquals(1, run("segment", file.toString(), "--out", dir.resolve("x").toString(), "--volume", "nope"));
        assertTrue(err.toString().contains("no volume 'nope'"), err.toString());
        assertTrue(!Files.exists(dir.resolve("x").resolve("particles.csv")));
    }

    /**
     * A run that fails leaves nothing: here every object is smaller than the smallest volume, so no particle is
     * found and the empty particle table cannot be written as a result.
     */
    @Test
    void aFailedRunLeavesNoOutput(@TempDir Path dir) throws Exception {
        Path file = volumes(dir);
        Path target = dir.resolve("seg");
        assertEquals(1, run("segment", file.toString(), "--out", target.toString(), "--min-volume-um3", "100"));
        assertTrue(err.toString().contains("edgewise segment: "), err.toString());
        assertTrue(!Files.exists(target), "no output folder, no staging folder");
    }
}
