package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.Element;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.tables.Tables;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.PipelineRunner;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.stages.RegisterElementStage;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.EnergyPair;
import org.edgewise.workflow.streaming.InputShapes;
import org.edgewise.workflow.streaming.MemoryOptions;
import org.edgewise.workflow.streaming.MemoryPlan;
import org.edgewise.workflow.streaming.Scratch;
import org.edgewise.workflow.streaming.StreamingAnalysis;
import org.edgewise.workflow.streaming.StreamingReconstruction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgewise.api.files.FileTrees;

/**
 * The gradient analysis as one call, the same from the command line ({@code edgewise analyze}), the workbench and a
 * batch job: checks the inputs ({@link AnalysisInputs}, the checks of every command first), plans its memory
 * ({@link MemoryPlan}: in memory when the data fit the budget, else streaming through a {@link Scratch} folder; a run
 * that fits neither way is refused before any work), runs {@link AnalyzeWorkflow}'s pipeline through the standard
 * runner (or the streaming reconstruction and analysis) and writes exactly the analysis files
 * {@link #FILES} (and the {@link OutputFolder} manifest) as the output folder, all at once through the
 * {@link OutputFolder} of every command: a second run into the same folder fails naming the first, and a failed or
 * cancelled run leaves nothing.
 * <pre>{@code
 * Analysis.Result r = Analysis.run(List.of(Path.of("scans")), Path.of("out"), AnalysisParameters.defaults(),
 *         StageRegistries.fromExtensions(), monitor);        // outside OSGi: a registry of the stage classes
 * r.metrics();   // the paper's Table 1 per particle, element and quantity
 * }</pre>
 */
public final class Analysis {

    /** Per particle: geometry and the whole-particle mean ratio and fraction. */
    public static final String PARTICLES_FILE = "particles.csv";
    /** Per particle, element and depth bin: n, Δμ, ratio and fraction with their confidence intervals. */
    public static final String PROFILES_FILE = "profiles.csv";
    /** The paper's Table 1 per particle, element and quantity. */
    public static final String METRICS_FILE = "metrics.csv";
    /** Per scan and projection: the alignment shifts. */
    public static final String ALIGNMENT_FILE = "alignment.csv";
    /** Per scan: its registration to its reference (pairs of projections, element volumes to the Ni grid). */
    public static final String REGISTRATION_FILE = "registration.csv";
    /** The run's results file: reconstructions, Δμ, maps, labels, depth, tables, provenance. */
    public static final String RESULTS_FILE = ResultsFile.PIPELINE_FILE_NAME;
    /** The run's provenance record (inputs with SHA-256, every stage with its parameters, versions, warnings). */
    public static final String PROVENANCE_FILE = PipelineRunner.PROVENANCE_FILE;
    /** The self-contained report page. */
    public static final String REPORT_FILE = "report.html";
    /** What writes an analysis's output folder: named to a second run into it, recorded in its manifest. */
    public static final String COMMAND = "edgewise analyze";
    /** Every file an analysis writes, in this order. */
    public static final List<String> FILES = List.of(PARTICLES_FILE, PROFILES_FILE, METRICS_FILE, ALIGNMENT_FILE,
            REGISTRATION_FILE, RESULTS_FILE, PROVENANCE_FILE, REPORT_FILE);

    /** A pair registration whose scale lies outside this band has failed (its fallback on gradients diverged). */
    static final double PAIR_SCALE_TOLERANCE = 0.02;

    private Analysis() {
    }

    /**
     * Bad input, found before any work: the message is one line naming the
     * file and the problem. An {@link org.edgewise.api.files.InputException}, so it has the input kind and exit code
     * of every command ({@link org.edgewise.core.pipeline.Failures}).
     */
    public static final class InputException extends org.edgewise.api.files.InputException {
        private static final long serialVersionUID = 1L;

        InputException(String message, Throwable cause) {
            super(null, null, message, cause);
        }
    }

