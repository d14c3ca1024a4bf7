package org.edgewise.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.eclipse.january.IMonitor;
import org.edgewise.core.pipeline.InputProvenance;
import org.edgewise.api.files.FileTrees;

/**
 * One run of a batch, as a Spark task: hash the inputs; keep the run when the batch's record says its folder was
 * computed from the same inputs and parameters; otherwise analyse into a hidden folder beside the target and move it
 * into place by one rename, then record it. A failing analysis becomes a {@link RunOutcome.Status#FAILED} outcome
 * (the task itself succeeds, so Spark does not retry it); a lost executor makes Spark run the task again, and the
 * commit keeps exactly one complete folder whatever the attempts do.
 *
 * @param out        the batch's output folder, absolute, on a file system every executor sees
 * @param analysis   the {@link RunAnalysis} class
 * @param redoFailed whether runs whose recorded failure is unchanged are tried again
 */
public record RunTask(String out, String analysis, boolean redoFailed) implements Function<RunSpec, RunOutcome> {

    private static final long serialVersionUID = 1L;

    /** Hidden folders of unfinished attempts: {@code .NAME.ID.tmp} (being written), {@code .NAME.ID.old} (replaced). */
    static final String STAGING_SUFFIX = ".tmp";
    static final String REPLACED_SUFFIX = ".old";

    @Override
    public RunOutcome call(RunSpec run) {
        TaskContext context = TaskContext.get();
        IMonitor monitor = new IMonitor() {
            @Override
            public void worked(int amount) {
                // progress inside a run is not shown; the batch shows runs
            }

            @Override
            public boolean isCancelled() {
                return context != null && context.isInterrupted();
            }

            @Override
            public void subTask(String taskName) {
                // see worked
            }
        };
        String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
        return execute(run, Path.of(out), RunAnalyses.create(analysis), analysis, redoFailed, monitor,
                "executor " + executor + " on " + host(), context == null ? 0 : context.attemptNumber());
    }

