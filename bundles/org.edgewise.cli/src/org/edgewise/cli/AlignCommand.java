package org.edgewise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.ScanSetCheck;
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
 * {@code pipeline.json} ({@link AlignmentReport}), all only when the whole run succeeded. Every scan is checked
 * whole before any work ({@link ScanSetCheck}: with several scans each must belong to one energy pair). Exit codes:
 * {@link ExitCodes}.
 */
@Command(name = "align", sortOptions = false, defaultValueProvider = ModelDefaults.class,
        description = { "Normalise, align (stage jitter and rotation centre) and register (energy pairs) every scan"
                + " of Data Exchange files or folders. Writes alignment.csv, registration.csv, the aligned"
                + " projections (aligned/*.h5), PNG plots (plots/), provenance.json and the pipeline.json that was"
                + " run; the input files are never changed.",
            "Every scan is checked whole first; with several scans, each must belong to one energy pair (one scan"
                + " below and one above the Mn, Co or Ni K edge)." },
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE,
            ExitCodes.INPUT, ExitCodes.OUTPUT, ExitCodes.CANCELLED }, footer = { "", ExitCodes.VERBOSE })
final class AlignCommand implements Callable<Integer>, ModelDefaults.Source {

    private static final AlignModel DEFAULTS = org.edgewise.api.parameters.Parameters.defaults(AlignModel.class);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Data Exchange files or folders of them.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: new, empty, or"
            + " holding an earlier align run (replaced whole).")
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
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AlignModel model;
        try {
            model = org.edgewise.api.parameters.Parameters.validate(new AlignModel(iterations, tolerancePx,
                    workingColumns, DEFAULTS.lowPass()));
        } catch (InvalidParameterException e) {
            return PipelineExecution.fail(err, "align", PipelineExecution.INVALID, e.getMessage());
        }
        long start = System.nanoTime();
        return PipelineExecution.execute("align", out, inputs, err, spec.commandLine().getOut(), run -> {
            ScanSetCheck check = ScanSetCheck.of(inputs, true);
            run.warn(check.warnings());
            run.checkCancelled("after checking the inputs");
            AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(Scans.read(inputs)).align(model)
                    .description("edgewise align " + inputs).plan();
            if (!plan.warning().isEmpty()) {
                run.warn(List.of(plan.warning()));
            }
            RunResult result = run.pipeline(plan.pipeline(), Path.of("").toAbsolutePath(), RunOptions.defaults(),
                    RUN_FOLDER);
            AlignmentReport.Summary summary = AlignmentReport.write(plan, result, run.staging(), StandardIo.charts());
            describe(summary, err);
            run.recordWarnings(result, convergence(summary, model));
            StringWriter text = new StringWriter();
            PrintWriter o = new PrintWriter(text);
            o.printf(Locale.ROOT, "Aligned %d scan(s), registered %d pair(s) in %.1f s%n", summary.scans().size(),
                    summary.pairs().size(), (System.nanoTime() - start) / 1e9);
            o.println("Wrote " + run.folder() + " (alignment.csv, registration.csv, aligned/, plots/,"
                    + " provenance.json, pipeline.json)");
            o.flush();
            return text.toString();
        });
    }

    /**
     * An alignment whose last update still moved the projections by more than this RMS, pixels, did not find the
     * jitter: an error. Below it, an alignment that stopped before its tolerance is a warning.
     */
    static final double MAX_UNCONVERGED_UPDATE_PX = 0.5;

    /**
     * @return a warning per scan whose alignment stopped before it converged
     * @throws PipelineException if one stopped far from convergence
     */
    static List<String> convergence(AlignmentReport.Summary summary, AlignModel model) throws PipelineException {
        List<String> warnings = new java.util.ArrayList<>();
        for (AlignmentReport.ScanResult scan : summary.scans()) {
            ProjectionAlignment.Result a = scan.alignment();
            if (a.converged()) {
                continue;
            }
            if (!(a.lastUpdateRmsPx() <= MAX_UNCONVERGED_UPDATE_PX)) {
                throw new PipelineException(String.format(Locale.ROOT, "%s: the alignment did not converge: its last"
                        + " update still moved the projections by %.3f px RMS after %d iteration(s) (at most %.1f px"
                        + " is accepted); check the scan for damaged projections or raise --iterations", scan.name(),
                        a.lastUpdateRmsPx(), a.iterations(), MAX_UNCONVERGED_UPDATE_PX));
            }
            warnings.add(String.format(Locale.ROOT, "%s: the alignment stopped before it converged: last update"
                    + " %.4f px RMS after %d iteration(s), tolerance %.4f px; its shifts and centre are uncertain by"
                    + " about that much", scan.name(), a.lastUpdateRmsPx(), a.iterations(), model.tolerancePx()));
        }
        return warnings;
    }

    /** Where the run's own results file goes inside the staging folder: hidden, so it is not kept. */
    static final String RUN_FOLDER = ".run";

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
