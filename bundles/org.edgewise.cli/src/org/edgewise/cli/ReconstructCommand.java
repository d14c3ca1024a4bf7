package org.edgewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineStep;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ScanGroups;
import org.edgewise.recon.FbpFilter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise reconstruct INPUT... --out DIR}: normalises, aligns (unless a centre is given) and reconstructs every
 * scan of a Data Exchange folder (or the files given) through one pipeline; scans already aligned by
 * {@code edgewise align} are reconstructed as they are. Each energy pair's above-edge scan is registered to its
 * below-edge scan and reconstructed on the same grid. It writes {@code volumes.h5} (one volume {@code [z, y, x]} in 1/µm per
 * scan, named after its element and side, e.g. {@code ni_above}, with voxel size, energy and units as attributes),
 * {@code provenance.json} and the {@code pipeline.json} that was run, so that {@code edgewise run pipeline.json}
 * repeats it exactly.
 */
@Command(name = "reconstruct", sortOptions = false,
        description = { "Normalise, align and reconstruct every scan of a Data Exchange folder into volumes.h5 (1/µm).",
                "Writes volumes.h5, provenance.json and the pipeline.json that was run." })
final class ReconstructCommand implements Callable<Integer> {

    static final String NORMALISE_STAGE = "edgewise.align.normalise";
    static final String ALIGN_STAGE = "edgewise.align.projections";
    static final String APPLY_SHIFTS_STAGE = "edgewise.align.apply-shifts";
    static final String REGISTER_PAIR_STAGE = "edgewise.align.register-pair";
    static final String APPLY_REGISTRATION_STAGE = "edgewise.align.apply-registration";
    static final String RECONSTRUCT_STAGE = "edgewise.recon.reconstruct";
    static final String SIRT_STAGE = "edgewise.recon.sirt";
    static final String VOLUMES_FILE = "volumes.h5";
    static final String PIPELINE_FILE = "pipeline.json";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Data Exchange files or folders of them.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    private Path out;

    @Option(names = "--method", defaultValue = "gridding", paramLabel = "NAME",
            description = "gridding (fast, default), fbp (filtered back-projection) or sirt (iterative).")
    private String method;

    @Option(names = "--filter", defaultValue = "ramp", paramLabel = "NAME",
            description = "ramp, shepp-logan, cosine, hann or hamming (default ${DEFAULT-VALUE}).")
    private String filter;

    @Option(names = "--center", defaultValue = "auto", paramLabel = "auto|middle|PX",
            description = "Rotation axis: 'auto' (default) aligns each scan first (jitter and centre, as 'edgewise"
                    + " align'); 'middle' = the detector centre; or the axis column in pixels (0-based, fractional)."
                    + " Scans written by 'edgewise align' are already aligned and are reconstructed as they are.")
    private String center;

    @Option(names = "--no-register", description = "Reconstruct every scan on its own grid. By default (with --center"
            + " auto) each energy pair's above-edge scan is registered to its below-edge scan (shift, scale, sample"
            + " translation) and reconstructed on that scan's grid.")
    private boolean noRegister;

    @Option(names = "--ring", defaultValue = "0", paramLabel = "PX",
            description = "Ring removal: width of the sinogram stripe filter in pixels, 0 = off (default).")
    private int ringWindowPx;

    @Option(names = "--iterations", defaultValue = "100", description = "SIRT iterations (default ${DEFAULT-VALUE}).")
    private int iterations;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Pipeline pipeline;
        try {
            pipeline = pipeline();
        } catch (IllegalArgumentException | IOException e) {
            return PipelineExecution.fail(err, "reconstruct", PipelineExecution.INVALID, e.getMessage());
        }
        return PipelineExecution.execute("reconstruct", pipeline, Path.of("").toAbsolutePath(), out,
                RunOptions.defaults(), err, result -> {
                    Path volumes = result.resultsFile().resolveSibling(VOLUMES_FILE);
                    Files.move(result.resultsFile(), volumes, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    Pipelines.write(pipeline, out.resolve(PIPELINE_FILE));
                    stdout.println("wrote " + volumes + " (" + volumeCount(pipeline) + " volumes), "
                            + result.provenanceFile() + " and " + out.resolve(PIPELINE_FILE));
                });
    }

