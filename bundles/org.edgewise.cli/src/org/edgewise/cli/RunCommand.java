package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.core.sources.Hdf5DatasetSource;
import org.edgewise.io.sources.DataExchangeSource;
import org.edgewise.io.sources.TiffSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise run PIPELINE --out DIR}: runs a pipeline file headless. Progress goes to stderr on one line;
 * {@code results.h5} and {@code provenance.json} appear in DIR only if the run succeeds. Ctrl-C cancels between
 * slabs and leaves no output behind.
 * <p>
 * Exit codes: 0 success; 1 the run failed or was cancelled; 2 the pipeline is invalid (unknown stage, wrong kind
 * order, bad parameter, missing input) or the command line is wrong. Errors are one line.
 */
@Command(name = "run", description = "Run a pipeline file headless; writes results.h5 and provenance.json to DIR.")
final class RunCommand implements Callable<Integer> {

    /** Exit code of an invalid pipeline (the same as picocli's usage errors). */
    static final int INVALID = 2;
    /** Exit code of a failed or cancelled run. */
    static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (JSON).")
    private Path pipelineFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created if needed; results.h5 and provenance.json are replaced).")
    private Path outputDirectory;

    @Option(names = "--slab", paramLabel = "N", defaultValue = "0",
            description = "Slab length along axis 0 for slab-wise stages (default: chosen from the heap).")
    private int slabLength;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (slabLength < 0) {
            return fail(err, INVALID, "--slab must be ≥ 0, was " + slabLength);
        }
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
            Pipeline pipeline = Pipelines.read(pipelineFile);
            Path base = pipelineFile.toAbsolutePath().getParent();
            PipelineRunner runner = new PipelineRunner(StageRegistries.fromExtensions(),
                    List.of(new DataExchangeSource(), new TiffSource(), new Hdf5DatasetSource()));
            RunResult result = runner.run(pipeline, base, outputDirectory,
                    new RunOptions(slabLength, Runtime.getRuntime().maxMemory()), progress);
            progress.end();
            out.println("wrote " + result.resultsFile() + " and " + result.provenanceFile());
            return 0;
        } catch (InvalidPipelineException e) {
            progress.end();
            return fail(err, INVALID, e.getMessage());
        } catch (PipelineCancelledException e) {
            progress.end();
            return fail(err, FAILED, e.getMessage());
        } catch (PipelineException | RuntimeException e) {
            progress.end();
            if (Boolean.getBoolean("edgewise.debug")) {
                e.printStackTrace(err);
            }
            return fail(err, FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println("edgewise run: " + message.replace('\n', ' ').replace('\r', ' '));
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
