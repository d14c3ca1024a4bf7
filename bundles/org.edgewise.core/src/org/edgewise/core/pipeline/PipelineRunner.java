package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.IMonitor.Stub;
import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.api.files.FileErrors;
import org.edgewise.api.files.OutputException;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.api.results.IResultsWriter;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.pipeline.PipelinePlan.PlannedStep;
import org.edgewise.api.files.FileTrees;

/**
 * Checks and runs pipelines.
 * <p>
 * {@link #check} resolves the pipeline into a plan ({@link PipelinePlanner}: stages, parameters, bindings, inputs
 * opened and checked) before anything is computed. {@link #run} then records the inputs' hashes
 * ({@link InputProvenance}), executes the steps in order ({@link StepExecutor}: whole or slab by slab, progress per
 * step and slab, cancellation between slabs), and writes the results with the given {@link IResultsWriter} and
 * {@value #PROVENANCE_FILE} into the staging folder of a locked {@link OutputFolder}, committed only when everything
 * succeeded: a failed or cancelled run leaves nothing behind, and a second run into the same folder fails at once.
 * {@link #runInto} does the same into a folder the caller owns (a command that writes files of its own next to the
 * run's, then commits them together). Inputs are only read. The runner knows no file format; the CLI and the
 * workbench give it {@code org.edgewise.io.ResultsFile.pipelineWriter()}.
 * <p>
 * What the inputs or stages could use only with caveats (warnings of the sources and of the stages' outputs) goes
 * into the provenance record's {@code warnings}.
 * <p>
 * A runner holds no state between runs; one instance may serve several runs at once.
 */
public final class PipelineRunner {

    /** File name of the provenance record in the output directory. */
    public static final String PROVENANCE_FILE = "provenance.json";

    private final PipelinePlanner planner;
    private final IResultsWriter resultsWriter;

    /**
     * @param registry      where stage ids are looked up
     * @param sources       readers for the input files, asked in order
     * @param resultsWriter writes the results file
     */
    public PipelineRunner(IStageRegistry registry, List<? extends IDatasetSource> sources,
            IResultsWriter resultsWriter) {
        this.planner = new PipelinePlanner(registry, List.copyOf(sources));
        this.resultsWriter = resultsWriter;
    }

    /** @return the name of the results file a run writes, e.g. {@code results.h5} */
    public String resultsFileName() {
        return resultsWriter.fileName();
    }

    /**
     * Checks a pipeline without computing anything.
     *
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against (the pipeline file's)
     * @return the resolved plan
     * @throws InvalidPipelineException on the first problem: one line naming the step or input and what is wrong
     *                                  (its cause is an {@code InputException} when an input file cannot be used)
     */
    public PipelinePlan check(Pipeline pipeline, Path baseDirectory) throws InvalidPipelineException {
        return planner.plan(pipeline, baseDirectory);
    }

    /**
     * Checks and runs a pipeline, writing the results file and {@value #PROVENANCE_FILE} into
     * {@code outputDirectory} (created if needed and locked for the run; files of those names are replaced), only
     * when the whole run succeeded.
     *
     * @param pipeline        the pipeline
     * @param baseDirectory   the directory relative input paths are resolved against
     * @param outputDirectory where the results go
     * @param options         slab length and heap
     * @param monitor         progress and cancellation; may be null
     * @return the written files and the provenance record
     * @throws InvalidPipelineException   if the pipeline cannot run (nothing was computed or written)
     * @throws PipelineCancelledException if the monitor cancelled the run (nothing was written)
     * @throws PipelineException          if the output folder cannot be used (cause: an {@code OutputException}),
     *                                    a stage failed or the results could not be written (nothing was written)
     */
    public RunResult run(Pipeline pipeline, Path baseDirectory, Path outputDirectory, RunOptions options,
            IMonitor monitor) throws PipelineException {
        List<Path> inputs = pipeline.inputs().stream().filter(spec -> !spec.inMemory())
                .map(spec -> spec.resolve(baseDirectory)).toList();
        try (OutputFolder out = openOutput(outputDirectory, "edgewise run", inputs)) {
            RunResult staged = runInto(pipeline, baseDirectory, out.staging(), options, monitor);
            StepExecutor.checkCancelled(monitor == null ? new Stub() : monitor, "before moving results into place");
            try {
                out.commit();
            } catch (IOException e) {
                throw new PipelineException("cannot move the results into " + outputDirectory + ": "
                        + Failures.message(e), e);
            }
            return new RunResult(out.folder().resolve(staged.resultsFile().getFileName().toString()),
                    out.folder().resolve(PROVENANCE_FILE), staged.provenance());
        }
    }