    /**
     * One particle of {@link #PARTICLES_FILE}.
     *
     * @param label             its label 1..n
     * @param volumeUm3         envelope volume, µm³
     * @param equivDiameterUm   equivalent diameter, µm
     * @param feretRatio        minimum over orthogonal maximum Feret diameter
     * @param cutByFieldOfView  whether it touches a face of the volume
     * @param meanRatio         whole-particle ratio by {@link Element#ordinal()}
     * @param meanFraction      whole-particle calibrated fraction by {@link Element#ordinal()}
     */
    public record Particle(int label, double volumeUm3, double equivDiameterUm, double feretRatio,
            boolean cutByFieldOfView, double[] meanRatio, double[] meanFraction) {
    }

    /**
     * What an analysis found; the files in {@link #out()} hold all of it.
     *
     * @param out        the output folder
     * @param files      the files written, {@link #FILES} in it
     * @param pairs      the energy pairs
     * @param particles  the particles
     * @param rows       the depth profiles
     * @param metrics    the Table-1 metrics
     * @param warnings   problems that do not stop the analysis but make parts of it untrustworthy
     * @param seconds    wall-clock time of the whole analysis
     */
    public record Result(Path out, List<Path> files, List<EnergyPair> pairs, List<Particle> particles,
            List<ProfileRow> rows, List<ProfileMetrics.Metric> metrics, List<String> warnings, double seconds) {

        /** @return {@link #REPORT_FILE} in the output folder */
        public Path report() {
            return out.resolve(REPORT_FILE);
        }
    }

    /**
     * Runs the analysis with the stages of the extension registry (inside OSGi: the command line, the workbench).
     *
     * @see #run(List, Path, AnalysisParameters, IStageRegistry, IMonitor)
     */
    public static Result run(Path input, Path out, AnalysisParameters parameters, IMonitor monitor)
            throws IOException, PipelineException {
        return run(List.of(input), out, parameters, StageRegistries.fromExtensions(), monitor);
    }

    /**
     * Checks the inputs, runs the analysis and puts {@link #FILES} in place as the folder {@code out}, through the
     * output discipline of every command ({@link OutputFolder}): {@code out} is locked at once (a second run into it
     * fails naming the first), must be new, empty or hold an earlier analysis (replaced as a whole), everything is
     * written into a staging folder next to it and moved into place by one rename when all succeeded.
     *
     * @param inputs     a folder (or the files) of the six Data Exchange scans, or one {@code volumes.h5} of
     *                   {@code edgewise reconstruct}
     * @param out        the output folder
     * @param parameters the stages' parameters
     * @param stages     the stages (in OSGi {@link StageRegistries#fromExtensions()}; elsewhere a registry of the
     *                   stage classes)
     * @param monitor    progress (one sub-task per step) and cancellation; may be null
     * @return what was found
     * @throws org.edgewise.api.files.OutputException if {@code out} cannot be used (nothing was computed or written)
     * @throws org.edgewise.api.files.InputException  if the inputs are unfit, e.g. no particle in the field of view
     *                                                (nothing was computed or written)
     * @throws PipelineException if a stage failed (also when segmentation leaves no particle) or the run was
     *                           cancelled (nothing was written)
     * @throws IOException       if the files cannot be written (nothing was written)
     */
    public static Result run(List<Path> inputs, Path out, AnalysisParameters parameters, IStageRegistry stages,
            IMonitor monitor) throws IOException, PipelineException {
        try (OutputFolder folder = OutputFolder.open(out, COMMAND, inputs.stream().map(Path::toAbsolutePath)
                .toList())) {
            Result result = runInto(inputs, folder.staging(), folder.folder(), parameters, stages, monitor);
            if (monitor != null && monitor.isCancelled()) {
                throw new PipelineCancelledException("cancelled before the results were put in place");
            }
            folder.commit();
            return result;
        }
    }

