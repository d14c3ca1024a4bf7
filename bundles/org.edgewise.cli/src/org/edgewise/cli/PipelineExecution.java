package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.january.IMonitor;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.api.files.OutputException;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.core.pipeline.Failures;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.edgewise.core.pipeline.PipelineRunner;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.workflow.StandardIo;

/**
 * Runs a command's work the same way for every command ({@code align}, {@code reconstruct}, {@code segment},
 * {@code run}):
 * <ol>
 * <li>the output folder is locked at once ({@link OutputFolder}: a second run into it fails naming the first);</li>
 * <li>the command checks all its inputs up front and runs its pipeline through the standard runner
 * ({@link StandardIo#runner()}), writing everything into the staging folder next to the output folder, with one
 * progress line on stderr;</li>
 * <li>only when everything succeeded is the staging folder moved into place by one rename.</li>
 * </ol>
 * Ctrl-C cancels between slabs (and before the move), says so, and leaves nothing. Every failure is one line
 * {@code edgewise COMMAND: message} naming the file and the problem ({@link Failures#message}), with the exit code of
 * its kind ({@link Failures.Kind}); stack traces only with {@code --verbose}. What the run could use only with
 * caveats is printed as {@code edgewise COMMAND: warning: ...} lines (and recorded in the provenance).
 */
final class PipelineExecution {

    /** Exit code of a usage error (command line, parameter, pipeline file). */
    static final int INVALID = Failures.Kind.USAGE.exitCode();
    /** Exit code of a run that failed after it started. */
    static final int FAILED = Failures.Kind.RUN.exitCode();

    /** A command's work inside its locked output folder. */
    @FunctionalInterface
    interface Work {
        /**
         * @param run the staging folder, the monitor and the runner
         * @return what to print on stdout once the files are in place
         */
        String perform(Run run) throws Exception;
    }

    /** What a command's work is given. */
    static final class Run {
        private final Path staging;
        private final Path folder;
        private final ProgressLine progress;
        private final PrintWriter err;
        private final String command;
        private final Set<String> warnings = new LinkedHashSet<>();

        Run(Path staging, Path folder, ProgressLine progress, PrintWriter err, String command) {
            this.staging = staging;
            this.folder = folder;
            this.progress = progress;
            this.err = err;
            this.command = command;
        }

        /** @return where to write; moved to {@link #folder()} when the work succeeded */
        Path staging() {
            return staging;
        }

        /** @return the final output folder (absolute), for messages */
        Path folder() {
            return folder;
        }

        /** @return progress and cancellation */
        IMonitor monitor() {
            return progress;
        }

        /**
         * Runs a pipeline with its results file and provenance in {@code staging/subfolder} (or in the staging folder
         * itself for an empty name), and prints its warnings.
         */
        RunResult pipeline(Pipeline pipeline, Path base, RunOptions options, String subfolder) throws Exception {
            Path work = subfolder.isEmpty() ? staging : java.nio.file.Files.createDirectories(staging
                    .resolve(subfolder));
            RunResult result = StandardIo.runner().runInto(pipeline, base, work, options, progress);
            progress.end();
            warn(result.provenance().warnings());
            return result;
        }

        /** Prints each warning once, as {@code edgewise COMMAND: warning: ...}. */
        void warn(List<String> lines) {
            progress.end();
            for (String line : lines) {
                if (warnings.add(line)) {
                    err.println("edgewise " + command + ": warning: " + Failures.oneLine(line));
                }
            }
            err.flush();
        }

        /**
         * Prints warnings the command found in a run's results and adds them to the {@code provenance.json} in the
         * staging folder.
         */
        void recordWarnings(RunResult result, List<String> more) throws java.io.IOException {
            if (more.isEmpty()) {
                return;
            }
            warn(more);
            String json = result.provenance().withWarnings(more).toJson();
            AtomicFiles.write(staging.resolve(PipelineRunner.PROVENANCE_FILE), temporary -> java.nio.file.Files
                    .writeString(temporary, json));
        }

        /** @throws PipelineCancelledException if Ctrl-C was pressed */
        void checkCancelled(String where) throws PipelineCancelledException {
            if (progress.isCancelled()) {
                throw new PipelineCancelledException("cancelled " + where);
            }
        }
    }

    private PipelineExecution() {
    }

    /**
     * Locks {@code outDir}, does the work into its staging folder and moves it into place when the work succeeded.
     *
     * @param command the command's name, for messages ({@code "align"})
     * @param outDir  the output folder
     * @param inputs  the input files and folders (none may lie inside the output folder)
     * @param err     progress, warnings and errors
     * @param out     where the work's message goes
     * @param work    the work
     * @return the exit code
     */
    static int execute(String command, Path outDir, List<Path> inputs, PrintWriter err, PrintWriter out, Work work) {
        return execute(command, outDir, inputs, err, out, new AtomicBoolean(), work);
    }

    /**
     * As {@link #execute(String, Path, List, PrintWriter, PrintWriter, Work)}, cancelled when {@code cancelled} is
     * set (by the Ctrl-C handler, or by a test).
     */
    static int execute(String command, Path outDir, List<Path> inputs, PrintWriter err, PrintWriter out,
            AtomicBoolean cancelled, Work work) {
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
        try (OutputFolder folder = OutputFolder.open(outDir, "edgewise " + command, absolute(inputs))) {
            Run run = new Run(folder.staging(), folder.folder(), progress, err, command);
            String message;
            try {
                message = work.perform(run);
                run.checkCancelled("before the results were put in place");
                folder.commit();
            } catch (Exception e) {
                progress.end();
                if (Failures.kind(e) == Failures.Kind.CANCELLED) {
                    return fail(err, command, Failures.Kind.CANCELLED.exitCode(), "cancelled; nothing was written to "
                            + outDir);
                }
                return failure(err, command, e);
            } catch (OutOfMemoryError e) {
                // the work's arrays are unreachable once it has unwound, so there is heap to say so and clean up
                progress.end();
                return fail(err, command, Failures.Kind.RUN.exitCode(), String.format(java.util.Locale.ROOT,
                        "ran out of memory (a %.1f GB heap); give a larger heap (EDGEWISE_JAVA_OPTS=-Xmx...),"
                                + " a smaller --memory where the command has it, or bin the input (--bin 2);"
                                + " nothing was written to %s", Runtime.getRuntime().maxMemory() / 1073741824.0,
                        outDir));
            }
            progress.end();
            if (message != null && !message.isEmpty()) {
                out.print(message);
                out.flush();
            }
            return 0;
        } catch (OutputException e) {
            return failure(err, command, e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }

    private static List<Path> absolute(List<Path> inputs) {
        List<Path> all = new ArrayList<>();
        for (Path input : inputs) {
            all.add(input.toAbsolutePath());
        }
        return all;
    }

    /** Prints a failure as one line (its stack trace too with {@code --verbose}) and returns its exit code. */
    static int failure(PrintWriter err, String command, Throwable e) {
        if (Verbosity.verbose()) {
            e.printStackTrace(err);
        }
        return fail(err, command, Failures.kind(e).exitCode(), Failures.message(e));
    }

    /** Prints {@code edgewise COMMAND: message} on one line and returns {@code code}. */
    static int fail(PrintWriter err, String command, int code, String message) {
        err.println("edgewise " + command + ": " + Failures.oneLine(message));
        err.flush();
        return code;
    }

    /** Shows the runner's current step and slab on one stderr line, rewritten in place. */
    static final class ProgressLine implements IMonitor {
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
