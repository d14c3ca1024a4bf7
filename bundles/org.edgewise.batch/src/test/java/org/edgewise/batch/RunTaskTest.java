package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.edgewise.api.files.FileTrees;

/** One run's task without Spark: skip by hashes, atomic commit, error records. */
class RunTaskTest {

    @TempDir
    Path dir;

    /** Writes provenance.json with a counter, so each computation leaves a different folder. */
    private static final class Counting implements RunAnalysis {
        final AtomicInteger calls = new AtomicInteger();
        RuntimeException failure;
        Error error;

        @Override
        public List<String> analyze(Path input, Path out, Map<String, String> parameters, IMonitor monitor)
                throws Exception {
            int call = calls.incrementAndGet();
            if (error != null) {
                throw error;
            }
            Files.writeString(out.resolve("particles.csv"), "particle\n1\n");
            if (failure != null) {
                throw failure;
            }
            Files.writeString(out.resolve("provenance.json"), "{\"call\": " + call + "}");
            return List.of("w" + call);
        }
    }

    private RunOutcome run(Counting analysis, RunSpec spec, boolean redoFailed) {
        return RunTask.execute(spec, dir.resolve("out"), analysis, "counting", redoFailed, new IMonitor.Stub(),
                "here", 0);
    }

    @Test
    void unchangedInputsAndParametersAreKeptAndAnyChangeIsComputedAgain() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("scan.h5"), "scan");
        Files.writeString(input.resolve(".hidden"), "ignored");
        RunSpec spec = new RunSpec("r", input.toString(), Map.of(), Map.of("threshold", "0.5"));
        Counting analysis = new Counting();

        RunOutcome first = run(analysis, spec, false);
        assertEquals(RunOutcome.Status.DONE, first.status());
        assertEquals(List.of("w1"), first.warnings());
        assertTrue(run(analysis, spec, false).unchanged());
        Files.writeString(input.resolve(".hidden"), "still ignored");
        assertTrue(run(analysis, spec, false).unchanged());
        assertEquals(1, analysis.calls.get());

        Files.writeString(input.resolve("scan.h5"), "scan, changed");
        assertFalse(run(analysis, spec, false).unchanged());
        RunSpec other = new RunSpec("r", input.toString(), Map.of(), Map.of("threshold", "0.6"));
        assertFalse(run(analysis, other, false).unchanged());
        Files.writeString(dir.resolve("out/r/provenance.json"), "edited by hand");
        assertFalse(run(analysis, other, false).unchanged());
        assertEquals(4, analysis.calls.get());
        assertEquals("{\"call\": 4}", Files.readString(dir.resolve("out/r/provenance.json")));
        assertEquals(Set.of("r", ".batch"), names(dir.resolve("out")));
    }

    @Test
    void aFailureIsRecordedRemovesTheStaleFolderAndIsNotRepeatedUnlessAsked() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("scan.h5"), "scan");
        RunSpec spec = new RunSpec("r", input.toString(), Map.of(), Map.of());
        Counting analysis = new Counting();
        run(analysis, spec, false);

        Files.writeString(input.resolve("scan.h5"), "scan, now bad");
        analysis.failure = new IllegalStateException("in/scan.h5: no energy\n  at line two");
        RunOutcome failed = run(analysis, spec, false);
        assertEquals(RunOutcome.Status.FAILED, failed.status());
        assertEquals("in/scan.h5: no energy", failed.error());
        assertEquals(Set.of(".batch"), names(dir.resolve("out")), "the stale result and the half-written one are gone");

        RunOutcome again = run(analysis, spec, false);
        assertTrue(again.unchanged());
        assertEquals("in/scan.h5: no energy", again.error());
        assertEquals(2, analysis.calls.get());
        assertFalse(run(analysis, spec, true).unchanged());
        assertEquals(3, analysis.calls.get());
    }

    @Test
    void outOfMemoryAndAMissingInputAreNotRecordedSoARerunTriesAgain() throws Exception {
        Counting analysis = new Counting();
        RunOutcome missing = run(analysis, new RunSpec("m", dir.resolve("nowhere").toString(), Map.of(), Map.of()),
                false);
        assertEquals(RunOutcome.Status.FAILED, missing.status());
        assertEquals(dir.resolve("nowhere") + ": no such input folder or file", missing.error());

        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("scan.h5"), "scan");
        analysis.error = new OutOfMemoryError("Java heap space");
        RunSpec spec = new RunSpec("r", input.toString(), Map.of(), Map.of());
        RunOutcome oom = run(analysis, spec, false);
        assertTrue(oom.error().startsWith("out of memory (maximum heap"), oom.error());
        assertFalse(Files.exists(RunRecord.file(dir.resolve("out"), "r")));
        analysis.error = null;
        assertEquals(RunOutcome.Status.DONE, run(analysis, spec, false).status());
    }

    @Test
    void aSecondAttemptOfTheSameRunKeepsTheFirstFolder() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("scan.h5"), "scan");
        RunSpec spec = new RunSpec("r", input.toString(), Map.of(), Map.of());
        Path out = dir.resolve("out");
        RunFingerprint fingerprint = RunFingerprint.of(spec, "counting");
        run(new Counting(), spec, false);
        Object first = Files.readAttributes(out.resolve("r/provenance.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        // a speculative or retried attempt that finished later commits the same run
        Path late = Files.createDirectories(out.resolve(".r.00000000-0000-0000-0000-000000000000.tmp"));
        Files.writeString(late.resolve("provenance.json"), "{\"call\": 99}");
        RunTask.commit(late, out.resolve("r"), out, "r", fingerprint);
        FileTrees.deleteQuietly(late);

        assertEquals(first, Files.readAttributes(out.resolve("r/provenance.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(Set.of("r", ".batch"), names(out));
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