    /**
     * @param folder  an output folder
     * @param command what writes it
     * @param inputs  the run's inputs
     * @return the folder, locked
     * @throws PipelineException whose cause is the {@code OutputException} saying why the folder cannot be used
     */
    public static OutputFolder openOutput(Path folder, String command, List<Path> inputs) throws PipelineException {
        try {
            return OutputFolder.open(folder, command, inputs);
        } catch (OutputException e) {
            throw new PipelineException(e.getMessage(), e);
        }
    }

    /**
     * Checks and runs a pipeline, writing the results file and {@value #PROVENANCE_FILE} into {@code workDirectory},
     * which the caller owns (usually the {@link OutputFolder#staging()} of its output) and commits.
     *
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against
     * @param workDirectory an existing folder for the results; scratch space is made and removed inside it
     * @param options       slab length and heap
     * @param monitor       progress and cancellation; may be null
     * @return the written files (inside {@code workDirectory}) and the provenance record
     * @throws PipelineException as {@link #run}
     */
    public RunResult runInto(Pipeline pipeline, Path baseDirectory, Path workDirectory, RunOptions options,
            IMonitor monitor) throws PipelineException {
        Instant started = Instant.now();
        IMonitor progress = monitor == null ? new Stub() : monitor;
        PipelinePlan plan = check(pipeline, baseDirectory);
        StepExecutor.checkCancelled(progress, "after checking the inputs");
        progress.subTask("computing SHA-256 of the inputs");
        List<Provenance.Input> inputRecords = InputProvenance.describe(pipeline, baseDirectory);
        Path scratch;
        try {
            scratch = Files.createTempDirectory(workDirectory, ".scratch-");
        } catch (IOException e) {
            throw new PipelineException("cannot write in " + workDirectory + ": " + Failures.message(e),
                    new OutputException(workDirectory, "cannot be written: " + FileErrors.reason(e), e));
        }
        try {
            Map<String, ILazyDataset> datasets = new LinkedHashMap<>(plan.inputs());
            List<Provenance.Step> stepRecords = new ArrayList<>();
            List<String> warnings = new ArrayList<>(plan.warnings());
            StepExecutor executor = new StepExecutor(scratch, options, progress);
            for (PlannedStep step : plan.steps()) {
                stepRecords.add(executor.run(step, plan.steps().size(), datasets));
            }
            warnings.addAll(executor.warnings());
            StepExecutor.checkCancelled(progress, "before writing results");
            String resultsName = resultsWriter.fileName();
            progress.subTask("writing " + resultsName);
            RuntimeInfo runtime = RuntimeInfo.current();
            Provenance provenance = new Provenance("Edgewise", runtime.edgewiseVersion(), started.toString(),
                    Instant.now().toString(), runtime.hostName(), runtime.javaVersion(), runtime.operatingSystem(),
                    runtime.libraryVersions(), pipeline.description(), inputRecords, stepRecords, plan.results(),
                    warnings);
            List<ResultDataset> results = new ArrayList<>();
            for (String name : plan.results()) {
                results.add(new ResultDataset(name, plan.kinds().get(name), datasets.get(name)));
            }
            String json = provenance.toJson();
            Path resultsFile = workDirectory.resolve(resultsName);
            Path provenanceFile = workDirectory.resolve(PROVENANCE_FILE);
            try {
                resultsWriter.write(resultsFile, results, json, runtime.edgewiseVersion());
                AtomicFiles.write(provenanceFile, temporary -> Files.writeString(temporary, json));
            } catch (IOException | RuntimeException e) {
                throw new PipelineException("cannot write the results: " + Failures.message(e), e);
            }
            progress.subTask("done: " + resultsName);
            return new RunResult(resultsFile, provenanceFile, provenance);
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
    }
}
