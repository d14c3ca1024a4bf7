package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.eclipse.january.IMonitor;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches under local[2] on one Spark context (starting one takes seconds). */
class LocalBatchTest {

    private static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = localSpark();
    }

    /** @return a {@code local[2]} context with the batch's settings (one per JVM at a time: close it) */
    static JavaSparkContext localSpark() {
        JavaSparkContext context = new JavaSparkContext(new BatchRunner(new BatchManifest(Path.of("m.csv"),
                List.of()), Path.of("."), options(), System.out).sparkConf());
        context.setLogLevel("WARN");
        return context;
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    private static BatchRunner.Options options() {
        return options(0);
    }

    private static BatchRunner.Options options(int parallel) {
        return new BatchRunner.Options("local[2]", parallel, Map.of(), ThresholdLabelAnalysis.class.getName(),
                false);
    }

    private BatchRunner.Result batch(Path manifestFile, Path out) throws Exception {
        BatchManifest manifest = BatchManifest.read(manifestFile, new ThresholdLabelAnalysis()::checkParameters);
        return new BatchRunner(manifest, out, options(), System.out).run(spark);
    }

    @Test
    void runsEqualSeparateRunsTheBrokenRunIsAnErrorRowAndARerunDoesNothing() throws Exception {
        TestRuns.balls(dir.resolve("in/a63-1"), 24, 4, List.of(new int[] { 7, 7, 7 }, new int[] { 16, 16, 16 }));
        TestRuns.balls(dir.resolve("in/a63-2"), 24, 5, List.of(new int[] { 12, 12, 12 }));
        TestRuns.balls(dir.resolve("in/a80-1"), 24, 3, List.of(new int[] { 6, 6, 17 }, new int[] { 17, 17, 6 },
                new int[] { 12, 12, 12 }));
        TestRuns.broken(dir.resolve("in/a80-2"));
        Path manifest = dir.resolve("runs.csv");
        Files.writeString(manifest, """
                name,input,architecture,state,param.threshold
                a63-1,in/a63-1,63Ni,pristine,
                a63-2,in/a63-2,63Ni,cycled,0.6
                a80-1,in/a80-1,80Ni,pristine,
                a80-2,in/a80-2,80Ni,cycled,
                """);
        Path out = dir.resolve("out");

        BatchRunner.Result first = batch(manifest, out);

        Map<String, RunOutcome> outcomes = byName(first);
        for (String good : List.of("a63-1", "a63-2", "a80-1")) {
            assertEquals(RunOutcome.Status.DONE, outcomes.get(good).status(), outcomes.get(good).toString());
            assertFalse(outcomes.get(good).unchanged());
        }
        RunOutcome broken = outcomes.get("a80-2");
        assertEquals(RunOutcome.Status.FAILED, broken.status());
        assertTrue(broken.error().contains("volume.h5"), broken.error());
        assertFalse(broken.error().contains("\n"));
        assertFalse(Files.exists(out.resolve("a80-2")));

        // each run's folder is what the analysis writes when called on its own
        Map<String, String> thresholds = Map.of("a63-1", "", "a63-2", "0.6", "a80-1", "");
        for (String good : thresholds.keySet()) {
            Path alone = dir.resolve("alone/" + good);
            Files.createDirectories(alone);
            Map<String, String> parameters = thresholds.get(good).isEmpty() ? Map.of()
                    : Map.of("threshold", thresholds.get(good));
            new ThresholdLabelAnalysis().analyze(dir.resolve("in/" + good), alone, parameters, new IMonitor.Stub());
            assertEquals(names(alone), names(out.resolve(good)));
            for (String csv : List.of("particles.csv", "profiles.csv", "metrics.csv")) {
                assertEquals(Files.readString(alone.resolve(csv)), Files.readString(out.resolve(good).resolve(csv)),
                        good + "/" + csv);
            }
            assertArrayEquals(FlatArrays.ints(ResultsFile.readDataset(alone.resolve("results.h5"), "particles.labels")),
                    FlatArrays.ints(ResultsFile.readDataset(out.resolve(good).resolve("results.h5"),
                            "particles.labels")), good);
        }

        // summary: 3 elements per particle of each good run (2 + 1 + 3 particles), one error row
        Csv summary = Csv.read(out.resolve(BatchFiles.SUMMARY));
        assertEquals(List.of("run", "status", "error", "seconds", "architecture", "state"),
                summary.header().subList(0, 6));
        assertEquals(3 * 6 + 1, summary.rows().size());
        List<List<String>> errorRows = summary.rows().stream().filter(r -> r.get(0).equals("a80-2")).toList();
        assertEquals(1, errorRows.size());
        assertEquals("failed", errorRows.get(0).get(1));
        assertEquals(broken.error(), errorRows.get(0).get(2));
        assertEquals("80Ni", errorRows.get(0).get(summary.column("architecture")));
        assertEquals("", errorRows.get(0).get(summary.column("edge_value")));
        Csv metrics = Csv.read(out.resolve("a80-1/metrics.csv"));
        List<List<String>> a80 = summary.rows().stream().filter(r -> r.get(0).equals("a80-1")).toList();
        assertEquals(metrics.rows().size(), a80.size());
        assertEquals(metrics.rows().get(4).get(metrics.column("edge_value")), a80.get(4).get(summary.column("edge_value")));
        Csv particles = Csv.read(out.resolve(BatchFiles.PARTICLES));
        assertEquals(6, particles.rows().size());
        assertEquals(Set.of("a63-1", "a63-2", "a80-1"),
                particles.rows().stream().map(r -> r.get(0)).collect(Collectors.toSet()));
        // the ball of radius 5 voxels: 515 voxels of 0.125 µm³
        List<String> a632 = particles.rows().stream().filter(r -> r.get(0).equals("a63-2")).findFirst().orElseThrow();
        assertEquals("515", a632.get(particles.column("voxels")));
        assertEquals("cycled", a632.get(particles.column("state")));

        String report = Files.readString(out.resolve(BatchFiles.REPORT));
        assertTrue(report.contains("a80-2") && report.contains("failed"), report);
        for (String image : List.of("profile_architecture_Ni.png", "volume.png", "volume_feret_density.png")) {
            assertTrue(report.contains(BatchFiles.REPORT_FIGURES + "/" + image), image);
            assertTrue(Files.size(out.resolve(BatchFiles.REPORT_FIGURES).resolve(image)) > 1000, image);
        }
        assertEquals(Set.of(".batch", "a63-1", "a63-2", "a80-1", "summary.csv", "particles.csv", "batch-report.html",
                "batch-report"), names(out), "no half-written or duplicated folder is left");

        // the same batch again: nothing is computed, no run folder is touched
        Map<String, Object> identities = new HashMap<>();
        for (String good : thresholds.keySet()) {
            identities.put(good, Files.readAttributes(out.resolve(good).resolve("results.h5"),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        }
        String summaryText = Files.readString(out.resolve(BatchFiles.SUMMARY));
        BatchRunner.Result second = batch(manifest, out);
        for (RunOutcome outcome : second.outcomes()) {
            assertTrue(outcome.unchanged(), outcome.toString());
        }
        assertEquals(RunOutcome.Status.FAILED, byName(second).get("a80-2").status());
        assertEquals(broken.error(), byName(second).get("a80-2").error());
        for (String good : thresholds.keySet()) {
            assertEquals(identities.get(good), Files.readAttributes(out.resolve(good).resolve("results.h5"),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey(), good);
        }
        assertEquals(summaryText, Files.readString(out.resolve(BatchFiles.SUMMARY)));

        // a changed parameter redoes that run only
        Files.writeString(manifest, Files.readString(manifest).replace("a63-1,in/a63-1,63Ni,pristine,",
                "a63-1,in/a63-1,63Ni,pristine,0.7"));
        Map<String, RunOutcome> third = byName(batch(manifest, out));
        assertFalse(third.get("a63-1").unchanged());
        assertEquals(RunOutcome.Status.DONE, third.get("a63-1").status());
        assertTrue(third.get("a63-2").unchanged() && third.get("a80-1").unchanged());
    }

    @Test
    void cancelStopsTheBatchAndLeavesFinishedRunsIntact() throws Exception {
        TestRuns.balls(dir.resolve("in/fast"), 16, 3, List.of(new int[] { 8, 8, 8 }));
        TestRuns.balls(dir.resolve("in/slow"), 16, 3, List.of(new int[] { 8, 8, 8 }));
        Path manifest = dir.resolve("runs.json");
        Files.writeString(manifest, """
                {"runs": [
                  {"name": "fast", "input": "in/fast"},
                  {"name": "slow-1", "input": "in/slow", "parameters": {"sleep-ms": 120000}},
                  {"name": "slow-2", "input": "in/slow", "parameters": {"sleep-ms": 120000}}
                ]}
                """);
        Path out = dir.resolve("out");
        BatchManifest runs = BatchManifest.read(manifest, new ThresholdLabelAnalysis()::checkParameters);
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        BatchRunner runner = new BatchRunner(runs, out, options(), new PrintStream(terminal, true,
                StandardCharsets.UTF_8));
        Thread canceller = new Thread(() -> {
            try {
                while (!terminal.toString(StandardCharsets.UTF_8).contains("fast done")) {
                    Thread.sleep(100);
                }
                Thread.sleep(500); // slow-1 is running now
                runner.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        long start = System.nanoTime();
        BatchRunner.Result result = runner.run(spark);
        canceller.join();

        assertTrue((System.nanoTime() - start) / 1e9 < 100, "the sleeping runs were not stopped");
        assertTrue(result.cancelled());
        Map<String, RunOutcome> outcomes = byName(result);
        assertEquals(RunOutcome.Status.DONE, outcomes.get("fast").status());
        assertEquals(RunOutcome.Status.CANCELLED, outcomes.get("slow-1").status());
        assertEquals(RunOutcome.Status.CANCELLED, outcomes.get("slow-2").status());
        assertTrue(Files.isRegularFile(out.resolve("fast/provenance.json")));
        assertEquals(Set.of(".batch", "fast", "summary.csv", "particles.csv", "batch-report.html", "batch-report"),
                names(out));
        assertEquals(Set.of("fast.json"), names(out.resolve(".batch")), "cancelled runs are not recorded");
        Csv summary = Csv.read(out.resolve(BatchFiles.SUMMARY));
        assertEquals("cancelled", summary.rows().get(summary.rows().size() - 1).get(1));
    }

    @Test
    void parallelOneRunsOneRunAtATimeOnTwoCores() throws Exception {
        TestRuns.balls(dir.resolve("in/a"), 12, 3, List.of(new int[] { 6, 6, 6 }));
        Path manifest = dir.resolve("runs.csv");
        // each run lasts at least 0.4 s, so with two at once two would overlap
        Files.writeString(manifest, "name,input,param.sleep-ms\np1,in/a,400\np2,in/a,400\np3,in/a,400\n");
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        BatchRunner.Result result = new BatchRunner(BatchManifest.read(manifest,
                new ThresholdLabelAnalysis()::checkParameters), dir.resolve("out"), options(1),
                new PrintStream(terminal, true, StandardCharsets.UTF_8)).run(spark);

        String log = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("3 runs on local[2], at most 1 at once"), log);
        assertEquals(3, log.lines().filter(l -> l.contains(" started on ")).count(), log);
        assertTrue(log.lines().noneMatch(l -> l.contains("running 2")), log);
        assertTrue(result.outcomes().stream().allMatch(o -> o.status() == RunOutcome.Status.DONE), log);
    }

    private static Map<String, RunOutcome> byName(BatchRunner.Result result) {
        return result.outcomes().stream().collect(Collectors.toMap(RunOutcome::name, o -> o));
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
