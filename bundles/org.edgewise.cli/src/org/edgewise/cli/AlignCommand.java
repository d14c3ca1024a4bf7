package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgewise.align.stages.AlignModel;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.workflow.AlignWorkflow;
import org.edgewise.workflow.AlignmentReport;
import org.edgewise.workflow.Scans;
import org.edgewise.workflow.StandardIo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise align INPUT... --out DIR}: normalises, aligns (jitter and rotation centre) and registers (energy
 * pairs) every scan of Data Exchange files or folders through the pipeline runner ({@link AlignWorkflow}); writes
 * {@code alignment.csv}, {@code registration.csv}, {@code aligned/*.h5}, PNG plots, {@code provenance.json} and
 * {@code pipeline.json} ({@link AlignmentReport}), all only when the whole run succeeded. Exit codes: 0 success,
 * 1 unreadable or invalid data (one line naming the file) or a failed run, 2 command-line errors.
 */
@Command(name = "align", sortOptions = false, defaultValueProvider = ModelDefaults.class,
        description = { "Normalise, align (stage jitter and rotation centre) and register (energy pairs) every scan"
                + " of Data Exchange files or folders. Writes alignment.csv, registration.csv, the aligned"
                + " projections (aligned/*.h5), PNG plots (plots/), provenance.json and the pipeline.json that was"
                + " run; the input files are never changed." })
final class AlignCommand implements Callable<Integer>, ModelDefaults.Source {

    private static final AlignModel DEFAULTS = org.edgewise.api.parameters.Parameters.defaults(AlignModel.class);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Data Exchange files or folders of them.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--iterations", description = "Re-projection iterations at most (default ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--tolerance", paramLabel = "PX",
            description = "Stop when the RMS shift update is below this, pixels (default ${DEFAULT-VALUE}).")
    private double tolerancePx;

    @Option(names = "--working-columns",
            description = "Bin wider scans by powers of two to at most this many columns while aligning"
                    + " (default ${DEFAULT-VALUE}).")
    private int workingColumns;

    @Override
    public Map<String, Object> optionDefaults() {
        return Map.of("--iterations", DEFAULTS.maxIterations(), "--tolerance", DEFAULTS.tolerancePx(),
                "--working-columns", DEFAULTS.maxWorkingColumns());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AlignModel model;
        try {
            model = org.edgewise.api.parameters.Parameters.validate(new AlignModel(iterations, tolerancePx,
                    workingColumns, DEFAULTS.lowPass()));
        } catch (InvalidParameterException e) {
            return PipelineExecution.fail(err, "align", PipelineExecution.INVALID, e.getMessage());
        }
        long start = System.nanoTime();
        AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(Scans.read(inputs)).align(model)
                .description("edgewise align " + inputs).plan();
        if (!plan.warning().isEmpty()) {
            err.println(plan.warning());
            err.flush();
        }
        return PipelineExecution.executeStaged("align", plan.pipeline(), Path.of("").toAbsolutePath(), out, err,
                spec.commandLine().getOut(), (result, staging) -> {
                    AlignmentReport.Summary summary = AlignmentReport.write(plan, result, staging,
                            StandardIo.charts());
                    describe(summary, err);
                    StringWriter text = new StringWriter();
                    PrintWriter o = new PrintWriter(text);
                    o.printf(Locale.ROOT, "Aligned %d scan(s), registered %d pair(s) in %.1f s%n",
                            summary.scans().size(), summary.pairs().size(), (System.nanoTime() - start) / 1e9);
                    if (!summary.warning().isEmpty()) {
                        o.println(summary.warning());
                    }
                    o.println("Wrote " + out.toAbsolutePath() + " (alignment.csv, registration.csv, aligned/, plots/,"
                            + " provenance.json, pipeline.json)");
                    o.flush();
                    return text.toString();
                });
    }

    /** One line per scan and per pair on stderr, as the evidence of what was found. */
    static void describe(AlignmentReport.Summary summary, PrintWriter err) {
        for (AlignmentReport.ScanResult scan : summary.scans()) {
            err.println(scan.describe());
        }
        for (AlignmentReport.PairResult pair : summary.pairs()) {
            err.println(pair.describe());
            String warning = pair.registration().warning();
            if (!warning.isEmpty()) {
                err.println("  warning: " + warning);
            }
        }
        err.flush();
    }
}
