package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on a standalone cluster (a master and two workers on 127.0.0.1), one worker killed while both are
 * running a run: every run still ends complete, once.
 */
class ClusterBatchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // a cluster that lost its last worker would wait for one forever
    void aWorkerKilledMidBatchLosesNoRunAndDuplicatesNone() throws Exception {
        String[] names = { "c1", "c2", "c3", "c4" };
        StringBuilder manifest = new StringBuilder("name,input,architecture,param.sleep-ms\n");
        for (int i = 0; i < names.length; i++) {
            TestRuns.balls(dir.resolve("in/" + names[i]), 16, 3 + i % 2, List.of(new int[] { 8, 8, 8 }));
            manifest.append(names[i]).append(",in/").append(names[i]).append(',').append(i % 2 == 0 ? "63Ni" : "80Ni")
                    .append(",6000\n");
        }
        Files.writeString(dir.resolve("runs.csv"), manifest);
        Path out = dir.resolve("out");
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();


        long start = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), 2, 768)) {
            System.out.printf("cluster up after %.1f s%n", (System.nanoTime() - start) / 1e9);
            BatchRunner runner = new BatchRunner(BatchManifest.read(dir.resolve("runs.csv"),
                    new ThresholdLabelAnalysis()::checkParameters), out, new BatchRunner.Options(cluster.url(), 2,
                            Map.of("spark.executor.memory", "512m",
                            "spark.executor.extraJavaOptions", LocalCluster.QUICK_START_JVM + " -XX:+UseSerialGC"), ThresholdLabelAnalysis.class.getName(), false),
                    new PrintStream(new TeeStream(terminal, System.out), true, StandardCharsets.UTF_8));
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                try {
                    // the second wave: all four runs started, on both workers' executors (one core each), so both
                    // are running one; the runs sleep 6 s, so the worker is killed while its run is running
                    while (!bothBusyInSecondWave(terminal.toString(StandardCharsets.UTF_8), names.length)) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(300);
                    cluster.kill(1);
                    killed.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.setDaemon(true);
            killer.start();
            BatchRunner.Result result = runner.run();
            killer.interrupt();
            System.out.printf("batch done after %.1f s%n", (System.nanoTime() - start) / 1e9);

            assertTrue(killed.get(), "the worker was not killed during the batch");
            for (RunOutcome outcome : result.outcomes()) {
                assertEquals(RunOutcome.Status.DONE, outcome.status(), outcome.toString());
            }
            String log = terminal.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("started again (attempt 2)"), "no run was taken over from the killed worker:\n"
                    + log);
            // the runs finished before the kill are not run again: three runs start once, the lost one twice
            List<Long> starts = java.util.Arrays.stream(names).map(n -> log.lines().filter(l -> l.contains("| " + n
                    + " started")).count()).sorted().toList();
            assertEquals(List.of(1L, 1L, 1L, 2L), starts, log);
        }
        System.out.printf("cluster stopped after %.1f s%n", (System.nanoTime() - start) / 1e9);
        Set<String> expected = new java.util.TreeSet<>(List.of(names));
        expected.addAll(List.of(".batch", "summary.csv", "particles.csv", "batch-report.html", "batch-report"));
        assertEquals(expected, names(out), "a half-written or duplicated folder was left");
        for (String name : names) {
            // the analysis's pipeline run records what it wrote in its folder (OutputFolder.MANIFEST_FILE)
            assertEquals(Set.of("particles.csv", "profiles.csv", "metrics.csv", "results.h5", "provenance.json",
                    org.edgewise.api.files.OutputFolder.MANIFEST_FILE), names(out.resolve(name)), name);
        }
        Csv particles = Csv.read(out.resolve(BatchFiles.PARTICLES));
        assertEquals(List.of(names), particles.rows().stream().map(r -> r.get(0)).toList(), "one particle per run");
    }

    /** @return whether all runs have started and the last two started on two different executors */
    private static boolean bothBusyInSecondWave(String log, int runs) {
        List<String> started = log.lines().filter(l -> l.contains(" started on executor ")).toList();
        if (started.size() < runs) {
            return false;
        }
        String a = started.get(runs - 1);
        String b = started.get(runs - 2);
        return !a.substring(a.indexOf(" on executor ")).equals(b.substring(b.indexOf(" on executor ")));
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** Writes to two streams (the test's buffer and the console). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int value) throws java.io.IOException {
            a.write(value);
            b.write(value);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            a.write(bytes, offset, length);
            b.write(bytes, offset, length);
        }
    }
}
