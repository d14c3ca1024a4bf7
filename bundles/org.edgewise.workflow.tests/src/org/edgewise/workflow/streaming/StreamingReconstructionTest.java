package org.edgewise.workflow.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.ScanData;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scan;
import org.edgewise.workflow.Scans;
import org.edgewise.workflow.StandardIo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reconstruction gives the in-memory {@link ReconstructWorkflow}'s six volumes (f = 1, slabs smaller
 * than the volume), still reconstructs the particles with the estimates on a half-resolution copy (f = 2), reads
 * binned and windowed scans as the whole-frame arithmetic does, and leaves nothing when cancelled.
 */
class StreamingReconstructionTest {

    private static final int SIZE = 64;
    private static final int ANGLES = 61;
    private static final AlignModel ALIGN = new AlignModel(6, 0.02, 128, 0.4);

    @TempDir
    static Path dir;
    private static List<Scan> scans;
    private static Map<String, float[]> inMemory;

    @BeforeAll
    static void simulateAndReconstructInMemory() throws Exception {
        // jitter, centre offsets and magnification errors: every estimate has something to find
        Simulator.run(new SimulationSettings(Architecture.preset("63ni"), SIZE, ANGLES, 3e4, 1, 11, 0, 0.6, 2, 0.003,
                false, 1, false), dir.resolve("scans"), line -> { });
        scans = Scans.read(List.of(dir.resolve("scans")));
        ReconstructWorkflow.Plan plan = ReconstructWorkflow.builder().scans(scans).align(ALIGN).plan();
        RunResult run = StandardIo.runner().run(plan.pipeline(), dir, dir.resolve("in-memory"), RunOptions.defaults(),
                null);
        inMemory = new LinkedHashMap<>();
        for (Scan scan : scans) {
            inMemory.put(scan.name(), floats(ResultsFile.read(run.resultsFile(), scan.name()).data()));
        }
    }

    private static float[] floats(Dataset data) {
        return (float[]) DatasetUtils.cast(FloatDataset.class, data).getBuffer();
    }

    private static StreamingReconstruction.Settings settings() {
        return StreamingReconstruction.Settings.defaults().withAlign(ALIGN);
    }