    /** @return the pipeline: per scan, normalise then reconstruct; every volume is a result */
    Pipeline pipeline() throws IOException {
        List<Path> files = ScanGroups.expand(inputs);
        if (files.isEmpty()) {
            throw new IOException("no Data Exchange files (.h5, .hdf5, .hdf) in " + inputs);
        }
        String methodId = method.toLowerCase(Locale.ROOT);
        if (!List.of("gridding", "fbp", "sirt").contains(methodId)) {
            throw new IllegalArgumentException("--method must be gridding, fbp or sirt, was '" + method + "'");
        }
        FbpFilter fbpFilter = FbpFilter.parse(filter);
        List<InputSpec> specs = new ArrayList<>();
        List<PipelineStep> steps = new ArrayList<>();
        List<String> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean autoCentre = center.equalsIgnoreCase("auto");
        Map<Path, String> scanNames = new LinkedHashMap<>();
        Map<String, String> projectionsOf = new LinkedHashMap<>();
        Map<String, Double> offsetOf = new HashMap<>();
        for (Path file : files) {
            String path = file.toAbsolutePath().toString();
            String name;
            String lineIntegrals;
            double offsetPx = 0;
            if (DataExchange.isAligned(file)) {
                // written by 'edgewise align': aligned line integrals with the axis on the central column (and a
                // pair's moving scan already on its reference's grid)
                name = unique(scanName(file, DataExchange.energyKev(file)), names);
                specs.add(new InputSpec(name, path, DataExchange.DATA, DataKind.PROJECTIONS, null, null, null, null));
                lineIntegrals = name;
            } else {
                try (DataExchangeReader reader = DataExchangeReader.open(file)) {
                    name = unique(scanName(file, reader.energyKev()), names);
                    offsetPx = autoCentre ? 0 : centerOffsetPx(reader.columns());
                }
                specs.add(new InputSpec(name, path, DataExchange.DATA, DataKind.PROJECTIONS, null, null, null, null));
                specs.add(new InputSpec(name + "_flats", path, DataExchange.WHITE, DataKind.PROJECTIONS, null, null,
                        null, null));
                specs.add(new InputSpec(name + "_darks", path, DataExchange.DARK, DataKind.PROJECTIONS, null, null,
                        null, null));
                steps.add(new PipelineStep(NORMALISE_STAGE, name + "_normalised", Map.of(),
                        Map.of("projections", name, "flats", name + "_flats", "darks", name + "_darks")));
                lineIntegrals = name + "_normalised.projections";
                if (autoCentre) {
                    steps.add(new PipelineStep(ALIGN_STAGE, name + "_alignment", Map.of(),
                            Map.of("projections", lineIntegrals)));
                    steps.add(new PipelineStep(APPLY_SHIFTS_STAGE, name + "_aligned", Map.of(),
                            Map.of("projections", lineIntegrals, "alignment", name + "_alignment.alignment")));
                    lineIntegrals = name + "_aligned.projections";
                    results.add(name + "_alignment.alignment");
                    scanNames.put(file, name);
                }
            }
            projectionsOf.put(name, lineIntegrals);
            offsetOf.put(name, offsetPx);
        }
        if (!noRegister && scanNames.size() > 1) {
            addPairRegistrations(files, scanNames, projectionsOf, steps, results);
        }
        for (Map.Entry<String, String> scan : projectionsOf.entrySet()) {
            String name = scan.getKey();
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("centerOffsetPx", offsetOf.get(name));
            String stage;
            if (methodId.equals("sirt")) {
                stage = SIRT_STAGE;
                parameters.put("iterations", iterations);
            } else {
                stage = RECONSTRUCT_STAGE;
                parameters.put("method", methodId.toUpperCase(Locale.ROOT));
                parameters.put("filter", fbpFilter.name());
                parameters.put("ringWindow", ringWindowPx);
            }
            steps.add(new PipelineStep(stage, name, parameters, Map.of("projections", scan.getValue())));
            results.add(name + ".volume");
        }
        return new Pipeline("edgewise reconstruct " + inputs, specs, steps, results);
    }

    /**
     * For every energy pair among the scans this pipeline aligns: registers the above-edge scan to the below-edge one
     * and reconstructs it from its normalised projections resampled once onto the reference's grid.
     */
    private static void addPairRegistrations(List<Path> files, Map<Path, String> scanNames,
            Map<String, String> projectionsOf, List<PipelineStep> steps, List<String> results) throws IOException {
        List<ScanGroups.Pair> pairs;
        try {
            pairs = ScanGroups.group(List.copyOf(scanNames.keySet()), DataExchangeReader.Metadata.none());
        } catch (ScanGroups.ScanGroupingException e) {
            System.err.println("edgewise reconstruct: scans not registered in pairs: " + e.getMessage());
            return;
        }
        for (ScanGroups.Pair pair : pairs) {
            String below = scanNames.get(pair.below().file());
            String above = scanNames.get(pair.above().file());
            String registration = above + "_registration";
            steps.add(new PipelineStep(REGISTER_PAIR_STAGE, registration, Map.of(), Map.of("reference",
                    below + "_aligned.projections", "moving", above + "_aligned.projections")));
            steps.add(new PipelineStep(APPLY_REGISTRATION_STAGE, above + "_registered", Map.of(), Map.of(
                    "projections", above + "_normalised.projections", "alignment", above + "_alignment.alignment",
                    "registration", registration + ".registration")));
            projectionsOf.put(above, above + "_registered.projections");
            results.add(registration + ".registration");
        }
    }

    private static long volumeCount(Pipeline pipeline) {
        return pipeline.results().stream().filter(result -> result.endsWith(".volume")).count();
    }

    private double centerOffsetPx(int columns) {
        if (center.equalsIgnoreCase("middle")) {
            return 0;
        }
        try {
            return Double.parseDouble(center) - (columns - 1) / 2.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--center must be auto, middle or a column in pixels, was '" + center
                    + "'");
        }
    }

    /** @return {@code ni_above} for a scan above the Ni edge; the file name's stem when no edge is near */
    static String scanName(Path file, double energyKev) {
        ScanGroups.Scan scan = ScanGroups.classify(file, energyKev);
        if (scan.element() != null) {
            return scan.element().symbol().toLowerCase(Locale.ROOT) + (scan.above() ? "_above" : "_below");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return stem.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
