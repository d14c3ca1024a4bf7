package org.edgewise.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edgewise batch MANIFEST --out DIR}: every run of the manifest through the analysis on Apache Spark, then
 * {@code summary.csv}, {@code particles.csv} and {@code batch-report.html} in DIR (docs/batch.md). Exit status 0
 * when every run finished, 1 when a run failed, 2 for a bad command line or manifest, 130 when cancelled (Ctrl-C).
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Runs every run of a manifest (CSV or JSON) through 'edgewise analyze' on Apache Spark and"
                + " compares them: DIR/<name>/ per run, DIR/summary.csv, DIR/particles.csv, DIR/batch-report.html." })
public final class BatchMain implements Callable<Integer> {

    /** The analysis the batch runs unless {@code --analysis} names another: the entry point of edgewise analyze. */
    public static final String DEFAULT_ANALYSIS = "org.edgewise.batch.AnalyzeRunAnalysis";

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The runs: a .csv or .json file (docs/batch.md).")
    private Path manifestFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created if needed), on a file system every executor sees.")
    private Path out;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master: local[*] (default), local[N], or spark://HOST:PORT of a standalone cluster.")
    private String master;

    @Option(names = "--parallel", defaultValue = "0", paramLabel = "N",
            description = "At most N runs at once (default: one per core Spark has).")
    private int parallel;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. spark.executor.memory=8g (repeatable).")
    private Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--redo-failed", description = "Also try again the runs that failed before with the same inputs"
            + " and parameters (by default they are reported again, not recomputed).")
    private boolean redoFailed;

    @Option(names = "--analysis", paramLabel = "CLASS", hidden = true, defaultValue = DEFAULT_ANALYSIS,
            description = "The RunAnalysis class (tests and development).")
    private String analysis;

    private final PrintStream terminal;
    private final PrintStream errors;

    /** A command printing to the process's standard output and error. */
    public BatchMain() {
        this(System.out, System.err);
    }

    BatchMain(PrintStream terminal, PrintStream errors) {
        this.terminal = terminal;
        this.errors = errors;
    }

    /** @param args the command line after {@code edgewise batch} */
    public static void main(String[] args) {
        System.exit(execute(new BatchMain(), args));
    }

    /**
     * Parses and runs one command line, with the exit statuses and one-line errors of {@code edgewise}'s other
     * commands: an unexpected exception is one line (the stack trace only with {@code -Dedgewise.debug=true}).
     *
     * @param command the command
     * @param args    the arguments after {@code edgewise batch}
     * @return the exit status
     */
    static int execute(BatchMain command, String[] args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(command.terminal, true));
        commandLine.setErr(new PrintWriter(command.errors, true));
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            command.errors.println("edgewise batch: " + RunTask.oneLine(exception));
            if (Boolean.getBoolean("edgewise.debug")) {
                exception.printStackTrace(command.errors);
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (parallel < 0) {
            errors.println("edgewise batch: --parallel must be 0 or more, was " + parallel);
            return 2;
        }
        String problem = SparkMasters.check(master);
        if (problem == null) {
            problem = checkOut(out);
        }
        if (problem != null) {
            errors.println("edgewise batch: " + problem);
            return 2;
        }
        RunAnalysis check;
        try {
            check = RunAnalyses.create(analysis);
        } catch (IllegalArgumentException e) {
            errors.println("edgewise batch: " + e.getMessage());
            return 2;
        }
        BatchManifest manifest;
        try {
            manifest = BatchManifest.read(manifestFile, check::checkParameters);
        } catch (ManifestException e) {
            errors.println("edgewise batch: " + e.getMessage());
            return 2;
        }
        // an unreachable master would otherwise cost a minute of Spark's retries and stack traces
        problem = SparkMasters.reach(master);
        if (problem != null) {
            errors.println("edgewise batch: " + problem);
            return 2;
        }
        BatchRunner runner = new BatchRunner(manifest, out,
                new BatchRunner.Options(master, parallel, conf, analysis, redoFailed), terminal);
        Interrupts.onCtrlC(() -> {
            terminal.println("[edgewise batch] cancelling: running tasks are stopped, finished runs stay"
                    + " (Ctrl-C again to quit at once)");
            runner.cancel();
        });
        BatchRunner.Result result;
        try {
            result = runner.run();
        } catch (BatchRunner.SparkStartException e) {
            errors.println("edgewise batch: Spark did not start: " + RunTask.oneLine(e.getCause()));
            return 2;
        }
        summary(result, manifest);
        if (result.cancelled()) {
            return 130;
        }
        return result.failed() > 0 ? 1 : 0;
    }

    /** @return null when DIR is (or can become) a writable folder, else one line saying why not */
    static String checkOut(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "--out " + dir + ": no such folder";
        }
        if (!Files.isDirectory(existing)) {
            return "--out " + dir + ": " + existing + " is a file, not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "--out " + dir + ": " + existing + " is not writable";
        }
        return null;
    }

    private void summary(BatchRunner.Result result, BatchManifest manifest) {
        terminal.println();
        terminal.printf(Locale.ROOT, "%-24s %-10s %9s  %s%n", "run", "status", "time (s)", "where / reason");
        List<RunOutcome> outcomes = result.outcomes();
        for (RunOutcome o : outcomes) {
            terminal.printf(Locale.ROOT, "%-24s %-10s %9.1f  %s%n", o.name(),
                    o.status().id() + (o.unchanged() ? "*" : ""), o.seconds(),
                    o.status() == RunOutcome.Status.DONE ? o.where() : o.error());
        }
        if (outcomes.stream().anyMatch(RunOutcome::unchanged)) {
            terminal.println("* unchanged inputs and parameters: not computed again");
        }
        terminal.printf(Locale.ROOT, "%d runs in %.1f s; wrote %s, %s, %s in %s%n", manifest.runs().size(),
                result.seconds(), BatchFiles.SUMMARY, BatchFiles.PARTICLES, BatchFiles.REPORT, out.toAbsolutePath());
    }
}