    @Test
    void atFullResolutionTheSixVolumesAreTheInMemoryOnes() throws Exception {
        Path file = dir.resolve("f1/volumes.h5");
        AtomicInteger slabs = new AtomicInteger();
        StreamingReconstruction.Result result = StreamingReconstruction.run(scans, file, settings().withSlabRows(24),
                counting(slabs, Integer.MAX_VALUE));
        assertEquals(6 * 3, slabs.get()); // 64 rows in slabs of 24: 24, 24, 16
        List<StandardIo.StoredVolume> stored = StandardIo.volumes(file);
        assertEquals(6, stored.size());
        double worst = 0;
        for (Scan scan : scans) {
            ResultsFile.Volume volume = ResultsFile.read(file, scan.name());
            assertArrayEquals(new int[] { SIZE, SIZE, SIZE }, volume.data().getShape());
            float[] expected = inMemory.get(scan.name());
            float[] actual = floats(volume.data());
            double max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
            }
            double peak = Arrays.stream(box(expected)).max().orElseThrow();
            System.out.printf(Locale.ROOT, "%s: max |streaming − in-memory| = %.3g 1/µm (peak μ %.3g 1/µm)%n",
                    scan.name(), max, peak);
            worst = Math.max(worst, max / peak);
            assertEquals(scan.energyKev(), PhysicalMetadata.of(volume.data()).energyKev(), 0);
            assertEquals("1/µm", volume.units());
        }
        assertTrue(worst < 1e-6, "relative difference " + worst); // float rounding at most (0 when last run)
        // the registered scan is on its reference's grid: the reference's voxel times the nominal scale
        StreamingReconstruction.ScanGeometry above = result.geometries().get(5);
        assertEquals("ni_above", above.scan());
        assertTrue(above.registration() != null && above.scale() != 1, "ni_above registered");
        assertEquals(above.voxelSizeUm(), ResultsFile.read(file, "ni_above").voxelSizeUm(), 1e-12);
    }

    private static double[] box(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void estimatesOnAHalfResolutionCopyStillReconstructTheParticles() throws Exception {
        Path file = dir.resolve("f2/volumes.h5");
        StreamingReconstruction.run(scans, file, settings().withReductionFactor(2).withSlabRows(16), null);
        for (Scan scan : scans) {
            float[] reference = inMemory.get(scan.name());
            float[] reduced = floats(ResultsFile.read(file, scan.name()).data());
            // inside the particle: voxels of the full-resolution volume above half its 99.5th percentile, eroded
            // away from the surface by using only those whose six neighbours are inside too
            double[] sorted = box(reference);
            Arrays.sort(sorted);
            double threshold = 0.5 * sorted[(int) (0.995 * sorted.length)];
            double sumReference = 0;
            double sumReduced = 0;
            int count = 0;
            for (int z = 1; z < SIZE - 1; z++) {
                for (int y = 1; y < SIZE - 1; y++) {
                    for (int x = 1; x < SIZE - 1; x++) {
                        int i = (z * SIZE + y) * SIZE + x;
                        if (reference[i] > threshold && reference[i - 1] > threshold && reference[i + 1] > threshold
                                && reference[i - SIZE] > threshold && reference[i + SIZE] > threshold
                                && reference[i - SIZE * SIZE] > threshold && reference[i + SIZE * SIZE] > threshold) {
                            sumReference += reference[i];
                            sumReduced += reduced[i];
                            count++;
                        }
                    }
                }
            }
            double relative = sumReduced / sumReference - 1;
            System.out.printf(Locale.ROOT, "%s: mean μ inside (%d voxels) f=2 vs f=1: %+.4f%n", scan.name(), count,
                    relative);
            assertTrue(count > 200, scan.name() + ": " + count + " voxels inside");
            assertEquals(0, relative, 0.03, scan.name());
        }
    }

    @Test
    void binnedWindowsOfRowsAreTheBlockMeansNormalised() throws Exception {
        Scan scan = scans.get(4);
        NormaliseModel model = Parameters.defaults(NormaliseModel.class);
        ScanData raw;
        try (DataExchangeReader reader = DataExchangeReader.open(scan.file())) {
            raw = reader.readAll();
        }
        // independent: 2 × 2 block means through the dataset's own slicing, then the whole-frame normalisation
        Dataset counts = blockMeans(raw.projections());
        Dataset expected = Normalisation.normalise(counts, blockMeans(raw.flats()), blockMeans(raw.darks()),
                new NormalisationOptions(model.transmissionFloor(), model.zingerSigma()), null).lineIntegrals();
        try (ScanRows rows = new ScanRows(DataExchangeReader.open(scan.file()), 2, model)) {
            assertEquals(SIZE / 2, rows.rows());
            assertEquals(SIZE / 2, rows.columns());
            assertEquals(2 * raw.pixelSizeUm(), rows.pixelSizeUm(), 1e-15);
            DoubleDataset reduced = rows.reduced(1, scan.name());
            assertArrayEquals(new int[] { ANGLES, SIZE / 2, SIZE / 2 }, reduced.getShape());
            assertEquals(2 * raw.pixelSizeUm(), PhysicalMetadata.of(reduced).pixelSizeUm(), 1e-15);
            double[] whole = (double[]) DatasetUtils.cast(DoubleDataset.class, expected).getBuffer();
            assertArrayEquals(whole, reduced.getData(), 1e-5);
            // windows at the top, in the middle and at the bottom equal the matching rows of the whole frame
            for (int[] window : new int[][] { { 0, 5 }, { 11, 7 }, { SIZE / 2 - 3, 3 } }) {
                float[] part = rows.lineIntegralRows(window[0], window[1]);
                for (int a = 0; a < ANGLES; a++) {
                    for (int i = 0; i < window[1] * SIZE / 2; i++) {
                        assertEquals(reduced.getData()[(a * SIZE / 2 + window[0]) * SIZE / 2 + i],
                                part[a * window[1] * SIZE / 2 + i], 1e-6, "window " + Arrays.toString(window));
                    }
                }
            }
        }
    }

    /** Means of 2 × 2 blocks of {@code [frame, row, column]} by January's own slicing (not the code under test). */
    private static Dataset blockMeans(Dataset frames) {
        int[] shape = frames.getShape();
        int rows = shape[1] / 2;
        int columns = shape[2] / 2;
        float[] out = new float[shape[0] * rows * columns];
        for (int f = 0; f < shape[0]; f++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    out[(f * rows + r) * columns + c] = (float) ((Number) frames.getSlice(new int[] { f, 2 * r,
                        2 * c }, new int[] { f + 1, 2 * r + 2, 2 * c + 2 }, null).mean()).doubleValue();
                }
            }
        }
        return FlatArrays.wrap(out, shape[0], rows, columns);
    }

    @Test
    void aCancelledRunLeavesNothing() throws Exception {
        Path folder = dir.resolve("cancelled");
        Files.createDirectories(folder);
        AtomicInteger slabs = new AtomicInteger();
        assertThrows(CancellationException.class, () -> StreamingReconstruction.run(scans, folder.resolve(
                "volumes.h5"), settings().withCentre(ReconstructWorkflow.Centre.middle()).withSlabRows(16),
                counting(slabs, 5)));
        assertEquals(5, slabs.get());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
        assertFalse(Files.exists(folder.resolve("volumes.h5")));
    }

    /** Counts slabs; cancels once {@code cancelAfter} are done. */
    private static IMonitor counting(AtomicInteger slabs, int cancelAfter) {
        return new IMonitor() {
            @Override
            public void worked(int amount) {
                slabs.addAndGet(amount);
            }

            @Override
            public boolean isCancelled() {
                return slabs.get() >= cancelAfter;
            }

            @Override
            public void subTask(String taskName) {
                // not shown
            }
        };
    }
}
