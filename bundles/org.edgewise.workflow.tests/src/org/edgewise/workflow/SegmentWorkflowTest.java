package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.core.stages.AddStage;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ThresholdModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentWorkflowTest {

    private static final int N = 48;

    /** Two touching balls of radius 9 voxels (0.1 µm), split between two volumes that add up to 2.5 /µm inside. */
    private static Path volumes(Path dir, double secondVoxelUm) throws Exception {
        float[] first = new float[N * N * N];
        float[] second = new float[N * N * N];
        int[][] balls = { { 24, 24, 15, 9 }, { 24, 24, 32, 9 } };
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    for (int[] b : balls) {
                        int d2 = (z - b[0]) * (z - b[0]) + (y - b[1]) * (y - b[1]) + (x - b[2]) * (x - b[2]);
                        if (d2 <= b[3] * b[3]) {
                            first[(z * N + y) * N + x] = 1.0f;
                            second[(z * N + y) * N + x] = 1.5f;
                        }
                    }
                }
            }
        }
        Path file = dir.resolve("volumes.h5");
        ResultsFile.write(file, List.of(
                new ResultsFile.Volume("mu_mn_below", DatasetFactory.createFromObject(FloatDataset.class, first, N, N,
                        N), 0.1, "1/um", ""),
                new ResultsFile.Volume("labels", DatasetFactory.createFromObject(IntegerDataset.class,
                        new int[N * N * N], N, N, N), 0.1, "label", ""),
                new ResultsFile.Volume("mu_co_below", DatasetFactory.createFromObject(FloatDataset.class, second, N, N,
                        N), secondVoxelUm, "1/um", "")), "{}");
        return file;
    }

    /** Without a Ni volume the floating-point volumes are added up (integer ones ignored) and segmented. */
    @Test
    void theSumOfTheVolumesIsSegmentedThroughTheRunner(@TempDir Path dir) throws Exception {
        ParticlesModel model = new ParticlesModel(ThresholdModel.Method.OTSU, 0, 0, 0.1, 0.3, 0, 0.5, 0.2);
        SegmentWorkflow.Plan plan = SegmentWorkflow.builder().file(volumes(dir, 0.1)).particles(model).plan();
        assertEquals(SegmentWorkflow.SUM, plan.volume());
        assertEquals(List.of("mu_co_below", "mu_mn_below"), plan.summed().stream().sorted().toList());
        assertEquals(AddStage.ID, plan.pipeline().steps().get(0).stage());
        assertEquals(6, plan.pipeline().results().size(), "no grown labels without growth");
        RunResult run = StandardIo.runner().run(plan.pipeline(), dir, dir.resolve("run"), RunOptions.defaults(),
                null);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        SegmentationReport.Summary summary = SegmentationReport.write(plan, run, out);
        assertEquals(2, summary.particles().size());
        // two values only: every threshold between them separates the classes equally well (Otsu takes the first)
        assertTrue(summary.threshold() > 0 && summary.threshold() < 2.5, "threshold " + summary.threshold());
        double ball = 4.0 / 3 * Math.PI * Math.pow(0.9, 3);
        for (SegmentationReport.Particle particle : summary.particles()) {
            assertEquals(ball, particle.volumeUm3(), 0.08 * ball, "volume of a ball of 9 voxels");
            assertEquals(2.4, particle.centroidUm()[0], 0.05);
        }
        assertEquals(List.of("depth", "hulls", "labels", "solid"), ResultsFile.volumeNames(out.resolve(
                SegmentationReport.SEGMENTATION_FILE)).stream().sorted().toList());
        assertTrue(ResultsFile.readProvenance(out.resolve(SegmentationReport.SEGMENTATION_FILE)).contains(
                "edgewise.segment.particles"));
        assertEquals(3, Files.readAllLines(out.resolve(SegmentationReport.PARTICLES_FILE)).size());
    }

    @Test
    void volumesOfDifferentVoxelsAreNotAddedAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
        Path file = volumes(dir, 0.2);
        IllegalArgumentException different = assertThrows(IllegalArgumentException.class, () -> SegmentWorkflow
                .builder().file(file).plan());
        assertTrue(different.getMessage().matches(".*volume 'mu_(co|mn)_below' differs in shape or voxel size from"
                + " \\[mu_(co|mn)_below\\].*"), different.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SegmentWorkflow
                .builder().file(file).volume("ni_above").plan());
        assertTrue(missing.getMessage().startsWith(file + ": no volume 'ni_above'; volumes are ["),
                missing.getMessage());
        for (String name : List.of("mu_mn_below", "labels", "mu_co_below")) {
            assertTrue(missing.getMessage().contains(name), missing.getMessage());
        }
        assertEquals(List.of("mu_co_below"), SegmentWorkflow.builder().file(file).volume("mu_co_below").plan()
                .summed());
    }
}