    /**
     * Runs one run outside or inside Spark.
     *
     * @param run          the run
     * @param out          the batch's output folder
     * @param analysis     the analysis
     * @param analysisName its class name (part of the fingerprint)
     * @param redoFailed   whether an unchanged recorded failure is tried again
     * @param monitor      cancellation
     * @param where        executor and host, for the progress line
     * @param attempt      the task's attempt number
     * @return the outcome; cancellation is thrown as {@link RunCancelledException}
     */
    public static RunOutcome execute(RunSpec run, Path out, RunAnalysis analysis, String analysisName,
            boolean redoFailed, IMonitor monitor, String where, int attempt) {
        long start = System.nanoTime();
        Path target = out.resolve(run.name());
        RunFingerprint fingerprint;
        try {
            fingerprint = RunFingerprint.of(run, analysisName);
        } catch (IOException e) {
            return failed(run, oneLine(e), start, where, attempt);
        }
        Optional<RunRecord> record = RunRecord.read(out, run.name());
        if (record.isPresent() && fingerprint.sha256().equals(record.get().fingerprint())) {
            RunRecord r = record.get();
            if (RunRecord.DONE.equals(r.status()) && provenanceHash(target).equals(r.provenanceSha256())
                    && !provenanceHash(target).isEmpty()) {
                return new RunOutcome(run.name(), RunOutcome.Status.DONE, "", r.seconds(), where, attempt, List.of(),
                        true);
            }
            if (RunRecord.FAILED.equals(r.status()) && !redoFailed && !Files.exists(target)) {
                return new RunOutcome(run.name(), RunOutcome.Status.FAILED, r.error(), r.seconds(), where, attempt,
                        List.of(), true);
            }
        }
        Path staging = out.resolve("." + run.name() + "." + UUID.randomUUID() + STAGING_SUFFIX);
        try {
            Files.createDirectories(staging);
            List<String> warnings = analysis.analyze(run.inputPath(), staging, run.parameters(), monitor);
            if (monitor.isCancelled()) {
                throw new RunCancelledException(run.name());
            }
            double seconds = seconds(start);
            String provenance = provenanceHash(staging);
            commit(staging, target, out, run.name(), fingerprint);
            new RunRecord(run.name(), RunRecord.DONE, fingerprint.sha256(), fingerprint.inputs(),
                    fingerprint.parameters(), analysisName, "", provenance, seconds, where, Instant.now().toString())
                    .write(out);
            return new RunOutcome(run.name(), RunOutcome.Status.DONE, "", seconds, where, attempt,
                    warnings == null ? List.of() : warnings, false);
        } catch (OutOfMemoryError e) {
            // not recorded: with more memory the same run can succeed, so a re-run tries again
            return failed(run, String.format(Locale.ROOT, "out of memory (maximum heap %.1f GiB): give executors"
                    + " more memory (--conf spark.executor.memory=...) or run fewer at once",
                    Runtime.getRuntime().maxMemory() / 1073741824.0), start, where, attempt);
        } catch (RunCancelledException e) {
            throw e;
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException(run.name());
        } catch (Exception | StackOverflowError e) {
            if (monitor.isCancelled()) {
                throw new RunCancelledException(run.name());
            }
            String reason = oneLine(e);
            double seconds = seconds(start);
            try {
                removeStale(target, out, run.name());
                new RunRecord(run.name(), RunRecord.FAILED, fingerprint.sha256(), fingerprint.inputs(),
                        fingerprint.parameters(), analysisName, reason, "", seconds, where, Instant.now().toString())
                        .write(out);
            } catch (IOException recordFailure) {
                reason += " (and the batch could not record it: " + oneLine(recordFailure) + ")";
            }
            return new RunOutcome(run.name(), RunOutcome.Status.FAILED, reason, seconds, where, attempt, List.of(),
                    false);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /**
     * Moves a finished staging folder to the run's folder. When another attempt of the same run (a retried or
     * speculative task) committed the same inputs and parameters first, its folder is kept and this one dropped;
     * a folder of older inputs is moved aside first and deleted after.
     */
    static void commit(Path staging, Path target, Path out, String name, RunFingerprint fingerprint)
            throws IOException {
        Optional<RunRecord> record = RunRecord.read(out, name);
        if (record.isPresent() && fingerprint.sha256().equals(record.get().fingerprint())
                && RunRecord.DONE.equals(record.get().status()) && !provenanceHash(target).isEmpty()
                && provenanceHash(target).equals(record.get().provenanceSha256())) {
            return; // another attempt finished first: one folder, not two
        }
        Path replaced = moveAside(target, out, name);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another attempt committed between our check and our move: its folder is complete, keep it
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staging + " to " + target + " atomically: the batch's output"
                    + " folder must be on one file system", e);
        } finally {
            if (replaced != null) {
                FileTrees.deleteQuietly(replaced);
            }
        }
    }

    /** Removes the folder of a run whose inputs or parameters changed and which now failed. */
    private static void removeStale(Path target, Path out, String name) throws IOException {
        Path replaced = moveAside(target, out, name);
        if (replaced != null) {
            FileTrees.deleteQuietly(replaced);
        }
    }

    private static Path moveAside(Path target, Path out, String name) throws IOException {
        if (!Files.exists(target)) {
            return null;
        }
        Path replaced = out.resolve("." + name + "." + UUID.randomUUID() + REPLACED_SUFFIX);
        try {
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            return replaced;
        } catch (NoSuchFileException e) {
            return null; // another attempt moved it first
        }
    }

    /** @return SHA-256 of {@code folder/provenance.json}, or empty when there is none */
    static String provenanceHash(Path folder) {
        Path file = folder.resolve(BatchFiles.RUN_PROVENANCE);
        try {
            return Files.isRegularFile(file) ? InputProvenance.sha256(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static RunOutcome failed(RunSpec run, String reason, long start, String where, int attempt) {
        return new RunOutcome(run.name(), RunOutcome.Status.FAILED, reason, seconds(start), where, attempt, List.of(),
                false);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** @return the first line of the message, or the exception's class when it has none */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse("").trim();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }
}
