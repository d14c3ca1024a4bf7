package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.workflow.AlignWorkflow;
import org.edgewise.workflow.AlignmentReport;
import org.edgewise.workflow.Scans;
import org.edgewise.workflow.StandardIo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.edgewise.api.files.FileTrees;

/**
 * {@code edgewise bench align}: simulates a run with known jitter, rotation centres and magnification errors, aligns
 * and registers it exactly as {@code edgewise align} does (its {@link AlignWorkflow} through the runner), and compares every output with the truth, with the time
 * per scan. The truth of each output is what the data can determine (see {@link ProjectionAlignment}): the centre
 * {@code rotationCentrePx + x0} and the column jitter without its constant and {@code cos θ}/{@code sin θ} part;
 * a pair's true shift and sample translation follow from the two scans' geometry and alignments.
 */
@Command(name = "align", sortOptions = false,
        description = { "Simulate a run with known jitter, centres and magnification errors, align and register it,"
                + " and compare with the truth (times per scan, errors vs the issue's targets)." })
final class BenchAlignCommand implements Callable<Integer> {

    private static final double JITTER_TARGET_PX = 0.25;
    private static final double CENTRE_TARGET_PX = 0.25;
    private static final double SHIFT_TARGET_PX = 0.1;
    private static final double SCALE_TARGET = 5e-4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--preset", defaultValue = "63ni", description = "63ni, 80ni or 86ni (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--size", defaultValue = "128", description = "Detector rows = columns (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--angles", defaultValue = "180", description = "Projections over 180° (default ${DEFAULT-VALUE}).")
    private int angles;

    @Option(names = "--flux", defaultValue = "2e4", description = "Counts per pixel (default ${DEFAULT-VALUE}).")
    private double flux;

    @Option(names = "--particles", defaultValue = "2", description = "Particles (default ${DEFAULT-VALUE}).")
    private int particles;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--jitter", defaultValue = "1", paramLabel = "PX",
            description = "σ of the stage jitter, pixels (default ${DEFAULT-VALUE}).")
    private double jitterPx;

    @Option(names = "--centre-offset", defaultValue = "10", paramLabel = "PX",
            description = "Largest rotation-centre offset, pixels (default ${DEFAULT-VALUE}).")
    private double centreOffsetPx;

    @Option(names = "--subsamples", defaultValue = "1",
            description = "Rays per pixel edge in the simulation (default ${DEFAULT-VALUE}).")
    private int subsamples;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Keep the simulated scans and the alignment output here (default: a temporary folder).")
    private Path keep;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = keep != null ? keep : Files.createTempDirectory("edgewise-bench-align");
        try {
            SimulationSettings settings = new SimulationSettings(Architecture.preset(preset), size, angles, flux,
                    particles, seed, 0, jitterPx, centreOffsetPx, 0.003, true, subsamples, false);
            Simulator.Result simulated = Simulator.run(settings, dir.resolve("scans"), line -> { });
            long start = System.nanoTime();
            AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(Scans.read(List.of(dir.resolve("scans"))))
                    .plan();
            AlignmentReport.Summary[] aligned = new AlignmentReport.Summary[1];
            int status = PipelineExecution.execute("bench align", dir.resolve("aligned"), List.of(dir.resolve(
                    "scans")), err, o, run -> {
                        RunResult result = run.pipeline(plan.pipeline(), dir, RunOptions.defaults(),
                                AlignCommand.RUN_FOLDER);
                        aligned[0] = AlignmentReport.write(plan, result, run.staging(), StandardIo.charts());
                        AlignCommand.describe(aligned[0], err);
                        return null;
                    });
            if (status != 0) {
                return status;
            }
            AlignmentReport.Summary summary = aligned[0];
            double total = (System.nanoTime() - start) / 1e9;
            o.printf(Locale.ROOT, "# edgewise bench align: %s, %d×%d×%d, flux %.0f, %d particle(s), seed %d, jitter %.2f"
                    + " px, centre offsets ≤ %.1f px, subsamples %d; %s%n", preset, angles, size, size, flux,
                    particles, seed, jitterPx, centreOffsetPx, subsamples, machine());
            o.println("| scan | time | centre | measurable | error | rows RMS | columns RMS |");
            o.println("|---|---|---|---|---|---|---|");
            double worstCentre = 0;
            double worstJitter = 0;
            for (AlignmentReport.ScanResult s : summary.scans()) {
                Simulator.ScanTruth t = truth(simulated, s.name());
                ProjectionAlignment.Result a = s.alignment();
                double measurable = ProjectionAlignment.identifiableCentre(t.rotationCentrePx(), t.jitterColPx(),
                        s.anglesDeg());
                double rows = rmsAfterOffset(a.shiftRowPx(), t.jitterRowPx());
                double columns = rmsAfterOffset(sinusoidResidual(a.shiftColPx(), s.anglesDeg()),
                        sinusoidResidual(t.jitterColPx(), s.anglesDeg()));
                worstCentre = Math.max(worstCentre, Math.abs(a.centreColumnPx() - measurable));
                worstJitter = Math.max(worstJitter, Math.max(rows, columns));
                o.printf(Locale.ROOT, "| %s | %.1f s | %.3f | %.3f | %+.3f px | %.3f px | %.3f px |%n", s.name(),
                        s.seconds(), a.centreColumnPx(), measurable, a.centreColumnPx() - measurable, rows, columns);
            }
            o.println();
            o.println("| pair | method | scale | truth | error | shift error (rows, columns) | translation error |");
            o.println("|---|---|---|---|---|---|---|");
            double worstScale = 0;
            double worstShift = 0;
            for (AlignmentReport.PairResult p : summary.pairs()) {
                Simulator.ScanTruth tr = truth(simulated, p.reference());
                Simulator.ScanTruth tm = truth(simulated, p.moving());
                AlignmentReport.ScanResult sr = scan(summary, p.reference());
                AlignmentReport.ScanResult sm = scan(summary, p.moving());
                Registration.Result r = p.registration();
                double trueScale = tm.scale() / tr.scale();
                double k = trueScale * r.nominalScale();
                double[] fr = ProjectionAlignment.jitterSinusoid(tr.jitterColPx(), sr.anglesDeg());
                double[] fm = ProjectionAlignment.jitterSinusoid(tm.jitterColPx(), sm.anglesDeg());
                double rowShift = mean(tm.jitterRowPx()) - k * mean(tr.jitterRowPx());
                double columnShift = k * (sr.alignment().centreColumnPx() - tr.rotationCentrePx() - fr[0])
                        - (sm.alignment().centreColumnPx() - tm.rotationCentrePx() - fm[0]);
                double[] shiftError = { r.shiftPx()[0] - rowShift, r.shiftPx()[1] - columnShift };
                double[] translationError = { r.translationPx()[0] - (fm[1] - k * fr[1]),
                    r.translationPx()[1] - (fm[2] - k * fr[2]) };
                double scaleError = r.scale() / trueScale - 1;
                worstScale = Math.max(worstScale, Math.abs(scaleError));
                worstShift = Math.max(worstShift, Math.max(Math.abs(shiftError[0]), Math.abs(shiftError[1])));
                o.printf(Locale.ROOT, "| %s | %s%s | %.6f ± %.6f | %.6f | %+.4f %% | %+.4f, %+.4f px | %+.3f, %+.3f px"
                        + " |%n", p.element(), r.method(), r.method().startsWith(Registration.LANDMARKS)
                                ? " (" + r.landmarks() + ")" : "", r.scale(), r.scaleUncertainty(), trueScale,
                        100 * scaleError, shiftError[0], shiftError[1], translationError[0], translationError[1]);
            }
            o.println();
            o.printf(Locale.ROOT, "align + register: %.1f s for %d scans%n", total, summary.scans().size());
            o.printf(Locale.ROOT, "targets: jitter ≤ %.2f px RMS: worst %.3f px %s; centre ≤ %.2f px: worst %.3f px %s;"
                    + " pair shift ≤ %.2f px: worst %.3f px %s; scale ≤ %.2f %%: worst %.4f %% %s%n",
                    JITTER_TARGET_PX, worstJitter, met(worstJitter <= JITTER_TARGET_PX), CENTRE_TARGET_PX,
                    worstCentre, met(worstCentre <= CENTRE_TARGET_PX), SHIFT_TARGET_PX, worstShift,
                    met(worstShift <= SHIFT_TARGET_PX), 100 * SCALE_TARGET, 100 * worstScale,
                    met(worstScale <= SCALE_TARGET));
            return 0;
        } finally {
            if (keep == null) {
                FileTrees.delete(dir);
            }
        }
    }