    /**
     * Checks the inputs, runs the analysis and writes {@link #FILES} into {@code staging}, a folder that the caller
     * owns and puts in place as {@code out} (the command line does so through its {@link OutputFolder}).
     *
     * @param staging where to write (an empty folder)
     * @param out     where the files will be once {@code staging} is put in place (for {@link Result})
     * @see #run(List, Path, AnalysisParameters, IStageRegistry, IMonitor)
     */
    public static Result runInto(List<Path> inputs, Path staging, Path out, AnalysisParameters parameters,
            IStageRegistry stages, IMonitor monitor) throws IOException, PipelineException {
        return runInto(inputs, staging, out, parameters, MemoryOptions.defaults(), stages, monitor);
    }

    /**
     * As {@link #runInto(List, Path, Path, AnalysisParameters, IStageRegistry, IMonitor)} within a memory budget:
     * after the input check the {@link MemoryPlan} decides the path; the in-memory path runs
     * {@link AnalyzeWorkflow}'s pipeline, the streaming path reconstructs the scans into a volumes file in a
     * {@link Scratch} folder (checked for free space first, deleted afterwards whatever happens) and analyses it.
     * {@code provenance.json} records the plan ({@code analysis.memory}).
     *
     * @param memory the budget, scratch folder, binning on input and the choice of path
     * @throws MemoryPlan.TooSmallException if the budget fits neither path (an input problem, before any work)
     * @throws org.edgewise.api.files.OutputException if the scratch folder cannot be used or is too small
     */
    public static Result runInto(List<Path> inputs, Path staging, Path out, AnalysisParameters parameters,
            MemoryOptions memory, IStageRegistry stages, IMonitor monitor) throws IOException, PipelineException {
        long start = System.nanoTime();
        AnalysisInputs.Input input;
        AnalyzeWorkflow.Plan plan;
        MemoryPlan memoryPlan;
        List<Scan> scans = List.of();
        try {
            input = AnalysisInputs.check(inputs);
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new InputException(message.lines().findFirst().orElse(message), e);
        }
        if (memory.scratch() != null) {
            Scratch.check(memory.scratch());
        }
        if (memory.bin() != 1 && input.volumes() != null) {
            throw new PipelineException("--bin " + memory.bin() + ": binning on input applies to scans, not to the"
                    + " volumes file " + input.volumes(), new org.edgewise.api.parameters.InvalidParameterException(
                            "bin", "binning on input of a volumes file"));
        }
        memoryPlan = plan(input, memory);
        if (memoryPlan.streaming()) {
            return runStreaming(input, staging, out, parameters, memory, memoryPlan, stages, monitor, start);
        }
        try {
            String description = COMMAND + " " + String.join(" ", inputs.stream().map(Path::toString).toList());
            AnalyzeWorkflow.Builder builder = AnalyzeWorkflow.builder().parameters(parameters)
                    .description(description).reconstruction(ReconstructWorkflow.builder().binning(memory.bin()));
            if (input.volumes() != null) {
                builder.volumes(input.volumes());
            } else {
                scans = Scans.read(input.scans());
                builder.scans(scans);
            }
            plan = builder.plan();
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new InputException(message.lines().findFirst().orElse(message), e);
        }
        Path runDir = staging.resolve(".run");
        RunResult run = StandardIo.runner(stages).run(plan.pipeline(), Path.of("").toAbsolutePath(), runDir,
                RunOptions.defaults(), monitor);
        if (monitor != null) {
            monitor.subTask("writing " + String.join(", ", FILES));
        }
        AnalysisResults results = AnalysisResults.read(plan, run.resultsFile(), pairs(plan, scans,
                run.resultsFile()));
        List<String> warnings = pairRegistrationWarnings(results);
        AnalysisFiles.particles(results).write(staging.resolve(PARTICLES_FILE));
        AnalysisFiles.profiles(results.rows()).write(staging.resolve(PROFILES_FILE));
        AnalysisFiles.metrics(results.metrics()).write(staging.resolve(METRICS_FILE));
        AnalysisFiles.alignment(results).write(staging.resolve(ALIGNMENT_FILE));
        AnalysisFiles.registration(results).write(staging.resolve(REGISTRATION_FILE));
        Files.move(run.resultsFile(), staging.resolve(RESULTS_FILE), StandardCopyOption.REPLACE_EXISTING);
        String provenance = provenance(run, results, warnings, memoryPlan);
        Files.writeString(staging.resolve(PROVENANCE_FILE), provenance);
        AnalysisReport.write(staging.resolve(REPORT_FILE), results, provenance, warnings);
        FileTrees.delete(runDir);
        List<Path> files = FILES.stream().map(out::resolve).toList();
        return new Result(out, files, results.pairs(), results.particles(), results.rows(), results.metrics(),
                warnings, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The memory plan of the checked inputs.
     *
     * @throws MemoryPlan.TooSmallException if no path fits
     */
    static MemoryPlan plan(AnalysisInputs.Input input, MemoryOptions memory) throws IOException {
        if (input.volumes() != null) {
            return MemoryPlan.forVolumes(InputShapes.volumes(input.volumes()), memory.budgetBytes(),
                    memory.streaming());
        }
        List<MemoryPlan.ScanShape> shapes = new ArrayList<>();
        for (Path file : input.scans()) {
            shapes.add(InputShapes.scan(file));
        }
        return MemoryPlan.forScans(shapes, memory.bin(), memory.budgetBytes(), memory.streaming());
    }

    /**
     * The streaming path: scans → the volumes file in the scratch folder → the analysis files in {@code staging};
     * for a volumes file only the second step. The scratch folder is deleted after success, failure and cancel.
     */
    private static Result runStreaming(AnalysisInputs.Input input, Path staging, Path out,
            AnalysisParameters parameters, MemoryOptions memory, MemoryPlan plan, IStageRegistry stages,
            IMonitor monitor, long start) throws IOException, PipelineException {
        try (Scratch scratch = Scratch.open(memory.scratch(), staging, plan.scratchBytes(), memory.freeSpace())) {
            checkCancelled(monitor, "before the reconstruction");
            Path volumes = input.volumes();
            StreamingReconstruction.Result reconstruction = null;
            List<Scan> scans = List.of();
            if (volumes == null) {
                try {
                    scans = Scans.read(input.scans());
                } catch (IOException | IllegalArgumentException e) {
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    throw new InputException(message.lines().findFirst().orElse(message), e);
                }
                volumes = scratch.volumesFile();
                try {
                    reconstruction = StreamingReconstruction.run(scans, volumes,
                            StreamingReconstruction.Settings.defaults().withReductionFactor(plan.reductionFactor())
                                    .withSlabRows(plan.reconstructionSlabRows()).withBinning(plan.bin()), monitor);
                } catch (java.util.concurrent.CancellationException e) {
                    // the slab loop's cancel: the same exit (130) and message as a cancelled pipeline
                    throw new PipelineCancelledException(e.getMessage());
                }
                checkCancelled(monitor, "after the reconstruction");
            }
            Result result = StreamingAnalysis.run(volumes, staging, parameters, new StreamingAnalysis.Settings(
                    plan.reductionFactor(), plan.passSlabRows(), scratch.file("analysis"), memory.budgetBytes()),
                    stages, monitor);
            checkCancelled(monitor, "after the analysis");
            if (reconstruction != null) {
                writeStreamedTables(staging, scans, reconstruction.geometries(), plan.reductionFactor());
            }
            recordPlan(staging.resolve(PROVENANCE_FILE), plan);
            return new Result(out, FILES.stream().map(out::resolve).toList(), result.pairs(), result.particles(),
                    result.rows(), result.metrics(), result.warnings(), (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * {@code alignment.csv} and the pair rows of {@code registration.csv} of a streaming run from scans, in the
     * in-memory run's formats: the estimates were made on copies binned by {@code factor}, so shifts are scaled to
     * full-resolution pixels and the rotation centre is the full-resolution column the reconstruction used. The
     * element rows (Mn and Co volumes to the Ni grid) are the streaming analysis's own.
     */
    private static void writeStreamedTables(Path staging, List<Scan> scans,
            List<StreamingReconstruction.ScanGeometry> geometries, int factor) throws IOException {
        Map<String, StreamingReconstruction.ScanGeometry> byScan = new java.util.HashMap<>();
        for (StreamingReconstruction.ScanGeometry g : geometries) {
            byScan.put(g.scan(), g);
        }
        org.edgewise.io.CsvTable alignment = new org.edgewise.io.CsvTable(AnalysisFiles.ALIGNMENT_COLUMNS);
        for (Scan scan : scans) {
            StreamingReconstruction.ScanGeometry g = byScan.get(scan.name());
            if (g == null || g.alignment() == null) {
                continue;
            }
            Dataset t = g.alignment();
            for (int row = 0; row < t.getShape()[0]; row++) {
                alignment.addRow(scan.name(), scan.energyKev(), Tables.get(t, row, AlignmentTables.ANGLE_DEG),
                        factor * Tables.get(t, row, AlignmentTables.SHIFT_ROW_PX),
                        factor * Tables.get(t, row, AlignmentTables.SHIFT_COL_PX));
            }
        }
        alignment.write(staging.resolve(ALIGNMENT_FILE));
        org.edgewise.io.CsvTable registration = new org.edgewise.io.CsvTable(AnalysisFiles.REGISTRATION_COLUMNS);
        for (Element e : Element.values()) {
            String below = AnalyzeWorkflow.volumeName(e, false);
            String above = AnalyzeWorkflow.volumeName(e, true);
            StreamingReconstruction.ScanGeometry b = byScan.get(below);
            StreamingReconstruction.ScanGeometry a = byScan.get(above);
            registration.addRow(below, below, 0.0, 0.0, 1.0, centre(b), null);
            if (a != null && a.registration() != null) {
                Dataset t = a.registration();
                registration.addRow(above, below, factor * Tables.get(t, 0, AlignmentTables.SHIFT_ROW_PX),
                        factor * Tables.get(t, 0, AlignmentTables.SHIFT_COL_PX), Tables.get(t, 0,
                                AlignmentTables.SCALE), centre(a), factor * Tables.get(t, 0,
                                        AlignmentTables.RESIDUAL));
            }
        }
        Path file = staging.resolve(REGISTRATION_FILE);
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells[0].endsWith("_volume")) {
                    Object[] row = new Object[cells.length];
                    for (int c = 0; c < cells.length; c++) {
                        row[c] = c < 2 ? cells[c] : cells[c].isEmpty() ? null : (Object) Double.valueOf(cells[c]);
                    }
                    registration.addRow(row);
                }
            }
        }
        registration.write(file);
    }

    private static Double centre(StreamingReconstruction.ScanGeometry g) {
        return g == null || Double.isNaN(g.centrePx()) ? null : g.centrePx();
    }

    private static void checkCancelled(IMonitor monitor, String where) throws PipelineCancelledException {
        if (monitor != null && monitor.isCancelled()) {
            throw new PipelineCancelledException("cancelled " + where);
        }
    }

    /** Adds the memory plan to a provenance record written by the streaming analysis. */
    private static void recordPlan(Path provenanceFile, MemoryPlan plan) throws IOException {
        if (!Files.isRegularFile(provenanceFile)) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) mapper.readTree(provenanceFile.toFile());
        ObjectNode analysis = root.has("analysis") && root.get("analysis").isObject()
                ? (ObjectNode) root.get("analysis") : root.putObject("analysis");
        analysis.set("memory", mapper.valueToTree(plan.toMap()));
        String json = mapper.writeValueAsString(root);
        org.edgewise.api.files.AtomicFiles.write(provenanceFile, temporary -> Files.writeString(temporary, json));
    }

    /** @return the energy pairs: from the scans, else from the volumes of the results file */
    private static List<EnergyPair> pairs(AnalyzeWorkflow.Plan plan, List<Scan> scans, Path resultsFile)
            throws IOException {
        Map<Element, double[]> energies = new EnumMap<>(Element.class);
        for (Scan scan : scans) {
            if (scan.element() != null) {
                energies.computeIfAbsent(scan.element(), e -> new double[2])[scan.above() ? 1 : 0] = scan.energyKev();
            }
        }
        List<EnergyPair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            double[] kev = energies.get(e);
            if (kev == null) {
                AnalyzeWorkflow.PairVolumes volumes = plan.volumes().get(e);
                kev = new double[] { PhysicalMetadata.of(StandardIo.readResult(resultsFile, volumes.below()))
                        .energyKev(), PhysicalMetadata.of(StandardIo.readResult(resultsFile, volumes.above()))
                                .energyKev() };
            }
            pairs.add(new EnergyPair(e, kev[0], kev[1]));
        }
        return pairs;
    }

    /**
     * An energy pair whose above-edge scan was registered with a scale far from 1 was resampled wrongly (the pair
     * registration's fallback on gradient images can fail, e.g. for touching particles): its Δμ is not trustworthy.
     */
    static List<String> pairRegistrationWarnings(AnalysisResults results) {
        List<String> warnings = new ArrayList<>();
        for (Element e : Element.values()) {
            Dataset t = results.pairRegistration(e);
            if (t == null) {
                continue;
            }
            double scale = AnalysisResults.value(t, AlignmentTables.PAIR_REGISTRATION, AlignmentTables.SCALE, 0);
            if (!(Math.abs(scale - 1) < PAIR_SCALE_TOLERANCE)) {
                warnings.add(String.format(Locale.ROOT, "the %s pair registration failed (scale %.4f, landmarks %.0f):"
                        + " the %s profiles and every ratio and fraction are not trustworthy", e.symbol(), scale,
                        AnalysisResults.value(t, AlignmentTables.PAIR_REGISTRATION, AlignmentTables.LANDMARKS, 0),
                        e.symbol()));
            }
        }
        for (Map.Entry<Element, Dataset> r : results.elementRegistrations().entrySet()) {
            double scale = Tables.get(r.getValue(), 0, AlignmentTables.SCALE);
            if (!(Math.abs(scale - 1) < PAIR_SCALE_TOLERANCE)) {
                warnings.add(String.format(Locale.ROOT, "the registration of the %s volumes to the Ni grid found a"
                        + " scale of %.4f (%s): check the %s profiles", r.getKey().symbol(), scale,
                        RegisterElementStage.method(r.getValue()).describe(), r.getKey().symbol()));
            }
        }
        return warnings;
    }

    /** The runner's provenance record with the analysis's warnings and the particles cut by the field of view. */
    private static String provenance(RunResult run, AnalysisResults results, List<String> warnings,
            MemoryPlan memoryPlan) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) mapper.readTree(run.provenance().toJson());
        ObjectNode analysis = root.putObject("analysis");
        ArrayNode pairs = analysis.putArray("pairs");
        for (EnergyPair p : results.pairs()) {
            pairs.addObject().put("element", p.element().symbol()).put("belowKev", p.belowKev())
                    .put("aboveKev", p.aboveKev());
        }
        analysis.set("memory", mapper.valueToTree(memoryPlan.toMap()));
        ArrayNode list = analysis.putArray("warnings");
        warnings.forEach(list::add);
        ArrayNode cut = analysis.putArray("particlesCutByFieldOfView");
        for (Particle p : results.particles()) {
            if (p.cutByFieldOfView()) {
                cut.add(p.label());
            }
        }
        return mapper.writeValueAsString(root);
    }
}
