package org.edgewise.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.tests.TestFiles;
import org.edgewise.core.tests.ToyStages;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.sources.Hdf5DatasetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

class PipelineRunnerTest {

    private static final double[] THETA = { 0, 30, 60, 90, 120, 150 };

    @TempDir
    Path dir;

    private Path input;
    private String inputHash;
    private final PipelineRunner runner = new PipelineRunner(ToyStages.registry(), List.of(new Hdf5DatasetSource()),
            ResultsFile.pipelineWriter());

    /** 6 projections of 4 × 4 pixels, value 100·angle + 10·row + column, 0.05 µm, 8.353 keV. */
    @BeforeEach
    void writeInput() throws IOException {
        input = TestFiles.dataExchange(dir.resolve("scan.h5"), TestFiles.ramp(6, 4, 4), 0.05, 8.353, THETA);
        inputHash = InputProvenance.sha256(input);
    }

    private static Pipeline pipeline(List<PipelineStep> steps, List<String> results) {
        InputSpec scan = new InputSpec("scan", "scan.h5", "/exchange/data", DataKind.PROJECTIONS, null, null,
                "counts", null);
        return new Pipeline("test", List.of(scan), steps, results);
    }

    private static PipelineStep step(String stage, Map<String, Object> parameters) {
        return PipelineStep.of(stage, parameters);
    }

    private List<PipelineStep> scaleReconstructBin() {
        return List.of(step("test.scale", Map.of("factor", 3)), step("test.reconstruct", Map.of()),
                step("edgewise.core.bin", Map.of("factor", 2)));
    }

