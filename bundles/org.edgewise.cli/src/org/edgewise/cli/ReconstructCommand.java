package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.recon.stages.ReconstructionMethod;
import org.edgewise.recon.stages.SirtModel;
import org.edgewise.workflow.AlignmentReport;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scans;

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
                "Writes volumes.h5, provenance.json and the pipeline.json that was run." })
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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
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
        ReconstructWorkflow.Plan plan;
        try {
            plan = workflow().plan();
        } catch (IllegalArgumentException | IOException e) {
            return PipelineExecution.fail(err, "reconstruct", PipelineExecution.INVALID, e.getMessage());
        }
        if (plan.alignment() != null && !plan.alignment().warning().isEmpty()) {
            err.println("edgewise reconstruct: " + plan.alignment().warning());
            err.flush();
        }
        return PipelineExecution.execute("reconstruct", plan.pipeline(), Path.of("").toAbsolutePath(), out,
                RunOptions.defaults(), err, result -> {
                    Path volumes = result.resultsFile().resolveSibling(VOLUMES_FILE);
                    Files.move(result.resultsFile(), volumes, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    Pipelines.write(plan.pipeline(), out.resolve(PIPELINE_FILE));
                    stdout.println("wrote " + volumes + " (" + plan.volumes().size() + " volumes), "
                            + result.provenanceFile() + " and " + out.resolve(PIPELINE_FILE));
                });
    }

    /** @return the workflow of the options and inputs */
    ReconstructWorkflow.Builder workflow() throws IOException {
        String methodName = method.toLowerCase(Locale.ROOT);
        ReconstructWorkflow.Builder builder = ReconstructWorkflow.builder().scans(Scans.read(inputs))
                .centre(centre()).register(!noRegister).description("edgewise reconstruct " + inputs);
        if (methodName.equals(SIRT_METHOD)) {
            return builder.sirt(new SirtModel(iterations, SIRT.relaxation(), SIRT.nonNegative(),
                    SIRT.centerOffsetPx()));
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
