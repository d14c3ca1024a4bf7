package org.edgewise.ui.jobs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.osgi.service.datalocation.Location;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.Provenance;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.io.ResultsFile;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.workflow.StandardIo;

/**
 * Runs the pipelines the workflows build (the same builders as the command line) and turns their results into
 * registry entries that remember the step, its parameters and the datasets they came from. Every run writes its
 * {@code results.h5} and {@code provenance.json} into its own folder under {@code WORKSPACE/runs}, so what the
 * workbench computed can be reopened and cited.
 * <pre>{@code
 * Path out = WorkflowRuns.newRunFolder("reconstruct");
 * RunResult run = WorkflowRuns.run(plan.pipeline(), out, monitor);
 * DatasetEntry volume = WorkflowRuns.entry(run, plan.volumes().get("ni_above"), id, "ni_above μ", label, inputs);
 * }</pre>
 */
public final class WorkflowRuns {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private WorkflowRuns() {
    }

    /**
     * @param what a short name of the step, e.g. {@code align}
     * @return a new, empty folder {@code WORKSPACE/runs/<time>-<what>} (or under {@code ~/.edgewise/runs} without
     *         a workspace)
     * @throws IOException if it cannot be created
     */
    public static Path newRunFolder(String what) throws IOException {
        Path folder = workspace().resolve("runs").resolve(LocalDateTime.now().format(STAMP) + "-" + what);
        return Files.createDirectories(folder);
    }

    /** @return the workspace folder, or {@code ~/.edgewise} when the workbench runs without one */
    public static Path workspace() {
        Location location = Platform.getInstanceLocation();
        try {
            if (location != null && location.getURL() != null) {
                return Path.of(location.getURL().toURI());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a workspace URL with unescaped characters: fall back to the home folder
        }
        return Path.of(System.getProperty("user.home"), ".edgewise");
    }

    /**
     * Runs a pipeline with the standard sources and the stages of the extension registry.
     *
     * @param pipeline the pipeline a workflow built
     * @param out      the run's folder (results.h5 and provenance.json go there)
     * @param monitor  progress and cancel
     * @return what the run wrote
     * @throws PipelineException if a step fails or the run is cancelled (nothing is written then)
     */
    public static RunResult run(Pipeline pipeline, Path out, IProgressMonitor monitor) throws PipelineException {
        return StandardIo.runner().run(pipeline, out, out, RunOptions.defaults(), new MonitorAdapter(monitor));
    }

    /**
     * Reads one result of a finished run into a registry entry.
     *
     * @param run        the run
     * @param resultName the result's dataset name, {@code step.port}
     * @param id         the entry's id (stable: running the step again replaces it)
     * @param name       what people read
     * @param label      the element and side, or {@code null}
     * @param inputIds   ids of the registry entries it was computed from
     * @return the entry, its origin naming the step's stage and parameters and the results file
     * @throws IOException if the result cannot be read
     */
    public static DatasetEntry entry(RunResult run, String resultName, String id, String name,
            DatasetEntry.ScanLabel label, List<String> inputIds) throws IOException {
        return entry(run.resultsFile(), run.provenance(), resultName, id, name, label, inputIds);
    }

    /**
     * Reads one result of a results file into a registry entry (a run whose {@code RunResult} is not at hand, e.g.
     * one that a workflow library ran and moved into place).
     *
     * @param resultsFile the run's results file
     * @param provenance  the run's provenance (which stage and parameters made each step), or {@code null}
     * @param resultName  the result's dataset name, {@code step.port}
     * @param id          the entry's id
     * @param name        what people read
     * @param label       the element and side, or {@code null}
     * @param inputIds    ids of the registry entries it was computed from
     * @return the entry
     * @throws IOException if the result cannot be read
     */
    public static DatasetEntry entry(Path resultsFile, Provenance provenance, String resultName, String id,
            String name, DatasetEntry.ScanLabel label, List<String> inputIds) throws IOException {
        Dataset data = StandardIo.readResult(resultsFile, resultName);
        DataKind kind = ResultsFile.kind(resultsFile, resultName);
        String stepName = resultName.contains(".") ? resultName.substring(0, resultName.lastIndexOf('.')) : resultName;
        Provenance.Step step = provenance == null ? null : provenance.steps().stream()
                .filter(s -> s.name().equals(stepName)).findFirst().orElse(null);
        PhysicalMetadata metadata = PhysicalMetadata.find(data).orElse(PhysicalMetadata.create(Double.NaN, Double.NaN,
                ""));
        String stageId = step == null ? "pipeline" : step.stageId();
        Map<String, Object> parameters = step == null ? Map.of() : step.parameters();
        return new DatasetEntry(id, name, kind, data, label, metadata.energyKev(), metadata.pixelSizeUm(),
                metadata.valueUnit(), new DatasetEntry.Derivation(stageId, parameters, inputIds, resultsFile,
                        resultName));
    }
}
