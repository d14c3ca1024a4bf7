package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.edgewise.core.pipeline.InvalidPipelineException;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;

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
 * Exit codes ({@link ExitCodes}): 0 success; 1 the run failed; 2 the pipeline is invalid (unknown stage, wrong kind
 * order, bad parameter) or the command line is wrong; 3 an input file cannot be used; 4 the output folder cannot be
 * used; 130 cancelled. Errors are one line.
 */
@Command(name = "run", description = { "Run a pipeline file headless; writes results.h5 and provenance.json to DIR,"
        + " only when the whole run succeeded. Every input is opened and checked before the first step runs." },
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE,
            ExitCodes.INPUT, ExitCodes.OUTPUT, ExitCodes.CANCELLED }, footer = { "", ExitCodes.VERBOSE })
final class RunCommand implements Callable<Integer> {

    /** Exit code of an invalid pipeline (the same as picocli's usage errors). */
    static final int INVALID = PipelineExecution.INVALID;
    /** Exit code of a failed run. */
    static final int FAILED = PipelineExecution.FAILED;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (JSON).")
    private Path pipelineFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: new, empty, or holding an earlier run's results (replaced whole).")
    private Path outputDirectory;

    @Option(names = "--slab", paramLabel = "N", defaultValue = "0",
            description = "Slab length along axis 0 for slab-wise stages (default: chosen from the heap).")
    private int slabLength;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (slabLength < 0) {
            return PipelineExecution.fail(err, "run", INVALID, "--slab must be ≥ 0, was " + slabLength);
        }
        Pipeline pipeline;
        try {
            pipeline = Pipelines.read(pipelineFile);
        } catch (InvalidPipelineException e) {
            return PipelineExecution.fail(err, "run", INVALID, e.getMessage());
        }
        Path base = pipelineFile.toAbsolutePath().getParent();
        List<Path> inputs = pipeline.inputs().stream().filter(input -> !input.inMemory())
                .map(input -> input.resolve(base)).toList();
        return PipelineExecution.execute("run", outputDirectory, inputs, err, out, run -> {
            RunResult result = run.pipeline(pipeline, base, new RunOptions(slabLength,
                    Runtime.getRuntime().maxMemory()), "");
            return "wrote " + run.folder().resolve(result.resultsFile().getFileName().toString()) + " and "
                    + run.folder().resolve(result.provenanceFile().getFileName().toString()) + System.lineSeparator();
        });
    }
}