    /** @return Edgewise and Java versions, cores and the load average (Linux), for the benchmark record */
    private static String machine() {
        RuntimeInfo info = RuntimeInfo.current();
        String load = "n/a";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0];
        } catch (IOException | RuntimeException e) {
            // not Linux: the load is simply not reported
        }
        return String.format(Locale.ROOT, "Edgewise %s, Java %s, %d cores, load %s", info.edgewiseVersion(),
                info.javaVersion(), info.availableProcessors(), load);
    }

    private static String met(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    private static Simulator.ScanTruth truth(Simulator.Result simulated, String scanName) {
        return simulated.truth().scans().stream().filter(t -> t.file().equals(scanName + ".h5")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no truth for " + scanName));
    }

    private static AlignmentReport.ScanResult scan(AlignmentReport.Summary summary, String name) {
        return summary.scans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** @return the values minus their least-squares fit {@code x0 + x1 cos θ + x2 sin θ} */
    private static double[] sinusoidResidual(double[] values, double[] anglesDeg) {
        double[] fit = ProjectionAlignment.jitterSinusoid(values, anglesDeg);
        double[] residual = new double[values.length];
        for (int a = 0; a < values.length; a++) {
            double t = Math.toRadians(anglesDeg[a]);
            residual[a] = values[a] - fit[0] - fit[1] * Math.cos(t) - fit[2] * Math.sin(t);
        }
        return residual;
    }

    private static double rmsAfterOffset(double[] estimate, double[] truth) {
        double offset = mean(estimate) - mean(truth);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = estimate[i] - truth[i] - offset;
            sum += d * d;
        }
        return Math.sqrt(sum / truth.length);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