    private static List<String> listing(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsStagesInOrderAndWritesNumbersUnitsAndVoxelSize() throws Exception {
        Path out = dir.resolve("out");
        runner.run(pipeline(scaleReconstructBin(), List.of()), dir, out, RunOptions.slabLength(2), null);

        assertEquals(List.of("provenance.json", "results.h5"), listing(out)); // no temporary left
        Path results = out.resolve("results.h5");
        assertEquals(List.of("step3.volume"), ResultsFile.names(results));
        assertEquals(DataKind.VOLUME, ResultsFile.kind(results, "step3.volume"));
        Dataset values = ResultsFile.readDataset(results, "step3.volume");
        assertArrayEquals(new int[] { 2, 3, 2 }, values.getShape());
        assertEquals(DoubleDataset.class, values.getClass()); // written in its own type, float64
        // mean over 2×2×2 of 3·(100a + 10r + c) + 1, volume axes [r, a, c]
        assertEquals(3 * (50 + 5 + 0.5) + 1, values.getDouble(0, 0, 0), 1e-9);
        assertEquals(3 * (450 + 25 + 2.5) + 1, values.getDouble(1, 2, 1), 1e-9);
        PhysicalMetadata metadata = PhysicalMetadata.of(values);
        assertEquals(0.1, metadata.pixelSizeUm(), 1e-12);
        assertEquals(8.353, metadata.energyKev(), 1e-12);
        assertEquals("1/µm", metadata.valueUnit());
        assertEquals(List.of("input:scan", "test.scale", "test.reconstruct", "edgewise.core.bin"),
                metadata.provenance());
        assertEquals(inputHash, InputProvenance.sha256(input));
    }

    @Test
    void provenanceRecordsInputsStagesParametersVersionsAndTimes() throws Exception {
        Path out = dir.resolve("out");
        RunResult result = runner.run(pipeline(scaleReconstructBin(), List.of()), dir, out, RunOptions.slabLength(2),
                null);
        Provenance provenance = Provenance.fromJson(Files.readString(out.resolve("provenance.json")));
        assertEquals(result.provenance(), provenance);

        Provenance.Input scan = provenance.inputs().get(0);
        assertEquals(input.toAbsolutePath().toString(), scan.path());
        assertEquals(Files.size(input), scan.sizeBytes());
        assertEquals(inputHash, scan.sha256());
        assertEquals(64, scan.sha256().length());
        assertEquals("/exchange/data", scan.dataset());

        assertEquals(List.of("test.scale", "test.reconstruct", "edgewise.core.bin"),
                provenance.steps().stream().map(Provenance.Step::stageId).toList());
        assertEquals(Map.of("factor", 3.0), provenance.steps().get(0).parameters());
        assertEquals(Map.of("factor", 2), provenance.steps().get(2).parameters());
        assertEquals(Map.of("projections", "scan"), provenance.steps().get(0).inputs());
        assertEquals(Map.of("volume", "step2.volume"), provenance.steps().get(2).inputs());
        assertEquals(List.of(3, 1, 2), provenance.steps().stream().map(Provenance.Step::slabs).toList());
        // the toy stages live in this test fragment, i.e. in the org.edgewise.core bundle
        assertEquals("org.edgewise.core", provenance.steps().get(0).bundle());
        assertTrue(provenance.steps().get(0).bundleVersion().startsWith("0.1.0."),
                provenance.steps().get(0).bundleVersion());

        RuntimeInfo runtime = RuntimeInfo.current();
        assertEquals(runtime.hostName(), provenance.host());
        assertEquals(System.getProperty("java.version"), provenance.javaVersion());
        assertEquals("2.3.2", provenance.libraryVersions().get("org.eclipse.january"));
        assertFalse(Instant.parse(provenance.finishedAt()).isBefore(Instant.parse(provenance.startedAt())));
        assertEquals(List.of("step3.volume"), provenance.results());

        assertEquals(Files.readString(out.resolve("provenance.json")),
                ResultsFile.readProvenance(result.resultsFile()));
    }

    @Test
    void projectionResultsKeepTheirAnglesAndSlabbingDoesNotChangeNumbers() throws Exception {
        List<PipelineStep> steps = List.of(step("test.scale", Map.of("factor", -0.5)));
        runner.run(pipeline(steps, List.of("step1.projections")), dir, dir.resolve("one"), RunOptions.slabLength(1),
                null);
        runner.run(pipeline(steps, List.of("step1.projections")), dir, dir.resolve("auto"), RunOptions.defaults(),
                null);
        Dataset sliced = ResultsFile.readDataset(dir.resolve("one/results.h5"), "step1.projections");
        Dataset whole = ResultsFile.readDataset(dir.resolve("auto/results.h5"), "step1.projections");
        assertArrayEquals(new int[] { 6, 4, 4 }, sliced.getShape());
        assertEquals(-0.5 * (100 * 5 + 10 * 3 + 2), sliced.getDouble(5, 3, 2), 1e-6);
        assertEquals(-0.5 * (100 * 1 + 10 * 0 + 3), sliced.getDouble(1, 0, 3), 1e-6);
        assertEquals(whole, sliced);
        assertArrayEquals(THETA, PhysicalMetadata.of(sliced).anglesDeg());
    }

    @Test
    void aFlatFieldIsPassedWholeWithEverySlabEvenWhenItsFirstAxisHasTheStackLength() throws Exception {
        // 4 angles and a flat of 4 rows: only the kinds tell that the flat must not be cut into angle slabs
        Path file = dir.resolve("square.h5");
        float[][] flat = { { 2, 2, 2, 2 }, { 2, 2, 2, 2 }, { 2, 2, 2, 2 }, { 4, 4, 4, 4 } };
        try (io.jhdf.WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("data", TestFiles.ramp(4, 4, 4));
            hdf.putDataset("flat", flat);
        }
        Pipeline pipeline = new Pipeline("", List.of(
                new InputSpec("scan", "square.h5", "/data", DataKind.PROJECTIONS, 0.05, 8.0, "counts", null),
                new InputSpec("white", "square.h5", "/flat", DataKind.IMAGE, 0.05, 8.0, "counts", null)),
                List.of(step("test.divide-by-flat", Map.of())), List.of());
        RunResult result = runner.run(pipeline, dir, dir.resolve("out"), RunOptions.slabLength(1), null);
        assertEquals(4, result.provenance().steps().get(0).slabs());
        Dataset data = ResultsFile.readDataset(result.resultsFile(), "step1.projections");
        assertEquals((100 * 2 + 10 * 1 + 3) / 2.0, data.getDouble(2, 1, 3), 1e-6);
        assertEquals((100 * 3 + 10 * 3 + 1) / 4.0, data.getDouble(3, 3, 1), 1e-6);
        assertEquals((10 * 3) / 4.0, data.getDouble(0, 3, 0), 1e-6);
    }

    @Test
    void onlyKindsWithTheSameFirstAxisAreCutIntoTheSameSlabs() {
        assertTrue(StepExecutor.stacksWith(DataKind.MASK, DataKind.VOLUME));
        assertTrue(StepExecutor.stacksWith(DataKind.LABELS, DataKind.VOLUME));
        assertFalse(StepExecutor.stacksWith(DataKind.IMAGE, DataKind.PROJECTIONS));
        assertFalse(StepExecutor.stacksWith(DataKind.SINOGRAMS, DataKind.PROJECTIONS));
        assertFalse(StepExecutor.stacksWith(DataKind.VOLUME, DataKind.PROJECTIONS));
    }

    @Test
    void wrongKindOrderIsRejectedBeforeAnythingRuns() {
        Path out = dir.resolve("out");
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> runner.run(pipeline(List.of(step("test.scale", Map.of()), step("edgewise.core.bin", Map.of())),
                        List.of()), dir, out, RunOptions.defaults(), null));
        assertEquals("step 2 (edgewise.core.bin): input 'volume' needs volume [z, y, x] but no earlier dataset is"
                + " one; available: scan (projections), step1.projections (projections)", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void anExplicitBindingToTheWrongKindIsRejected() {
        PipelineStep bin = new PipelineStep("edgewise.core.bin", "binned", Map.of(), Map.of("volume", "scan"));
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> runner.check(pipeline(List.of(bin), List.of()), dir));
        assertEquals("step 1 (edgewise.core.bin): input 'volume' needs volume [z, y, x] but 'scan' is projections"
                + " [angle, row, column]", e.getMessage());
    }

    @Test
    void unknownStagesAreNamedWithTheKnownOnes() {
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> runner.check(pipeline(List.of(step("test.scal", Map.of())), List.of()), dir));
        assertEquals("step 1: unknown stage 'test.scal'; known stages: [edgewise.core.bin, test.bare,"
                + " test.divide-by-flat, test.fail, test.float-labels, test.reconstruct, test.scale]", e.getMessage());
    }

