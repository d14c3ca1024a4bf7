package org.edgewise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.core.StageRegistries;
import org.edgewise.gradient.DepthStatistics;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.gradient.stages.ProfilesModel;
import org.edgewise.segment.DepthMaps;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;
import org.edgewise.workflow.streaming.MemoryOptions;
import org.edgewise.workflow.streaming.MemoryPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise analyze INPUT --out DIR}: the options as {@link AnalysisParameters}, then {@link Analysis#runInto}
 * (the whole chain on a folder of Data Exchange files, or on the {@code volumes.h5} of {@code edgewise reconstruct},
 * writing {@link Analysis#FILES} into DIR), run like every other command ({@link PipelineExecution}: DIR locked at
 * once, every input checked before any work, one progress line on stderr, the results moved into place only when
 * everything succeeded, Ctrl-C leaves nothing), and a Table-1 summary at the end. Exit codes are those of every
 * command ({@link org.edgewise.core.pipeline.Failures.Kind}): 0 done; 1 the run failed (also when segmentation leaves
 * no particle); 2 invalid options (also a malformed {@code --memory} or {@code --bin 3}); 3 an input cannot be used
 * (also no particle in the field of view, or data larger than {@code --memory} can take: "needs 7.2 GB of memory for
 * ..., has 4.0 GB"); 4 the output folder or the scratch folder cannot be used (locked by another run, not writable,
 * holds other files, too little free space); 130 cancelled. Every failure is one line naming the file and the
 * problem, and leaves nothing. {@code --memory}, {@code --scratch}, {@code --bin} and {@code --streaming} become
 * {@link MemoryOptions}: the {@link MemoryPlan} decides between the in-memory and the streaming path.
 */
@Command(name = "analyze", sortOptions = false,
        description = { "Depth profiles and Table-1 metrics of every particle from a folder of Data Exchange files"
                + " (or the volumes.h5 of 'edgewise reconstruct'): particles.csv, profiles.csv, metrics.csv,"
                + " alignment.csv, registration.csv, results.h5, provenance.json, report.html." },
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE,
            ExitCodes.INPUT, ExitCodes.OUTPUT, ExitCodes.CANCELLED }, footer = { "",
                "No particle in the field of view of the Ni above-edge scan is an input that cannot be used (3);"
                        + " no particle left by segmentation stops the run at the profiles step (1). Nothing is"
                        + " written in either case.",
                "Data larger than --memory can take fail before any work with 'needs X GB of memory for ...,"
                        + " has Y GB (--memory or -Xmx)' (3); a scratch folder that is missing, not writable or"
                        + " has too little free space is refused like an output folder (4).", ExitCodes.VERBOSE })
final class AnalyzeCommand implements Callable<Integer> {

    static final List<String> OUTPUTS = Analysis.FILES;

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "A folder (or files) of Data Exchange scans, or the volumes.h5 of 'edgewise reconstruct'.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--surface-level", defaultValue = "0.5", paramLabel = "F",
            description = "Particle surface at background + F·(material − background) of the Ni above-edge volume"
                    + " (default ${DEFAULT-VALUE}).")
    private double surfaceLevel;

    @Option(names = "--dilate-um", defaultValue = "0", paramLabel = "UM",
            description = "Grow each particle before its hull is taken, µm (default ${DEFAULT-VALUE}).")
    private double dilateUm;

    @Option(names = "--depth-offset", defaultValue = "" + DepthMaps.DEFAULT_DEPTH_OFFSET_VOXELS, paramLabel = "VOX",
            description = "Depth = distance to the nearest voxel outside the hull minus this, voxels"
                    + " (default ${DEFAULT-VALUE}).")
    private double depthOffsetVoxels;

    @Option(names = "--cluster", defaultValue = "" + DepthStatistics.DEFAULT_CLUSTER_VOXELS, paramLabel = "VOX",
            description = "Cluster edge of the effective-sample-size estimate, voxels; 1 treats voxels as"
                    + " independent (default ${DEFAULT-VALUE}).")
    private int clusterVoxels;

    @Option(names = "--resolution", defaultValue = "" + DepthStatistics.DEFAULT_RESOLUTION_VOXELS, paramLabel = "VOX",
            description = "σ of the voxels' depth error, voxels: the profile's curvature × ½σ² joins each standard"
                    + " error; 0 = off (default ${DEFAULT-VALUE}).")
    private double resolutionVoxels;

    @Option(names = "--confidence", defaultValue = "0.99", description = "Confidence level (default ${DEFAULT-VALUE}).")
    private double confidence;

    @Option(names = "--lithium", defaultValue = "1.0", paramLabel = "L",
            description = "Li per formula unit of Li(L)TMO2 for the calibrated fraction (default ${DEFAULT-VALUE}).")
    private double lithium;

    @Option(names = "--edge", defaultValue = "0.25,0.30", paramLabel = "FROM,TO",
            description = "Edge point window, µm (default ${DEFAULT-VALUE}).")
    private String edge;

    @Option(names = "--core", defaultValue = "1.95,2.00", paramLabel = "FROM,TO",
            description = "Core point window, µm (default ${DEFAULT-VALUE}).")
    private String core;

    @Option(names = "--region", defaultValue = "0.25,2.00", paramLabel = "FROM,TO",
            description = "Comparison region of the highest value and max − min, µm (default ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--no-register", description = "Take the Mn and Co volumes as they are instead of registering"
            + " them to the Ni grid in 3-D.")
    private boolean noRegister;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory to stay within, as -Xmx takes it (e.g. 4g,"
            + " 512m; 1g = 1024³ bytes); at most the JVM's maximum heap (default: that heap, set with"
            + " EDGEWISE_JAVA_OPTS=-Xmx...). Decides in-memory or streaming, reduced copies and slab sizes.")
    private String memory;

    @Option(names = "--scratch", paramLabel = "DIR", description = "Existing folder for the streaming path's volumes"
            + " file and temporary files (default: inside the output's hidden staging folder); its free space is"
            + " checked before the run, and what is written there is deleted afterwards.")
    private Path scratch;

    @Option(names = "--bin", defaultValue = "1", paramLabel = "N", description = "Detector binning on input: 2 or 4"
            + " (each N×N block of pixels averaged, flats and darks alike; pixel size × N; 1 = none, the default).")
    private int bin;

    @Option(names = "--streaming", defaultValue = "auto", paramLabel = "MODE", description = "auto (in memory when"
            + " the data fit --memory, else streaming: slab by slab and particle by particle through the scratch"
            + " folder), on or off (default ${DEFAULT-VALUE}).")
    private String streaming;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        AnalysisParameters parameters;
        MemoryOptions memoryOptions;
        try {
            parameters = parameters();
            memoryOptions = memoryOptions(Runtime.getRuntime().maxMemory());
        } catch (IllegalArgumentException e) {
            return PipelineExecution.fail(err, "analyze", PipelineExecution.INVALID, e.getMessage());
        }
        return PipelineExecution.execute("analyze", out, inputs, err, o, run -> {
            Analysis.Result r = Analysis.runInto(inputs, run.staging(), run.folder(), parameters, memoryOptions,
                    StageRegistries.fromExtensions(), run.monitor());
            run.warn(r.warnings());
            StringWriter text = new StringWriter();
            PrintWriter summary = new PrintWriter(text);
            summary(summary, r);
            for (String warning : r.warnings()) {
                summary.println("WARNING: " + warning);
            }
            summary.printf(Locale.ROOT, "Wrote %s in %.1f s; open %s%n", r.out(), r.seconds(), r.report());
            summary.flush();
            return text.toString();
        });
    }

    /** @return the options as the stages' parameters */
    AnalysisParameters parameters() {
        double[] e = window(edge, "--edge");
        double[] c = window(core, "--core");
        double[] g = window(region, "--region");
        AnalysisParameters d = AnalysisParameters.defaults();
        ParticlesModel p = d.particles();
        ProfilesModel q = d.profiles();
        try {
            return new AnalysisParameters(
                    Parameters.validate(new ParticlesModel(p.method(), p.threshold(), p.openRadiusUm(),
                            p.minVolumeUm3(), p.hUm(), dilateUm, surfaceLevel, depthOffsetVoxels)),
                    Parameters.validate(new ProfilesModel(q.binUm(), clusterVoxels, confidence, lithium,
                            q.tolerance(), resolutionVoxels)),
                    Parameters.validate(new MetricsModel(e[0], e[1], c[0], c[1], g[0], g[1])), !noRegister);
        } catch (InvalidParameterException x) {
            throw new IllegalArgumentException(x.getMessage(), x);
        }
    }

    /**
     * @param maxHeapBytes the JVM's maximum heap: the default budget, and the largest {@code --memory} accepted
     * @return {@code --memory}, {@code --scratch}, {@code --bin} and {@code --streaming}
     * @throws IllegalArgumentException naming the option and what it accepts
     */
    MemoryOptions memoryOptions(long maxHeapBytes) {
        long budget = memory == null ? maxHeapBytes : MemoryPlan.parseSize(memory);
        if (budget > maxHeapBytes) {
            throw new IllegalArgumentException("--memory " + memory + " is more than the JVM's maximum heap of "
                    + MemoryPlan.formatSize(maxHeapBytes) + "; give less, or raise the heap (EDGEWISE_JAVA_OPTS=-Xmx"
                    + memory + ")");
        }
        if (bin != 1 && bin != 2 && bin != 4) {
            throw new IllegalArgumentException("--bin must be 2 or 4 (or 1: no binning), was " + bin);
        }
        return new MemoryOptions(budget, scratch, bin, MemoryPlan.Choice.parse(streaming));
    }

    private static double[] window(String text, String option) {
        String[] parts = text.split(",");
        try {
            double a = Double.parseDouble(parts[0].trim());
            double b = Double.parseDouble(parts[1].trim());
            if (parts.length == 2 && a >= 0 && b >= a) {
                return new double[] { a, b };
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be FROM,TO in µm with 0 ≤ FROM ≤ TO, was '" + text + "'");
    }

    /** @return a CI half-width for the terminal: 4 decimals, or n/a when unbounded */
    private static String halfWidth(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
    }

    /** The Table-1 summary on the terminal. */
    static void summary(PrintWriter o, Analysis.Result r) {
        o.println();
        o.printf(Locale.ROOT, "%d particle(s); Table 1 (99 %% CI half-widths; ratio = the paper's Eq. 1, fraction ="
                + " calibrated atomic fraction):%n", r.particles().size());
        o.println("particle element quantity   edge (0.25-0.30um)   core (1.95-2.00um)   core-edge   max-min");
        boolean unbounded = false;
        for (ProfileMetrics.Metric m : r.metrics()) {
            o.printf(Locale.ROOT, "%8d %7s %-9s %8.4f ± %-6s    %8.4f ± %-6s    %+8.4f   %7.4f%n", m.particle(),
                    m.element().symbol(), m.quantity().id(), m.edge().value(), halfWidth(m.edge().halfWidth()),
                    m.core().value(), halfWidth(m.core().halfWidth()), m.coreMinusEdge().value(), m.maxMinusMin());
            unbounded |= Double.isInfinite(m.edge().halfWidth()) || Double.isInfinite(m.core().halfWidth());
        }
        if (unbounded) {
            o.println("n/a: the window holds fewer than two independent clusters of voxels (the particle is too small"
                    + " for that depth), so its interval is unbounded (Infinity in metrics.csv)");
        }
        for (Analysis.Particle p : r.particles()) {
            if (p.cutByFieldOfView()) {
                o.printf(Locale.ROOT, "particle %d touches a face of the volume (cut by the field of view): its"
                        + " profiles miss part of the particle%n", p.label());
            }
        }
    }
}
