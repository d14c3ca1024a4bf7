package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.edgewise.core.pipeline.InvalidPipelineException;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.workflow.StagedOutput;
import org.edgewise.workflow.StandardIo;

/**
 * Runs a pipeline for a command ({@code run}, {@code reconstruct} ...) the same way everywhere: the standard runner
 * of the workflows ({@link StandardIo#runner()}: stages from the extension registry, Data Exchange, TIFF and HDF5
 * inputs), one progress line on stderr, Ctrl-C cancels between slabs, and one-line errors.
 * <p>
 * Exit codes: 0 success; 1 the run failed or was cancelled; 2 the pipeline is invalid.
 */
final class PipelineExecution {

    /** Exit code of an invalid pipeline (the same as picocli's usage errors). */
    static final int INVALID = 2;
    /** Exit code of a failed or cancelled run. */
    static final int FAILED = 1;

    /** What a command does with a successful run's files. */
    @FunctionalInterface
    interface Completion {
        void accept(RunResult result) throws Exception;
    }

    /** What a command writes from a successful run into the staging folder of its output. */
    @FunctionalInterface
    interface StagedCompletion {
        /**
         * @param result  the run's results and provenance (inside {@code staging}; removed afterwards)
         * @param staging where to write the command's files; they are moved into the output folder afterwards
         * @return what to print once the files are in place
         */
        String accept(RunResult result, Path staging) throws Exception;
    }

    private PipelineExecution() {
    }

    /**
     * @param command   the command's name, for error lines ({@code "run"})
     * @param pipeline  the pipeline
     * @param base      the directory relative input files are resolved against
     * @param outDir    where results.h5 and provenance.json go
     * @param options   slab length and heap
     * @param err       progress and errors
     * @param onSuccess called with the written files; an exception there counts as a failed run
     * @return the exit code
     */
    static int execute(String command, Pipeline pipeline, Path base, Path outDir, RunOptions options, PrintWriter err,
            Completion onSuccess) {
        return execute(command, pipeline, base, outDir, options, err, onSuccess, null);
    }

    /**
     * As {@link #execute(String, Pipeline, Path, Path, RunOptions, PrintWriter, Completion)}, then closes
     * {@code staged} (may be null) whatever happened, before a Ctrl-C lets the JVM exit: a cancelled or failed run
     * leaves no staging folder behind.
     */
    private static int execute(String command, Pipeline pipeline, Path base, Path outDir, RunOptions options,
            PrintWriter err, Completion onSuccess, StagedOutput staged) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancelled.set(true); // Ctrl-C: stop between slabs and clean up before the JVM exits
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "edgewise-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ProgressLine progress = new ProgressLine(err, cancelled);
        try {
            RunResult result = StandardIo.runner().run(pipeline, base, outDir, options, progress);
            progress.end();
            onSuccess.accept(result);
            return 0;
        } catch (InvalidPipelineException e) {
            progress.end();
            return fail(err, command, INVALID, e.getMessage());
        } catch (PipelineCancelledException e) {
            progress.end();
            return fail(err, command, FAILED, e.getMessage());
        } catch (Exception e) {
            progress.end();
            if (Boolean.getBoolean("edgewise.debug")) {
                e.printStackTrace(err);
            }
            return fail(err, command, FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (staged != null) {
                try {
                    staged.close();
                } catch (IOException e) {
                    fail(err, command, FAILED, "cannot remove the staging folder " + staged.dir() + ": " + e);
                }
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }

    /**
     * Runs a pipeline whose results a command turns into files of its own: the run and the command's files go to a
     * staging folder inside {@code outDir} and are moved into {@code outDir} only when both succeeded (the run's
     * {@code results.h5} is not kept).
     *
     * @param command  the command's name
     * @param pipeline the pipeline
     * @param base     the directory relative input files are resolved against
     * @param outDir   the output folder
     * @param err      progress and errors
     * @param out      where the completion's message goes
     * @param write    writes the command's files
     * @return the exit code
     */
    static int executeStaged(String command, Pipeline pipeline, Path base, Path outDir, PrintWriter err,
            PrintWriter out, StagedCompletion write) {
        StagedOutput staged;
        try {
            staged = StagedOutput.create(outDir);
        } catch (IOException e) {
            return fail(err, command, FAILED, "cannot create output folder " + outDir + ": " + e.getMessage());
        }
        String[] message = new String[1];
        Path run = staged.dir().resolve(".run");
        int status = execute(command, pipeline, base, run, RunOptions.defaults(), err, result -> {
            message[0] = write.accept(result, staged.dir());
            deleteRecursively(run);
            staged.commit();
        }, staged);
        if (status == 0 && message[0] != null) {
            out.print(message[0]);
            out.flush();
        }
        return status;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Prints {@code edgewise COMMAND: message} on one line and returns {@code code}. */
    static int fail(PrintWriter err, String command, int code, String message) {
        err.println("edgewise " + command + ": " + message.replace('\n', ' ').replace('\r', ' '));
        err.flush();
        return code;
    }

    /** Shows the runner's current step and slab on one stderr line, rewritten in place. */
    private static final class ProgressLine implements IMonitor {
        private final PrintWriter err;
        private final AtomicBoolean cancelled;
        private int width;

        ProgressLine(PrintWriter err, AtomicBoolean cancelled) {
            this.err = err;
            this.cancelled = cancelled;
        }

        @Override
        public void worked(int amount) {
            // the sub-task text already says which slab of how many
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void subTask(String taskName) {
            String line = taskName.length() < width ? taskName + " ".repeat(width - taskName.length()) : taskName;
            width = taskName.length();
            err.print("\r" + line);
            err.flush();
        }

        void end() {
            if (width > 0) {
                err.println();
                width = 0;
            }
        }
    }
}