    @Test
    void everyParameterIsValidatedBeforeTheFirstStageRuns() {
        Path out = dir.resolve("out");
        // step 1 is fine; step 3's factor is out of range: nothing may run or be written
        List<PipelineStep> steps = List.of(step("test.scale", Map.of()), step("test.reconstruct", Map.of()),
                step("edgewise.core.bin", Map.of("factor", 9)));
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> runner.run(pipeline(steps, List.of()), dir, out, RunOptions.defaults(), null));
        assertEquals("step 3 (edgewise.core.bin): parameter 'factor' (Factor) = 9 voxels is outside [1, 8]",
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingInputFileIsNamed() {
        InputSpec missing = new InputSpec("scan", "nope.h5", null, DataKind.PROJECTIONS, 0.05, 8.0, null, null);
        Pipeline pipeline = new Pipeline("", List.of(missing), List.of(step("test.scale", Map.of())), List.of());
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> runner.check(pipeline, dir));
        assertEquals("input 'scan': file " + dir.resolve("nope.h5").toAbsolutePath() + " does not exist",
                e.getMessage());
    }

    @Test
    void aMissingDatasetInsideTheFileIsNamed() {
        InputSpec wrong = new InputSpec("scan", "scan.h5", "/exchange/dta", DataKind.PROJECTIONS, null, null, null,
                null);
        Pipeline pipeline = new Pipeline("", List.of(wrong), List.of(step("test.scale", Map.of())), List.of());
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> runner.check(pipeline, dir));
        assertEquals("input 'scan': " + input.toAbsolutePath() + " has no dataset /exchange/dta", e.getMessage());
    }

    /** Cancels once {@code worked} has been called {@code after} times; records the sub-tasks. */
    private static final class CancellingMonitor implements IMonitor {
        final int after;
        int worked;
        final List<String> tasks = new ArrayList<>();

        CancellingMonitor(int after) {
            this.after = after;
        }

        @Override
        public void worked(int amount) {
            worked += amount;
        }

        @Override
        public boolean isCancelled() {
            return worked >= after;
        }

        @Override
        public void subTask(String taskName) {
            tasks.add(taskName);
        }
    }

    @Test
    void cancellingBetweenSlabsLeavesNoOutputAndTheInputIntact() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CancellingMonitor monitor = new CancellingMonitor(2);
        PipelineCancelledException e = assertThrows(PipelineCancelledException.class,
                () -> runner.run(pipeline(scaleReconstructBin(), List.of()), dir, out, RunOptions.slabLength(1),
                        monitor));
        assertEquals("cancelled step 1 (test.scale) before slab 3/6; nothing was written", e.getMessage());
        assertEquals(2, monitor.worked);
        assertEquals(List.of("computing SHA-256 of the inputs", "step 1/3 test.scale: slab 1/6 [0, 1)",
                "step 1/3 test.scale: slab 2/6 [1, 2)"), monitor.tasks);
        assertEquals(List.of("notes.txt"), listing(out));
        assertEquals(inputHash, InputProvenance.sha256(input));
    }

    @Test
    void cancellingAFreshRunRemovesTheOutputDirectoryItCreated() {
        Path out = dir.resolve("fresh");
        assertThrows(PipelineCancelledException.class, () -> runner.run(pipeline(scaleReconstructBin(), List.of()),
                dir, out, RunOptions.slabLength(1), new CancellingMonitor(4)));
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailingStageNamesStepAndCauseAndLeavesEarlierResultsAndInputsUntouched() throws Exception {
        Path out = dir.resolve("out");
        runner.run(pipeline(List.of(step("test.scale", Map.of())), List.of()), dir, out, RunOptions.defaults(), null);
        String previous = InputProvenance.sha256(out.resolve("results.h5"));

        List<PipelineStep> steps = List.of(step("test.scale", Map.of()), step("test.fail", Map.of("failAt", 3)));
        PipelineException e = assertThrows(PipelineException.class,
                () -> runner.run(pipeline(steps, List.of()), dir, out, RunOptions.slabLength(2), null));
        assertFalse(e instanceof InvalidPipelineException);
        assertEquals("step 2 (test.fail) failed: detector saturated at projection 3", e.getMessage());
        assertEquals(List.of("provenance.json", "results.h5"), listing(out));
        assertEquals(previous, InputProvenance.sha256(out.resolve("results.h5")));
        assertEquals(inputHash, InputProvenance.sha256(input));
    }

    @Test
    void aBareArrayMayNotCrossAStageBoundary() {
        Path out = dir.resolve("out");
        PipelineException e = assertThrows(PipelineException.class, () -> runner.run(
                pipeline(List.of(step("test.bare", Map.of())), List.of()), dir, out, RunOptions.defaults(), null));
        assertEquals("step 1 (test.bare) returned 'projections' without PhysicalMetadata (pixel size, energy, unit):"
                + " a bare array may not cross a stage boundary", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void labelsMustBeIntegers() {
        PipelineException e = assertThrows(PipelineException.class, () -> runner.run(
                pipeline(List.of(step("test.float-labels", Map.of())), List.of()), dir, dir.resolve("out"),
                RunOptions.defaults(), null));
        assertTrue(e.getMessage().startsWith("step 1 (test.float-labels) returned 'labels' as "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", but labels must be integer"), e.getMessage());
    }

    @Test
    void unknownResultNamesAreRejected() {
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> runner.check(pipeline(List.of(step("test.scale", Map.of())), List.of("step1.volume")), dir));
        assertTrue(e.getMessage().startsWith("result 'step1.volume' is not a dataset of this pipeline"),
                e.getMessage());
    }

    @Test
    void slabLengthFollowsTheHeapAndTheStagesMultiple() {
        var stack = List.of((org.eclipse.january.dataset.ILazyDataset) DatasetFactory.zeros(DoubleDataset.class,
                100, 10, 10));
        long bytesPerEntry = 100 * 8 * 3; // 10 × 10 values, 8 bytes, input + output + temporaries
        RunOptions tenEntries = new RunOptions(0, 8 * bytesPerEntry * 10);
        assertEquals(10, StepExecutor.slabLength(100, stack, 1, tenEntries));
        assertEquals(8, StepExecutor.slabLength(100, stack, 4, tenEntries));
        assertEquals(4, StepExecutor.slabLength(100, stack, 4, new RunOptions(0, 1)));
        assertEquals(6, StepExecutor.slabLength(100, stack, 2, new RunOptions(7, 1)));
        assertEquals(6, StepExecutor.slabLength(5, stack, 2, new RunOptions(0, Long.MAX_VALUE / 2)));
    }

    @Test
    void pipelineFilesRoundTripThroughJson() throws Exception {
        Pipeline pipeline = pipeline(List.of(new PipelineStep("test.scale", "scaled", Map.of("factor", 1.5),
                Map.of("projections", "scan")), step("test.reconstruct", Map.of())), List.of("step2.volume"));
        assertEquals(pipeline, Pipelines.fromJson(Pipelines.toJson(pipeline)));
        Path file = dir.resolve("pipeline.json");
        Pipelines.write(pipeline, file);
        assertEquals(pipeline, Pipelines.read(file));
    }

    @Test
    void pipelineFilesAreReadWithLowercaseKindsAndMisspellingsAreRefused() throws Exception {
        Pipeline read = Pipelines.fromJson("""
                {"inputs": [{"name": "scan", "file": "scan.h5", "kind": "projections", "pixelSizeUm": 0.05}],
                 "steps": [{"stage": "test.scale", "parameters": {"factor": 4}}]}
                """);
        assertEquals(DataKind.PROJECTIONS, read.inputs().get(0).kind());
        assertEquals(0.05, read.inputs().get(0).pixelSizeUm());
        assertEquals(Map.of("factor", 4), read.steps().get(0).parameters());
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class,
                () -> Pipelines.fromJson("{\n\"stepz\": []}"));
        assertTrue(e.getMessage().startsWith("not a valid pipeline file (line 2): "), e.getMessage());
        assertTrue(e.getMessage().contains("stepz"), e.getMessage());
    }
}
