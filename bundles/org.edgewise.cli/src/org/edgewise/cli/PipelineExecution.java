package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.january.IMonitor;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.InvalidPipelineException;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.PipelineRunner;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.sources.DataExchangeSource;
import org.edgewise.io.sources.Hdf5DatasetSource;
import org.edgewise.io.imageio.TiffSource;

/**
 * Runs a pipeline for a command ({@code run}, {@code reconstruct} ...) the same way everywhere: stages from the
 * extension registry, Data Exchange, TIFF and HDF5 inputs, one progress line on stderr, Ctrl-C cancels between
 * slabs, and one-line errors.
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
            PipelineRunner runner = new PipelineRunner(StageRegistries.fromExtensions(),
                    List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource()),
                    ResultsFile.pipelineWriter());
            RunResult result = runner.run(pipeline, base, outDir, options, progress);
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
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
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
