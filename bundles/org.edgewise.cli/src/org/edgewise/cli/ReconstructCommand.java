package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.ScanSetCheck;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructionMethod;
import org.edgewise.recon.stages.SirtModel;
import org.edgewise.workflow.AlignmentReport;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scan;
import org.edgewise.workflow.Scans;
import org.edgewise.workflow.streaming.StreamingReconstruction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise reconstruct INPUT... --out DIR}: normalises, aligns (unless a centre is given) and reconstructs every
 * scan of a Data Exchange folder (or the files given) through one pipeline ({@link ReconstructWorkflow}); scans
 * already aligned by {@code edgewise align} are reconstructed as they are. Each energy pair's above-edge scan is
 * registered to its below-edge scan and reconstructed on the same grid. It writes {@code volumes.h5} (one volume
 * {@code [z, y, x]} in 1/µm per scan, named after its element and side, e.g. {@code ni_above}, with voxel size,
 * energy and units as attributes), {@code provenance.json} and the {@code pipeline.json} that was run, so that
 * {@code edgewise run pipeline.json} repeats it exactly.
 */
@Command(name = "reconstruct", sortOptions = false, defaultValueProvider = ModelDefaults.class,
        description = { "Normalise, align and reconstruct every scan of a Data Exchange folder into volumes.h5 (1/µm).",
                "Writes volumes.h5, provenance.json and the pipeline.json that was run, only when the whole run"
                        + " succeeded. Every scan is checked whole first; with registration on and several raw scans,"
                        + " each must belong to one energy pair." },
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE,
            ExitCodes.INPUT, ExitCodes.OUTPUT, ExitCodes.CANCELLED }, footer = { "", ExitCodes.VERBOSE })
final class ReconstructCommand implements Callable<Integer>, ModelDefaults.Source {

    static final String VOLUMES_FILE = "volumes.h5";
    static final String PIPELINE_FILE = AlignmentReport.PIPELINE_FILE;

