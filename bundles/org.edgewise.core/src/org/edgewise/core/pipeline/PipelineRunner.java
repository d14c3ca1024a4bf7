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
import org.edgewise.api.results.IResultsWriter;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.pipeline.PipelinePlan.PlannedStep;

/**
 * Checks and runs pipelines.
 * <p>
 * {@link #check} resolves the pipeline into a plan ({@link PipelinePlanner}: stages, parameters, bindings, inputs
 * opened) before anything is computed. {@link #run} then records the inputs' hashes ({@link InputProvenance}),
 * executes the steps in order ({@link StepExecutor}: whole or slab by slab, progress per step and slab,
 * cancellation between slabs), and writes the results with the given {@link IResultsWriter} and
 * {@value #PROVENANCE_FILE} into a temporary directory that is moved into place only when everything succeeded
 * ({@link RunDirectory}): a failed or cancelled run leaves nothing behind. Inputs are only read. The runner knows no
 * file format; the CLI and the workbench give it {@code org.edgewise.io.ResultsFile.pipelineWriter()}.
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

    /**
     * Checks a pipeline without computing anything.
     *
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against (the pipeline file's)
     * @return the resolved plan
     * @throws InvalidPipelineException on the first problem: one line naming the step or input and what is wrong
     */
    public PipelinePlan check(Pipeline pipeline, Path baseDirectory) throws InvalidPipelineException {
        return planner.plan(pipeline, baseDirectory);
    }

    /**
     * Checks and runs a pipeline, writing the results file and {@value #PROVENANCE_FILE} into
     * {@code outputDirectory} (created if needed; existing files of those names are replaced).
     *
     * @param pipeline        the pipeline
     * @param baseDirectory   the directory relative input paths are resolved against
     * @param outputDirectory where the results go
     * @param options         slab length and heap
     * @param monitor         progress and cancellation; may be null
     * @return the written files and the provenance record
     * @throws InvalidPipelineException   if the pipeline cannot run (nothing was computed or written)
     * @throws PipelineCancelledException if the monitor cancelled the run (nothing was written)
     * @throws PipelineException          if a stage failed or the results could not be written (nothing was
     *                                    written)
     */
    public RunResult run(Pipeline pipeline, Path baseDirectory, Path outputDirectory, RunOptions options,
            IMonitor monitor) throws PipelineException {
        Instant started = Instant.now();
        IMonitor progress = monitor == null ? new Stub() : monitor;
        PipelinePlan plan = check(pipeline, baseDirectory);
        progress.subTask("computing SHA-256 of the inputs");
        List<Provenance.Input> inputRecords = InputProvenance.describe(pipeline, baseDirectory);

        try (RunDirectory run = RunDirectory.create(outputDirectory)) {
            Map<String, ILazyDataset> datasets = new LinkedHashMap<>(plan.inputs());
            List<Provenance.Step> stepRecords = new ArrayList<>();
            StepExecutor executor = new StepExecutor(run.temporary(), options, progress);
            for (PlannedStep step : plan.steps()) {
                stepRecords.add(executor.run(step, plan.steps().size(), datasets));
            }
            StepExecutor.checkCancelled(progress, "before writing results");
            String resultsName = resultsWriter.fileName();
            progress.subTask("writing " + resultsName);
            RuntimeInfo runtime = RuntimeInfo.current();
            Provenance provenance = new Provenance("Edgewise", runtime.edgewiseVersion(), started.toString(),
                    Instant.now().toString(), runtime.hostName(), runtime.javaVersion(), runtime.operatingSystem(),
                    runtime.libraryVersions(), pipeline.description(), inputRecords, stepRecords, plan.results());
            List<ResultDataset> results = new ArrayList<>();
            for (String name : plan.results()) {
                results.add(new ResultDataset(name, plan.kinds().get(name), datasets.get(name)));
            }
            String json = provenance.toJson();
            try {
                resultsWriter.write(run.staged(resultsName), results, json, runtime.edgewiseVersion());
                Files.writeString(run.staged(PROVENANCE_FILE), json);
            } catch (IOException | RuntimeException e) {
                throw new PipelineException("cannot write results in " + outputDirectory + ": " + e.getMessage(), e);
            }
            StepExecutor.checkCancelled(progress, "before moving results into place");
            List<Path> written = run.commit(resultsName, PROVENANCE_FILE);
            progress.subTask("done: " + written.get(0));
            return new RunResult(written.get(0), written.get(1), provenance);
        }
    }
}
