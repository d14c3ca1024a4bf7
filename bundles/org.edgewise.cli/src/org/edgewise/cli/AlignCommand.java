package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.align.AlignmentOptions;
import org.edgewise.align.AlignmentRun;
import org.edgewise.align.PngCharts;
import org.edgewise.io.DataFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise align INPUT... --out DIR}: normalises, aligns (jitter and rotation centre) and registers (energy
 * pairs) every scan of Data Exchange files or folders; writes {@code alignment.csv}, {@code registration.csv},
 * {@code aligned/*.h5} and PNG plots ({@link AlignmentRun}). Exit codes: 0 success, 1 unreadable or invalid data
 * (one line naming the file), 2 command-line errors.
 */
@Command(name = "align", sortOptions = false,
        description = { "Normalise, align (stage jitter and rotation centre) and register (energy pairs) every scan"
                + " of Data Exchange files or folders. Writes alignment.csv, registration.csv, the aligned"
                + " projections (aligned/*.h5) and PNG plots (plots/); the input files are never changed." })
final class AlignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Data Exchange files or folders of them.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--iterations", defaultValue = "12",
            description = "Re-projection iterations at most (default ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--tolerance", defaultValue = "0.01", paramLabel = "PX",
            description = "Stop when the RMS shift update is below this, pixels (default ${DEFAULT-VALUE}).")
    private double tolerancePx;

    @Option(names = "--working-columns", defaultValue = "256",
            description = "Bin wider scans by powers of two to at most this many columns while aligning"
                    + " (default ${DEFAULT-VALUE}).")
    private int workingColumns;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        AlignmentOptions options;
        try {
            options = new AlignmentOptions(iterations, tolerancePx, workingColumns, AlignmentOptions.DEFAULTS
                    .lowPass());
        } catch (IllegalArgumentException e) {
            err.println("edgewise align: " + e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        AlignmentRun.Summary summary;
        try {
            summary = AlignmentRun.run(inputs, out, options, new PngCharts(), line -> {
                err.println(line);
                err.flush();
            }, null);
        } catch (DataFileException e) {
            err.println("edgewise align: " + e.getMessage());
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("edgewise align: no such file or folder: " + e.getFile());
            return 1;
        }
        o.printf(Locale.ROOT, "Aligned %d scan(s), registered %d pair(s) in %.1f s%n", summary.scans().size(),
                summary.pairs().size(), (System.nanoTime() - start) / 1e9);
        if (!summary.warning().isEmpty()) {
            o.println(summary.warning());
        }
        o.println("Wrote " + out.toAbsolutePath() + " (alignment.csv, registration.csv, aligned/, plots/)");
        return 0;
    }
}