    private static final ReconstructModel RECONSTRUCT = org.edgewise.api.parameters.Parameters
            .defaults(ReconstructModel.class);
    private static final SirtModel SIRT = org.edgewise.api.parameters.Parameters.defaults(SirtModel.class);
    private static final String SIRT_METHOD = "sirt";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Data Exchange files or folders of them.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: new, empty, or"
            + " holding an earlier reconstruct run (replaced whole).")
    private Path out;

    @Option(names = "--method", paramLabel = "NAME",
            description = "gridding (fast, default), fbp (filtered back-projection) or sirt (iterative).")
    private String method;

    @Option(names = "--filter", paramLabel = "NAME",
            description = "ramp, shepp-logan, cosine, hann or hamming (default ${DEFAULT-VALUE}).")
    private String filter;

    @Option(names = { "--centre", "--center" }, defaultValue = "auto", paramLabel = "auto|middle|PX",
            description = "Rotation axis: 'auto' (default) aligns each scan first (jitter and centre, as 'edgewise"
                    + " align'); 'middle' = the detector centre; or the axis column in pixels (0-based, fractional)."
                    + " Scans written by 'edgewise align' are already aligned and are reconstructed as they are."
                    + " (--center is the same option.)")
    private String centre;

    @Option(names = "--no-register", description = "Reconstruct every scan on its own grid. By default (with --centre"
            + " auto) each energy pair's above-edge scan is registered to its below-edge scan (shift, scale, sample"
            + " translation) and reconstructed on that scan's grid.")
    private boolean noRegister;

    @Option(names = "--bin", paramLabel = "2|4", defaultValue = "1",
            description = "Detector binning on input: every F × F block of pixels of the projections, flats and darks"
                    + " is averaged into one before normalisation, the pixel (and voxel) size grows F times; rows or"
                    + " columns beyond the last whole block are dropped. 1 (default) = none. A --centre column is in"
                    + " unbinned pixels.")
    private int bin;

    // measurement hooks of the streaming reconstruction (not yet a user option; 'edgewise analyze' chooses it from
    // its memory plan): reduction factor of the estimates' copy, and slab rows
    @Option(names = "--streaming-reduce", hidden = true, defaultValue = "0", paramLabel = "F")
    private int streamingReduce;

    @Option(names = "--streaming-slab-rows", hidden = true, defaultValue = "16", paramLabel = "ROWS")
    private int streamingSlabRows;

    @Option(names = "--ring", paramLabel = "PX",
            description = "Ring removal: width of the sinogram stripe filter in pixels, 0 = off"
                    + " (default ${DEFAULT-VALUE}).")
    private int ringWindowPx;

    @Option(names = "--iterations", description = "SIRT iterations (default ${DEFAULT-VALUE}).")
    private int iterations;

    @Override
    public Map<String, Object> optionDefaults() {
        return Map.of("--method", RECONSTRUCT.method().name().toLowerCase(Locale.ROOT), "--filter",
                RECONSTRUCT.filter().cliName(), "--ring", RECONSTRUCT.ringWindow(), "--iterations", SIRT.iterations());
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ReconstructWorkflow.Centre axis;
        try {
            axis = centre();
            workflow(List.of(), axis); // the options alone, before any file is read
        } catch (IllegalArgumentException e) {
            return PipelineExecution.fail(err, "reconstruct", PipelineExecution.INVALID, e.getMessage());
        }
        return PipelineExecution.execute("reconstruct", out, inputs, err, stdout, run -> {
            ScanSetCheck check = ScanSetCheck.of(inputs, axis.automatic() && !noRegister);
            run.warn(check.warnings());
            run.checkCancelled("after checking the inputs");
            if (streamingReduce > 0) {
                return streaming(run, axis);
            }
            ReconstructWorkflow.Plan plan = workflow(Scans.read(inputs), axis).plan();
            if (plan.alignment() != null && !plan.alignment().warning().isEmpty()) {
                run.warn(List.of(plan.alignment().warning()));
            }
            RunResult result = run.pipeline(plan.pipeline(), Path.of("").toAbsolutePath(), RunOptions.defaults(),
                    "");
            Files.move(result.resultsFile(), run.staging().resolve(VOLUMES_FILE));
            Pipelines.write(plan.pipeline(), run.staging().resolve(PIPELINE_FILE));
            return "wrote " + run.folder().resolve(VOLUMES_FILE) + " (" + plan.volumes().size() + " volumes), "
                    + run.folder().resolve(result.provenanceFile().getFileName().toString()) + " and "
                    + run.folder().resolve(PIPELINE_FILE) + System.lineSeparator();
        });
    }

    /** The volumes file through {@link StreamingReconstruction} (gridding or FBP only), no pipeline file. */
    private String streaming(PipelineExecution.Run run, ReconstructWorkflow.Centre axis) throws java.io.IOException {
        ReconstructWorkflow.Builder options = workflow(List.of(), axis);
        if (method.equalsIgnoreCase(SIRT_METHOD)) {
            throw new IllegalArgumentException("the streaming reconstruction does not run SIRT");
        }
        ReconstructionMethod reconstruction = ReconstructionMethod.valueOf(method.toUpperCase(Locale.ROOT));
        StreamingReconstruction.Settings settings = StreamingReconstruction.Settings.defaults()
                .withReductionFactor(streamingReduce).withSlabRows(streamingSlabRows).withBinning(options.binning())
                .withCentre(axis).withRegister(!noRegister).withReconstruct(new ReconstructModel(reconstruction,
                        FbpFilter.parse(filter), RECONSTRUCT.padding(), 0, ringWindowPx, streamingSlabRows));
        Path volumes = run.staging().resolve(VOLUMES_FILE);
        StreamingReconstruction.run(Scans.read(inputs), volumes, settings, run.monitor());
        return "wrote " + run.folder().resolve(VOLUMES_FILE) + " (streaming, reduced copy binned by "
                + streamingReduce + ", slabs of " + streamingSlabRows + " rows)" + System.lineSeparator();
    }

    /**
     * @param scans the scans (empty to check the options only)
     * @param axis  the rotation axis
     * @return the workflow of the options
     * @throws IllegalArgumentException naming the option that is invalid
     */
    ReconstructWorkflow.Builder workflow(List<Scan> scans, ReconstructWorkflow.Centre axis) {
        String methodName = method.toLowerCase(Locale.ROOT);
        ReconstructWorkflow.Builder builder = ReconstructWorkflow.builder().scans(scans).centre(axis)
                .register(!noRegister).description("edgewise reconstruct " + inputs);
        try {
            builder.binning(bin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bin must be 1, 2 or 4, was " + bin, e);
        }
        if (methodName.equals(SIRT_METHOD)) {
            try {
                return builder.sirt(new SirtModel(iterations, SIRT.relaxation(), SIRT.nonNegative(),
                        SIRT.centerOffsetPx()));
            } catch (InvalidParameterException e) {
                throw new IllegalArgumentException("--iterations: " + e.getMessage(), e);
            }
        }
        ReconstructionMethod reconstruction;
        try {
            reconstruction = ReconstructionMethod.valueOf(methodName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--method must be gridding, fbp or sirt, was '" + method + "'");
        }
        try {
            return builder.reconstruct(new ReconstructModel(reconstruction, FbpFilter.parse(filter),
                    RECONSTRUCT.padding(), RECONSTRUCT.centerOffsetPx(), ringWindowPx, RECONSTRUCT.slabRows()));
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException("--ring: " + e.getMessage(), e);
        }
    }

    private ReconstructWorkflow.Centre centre() {
        if (centre.equalsIgnoreCase("auto")) {
            return ReconstructWorkflow.Centre.auto();
        }
        if (centre.equalsIgnoreCase("middle")) {
            return ReconstructWorkflow.Centre.middle();
        }
        try {
            return ReconstructWorkflow.Centre.column(Double.parseDouble(centre));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--centre must be auto, middle or a column in pixels, was '" + centre
                    + "'");
        }
    }
}
