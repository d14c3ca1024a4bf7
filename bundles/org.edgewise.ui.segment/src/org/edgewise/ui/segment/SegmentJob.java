package org.edgewise.ui.segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.WorkflowRuns;
import org.edgewise.workflow.SegmentWorkflow;

/**
 * Segments a volume as {@code edgewise segment} does (the same workflow builder): threshold, opening, hole filling,
 * small-object removal, watershed, hulls, depth below the hulls and the particle table. The label images, the depth
 * map, the material mask and the tables go into the registry, derived from the volume.
 */
public final class SegmentJob extends EdgewiseJob {

    private static final String VOLUME_PORT = ".volume";

    private final DatasetEntry volume;
    private final ParticlesModel model;
    private final IDatasetRegistry registry;
    private volatile Path runFolder;
    private volatile List<DatasetEntry> results = List.of();

    /**
     * @param volume   a volume stored in a results file (opened from one, or computed by a run)
     * @param model    the segmentation parameters
     * @param registry where the results go
     */
    public SegmentJob(DatasetEntry volume, ParticlesModel model, IDatasetRegistry registry) {
        super("Segmenting " + volume.name(), "Could not segment " + volume.name());
        this.volume = volume;
        this.model = model;
        this.registry = registry;
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Path file;
        String name;
        if (volume.origin() instanceof DatasetEntry.FileOrigin origin) {
            file = origin.file();
            name = origin.pathInFile();
        } else if (volume.origin() instanceof DatasetEntry.Derivation derivation
                && derivation.resultsFile() != null) {
            file = derivation.resultsFile();
            name = derivation.resultName();
        } else {
            throw new IllegalArgumentException(volume.name() + " lives only in memory; segment a volume of a results"
                    + " file (open one, or reconstruct)");
        }
        if (name.endsWith(VOLUME_PORT)) {
            name = name.substring(0, name.length() - VOLUME_PORT.length());
        }
        SegmentWorkflow.Plan plan = SegmentWorkflow.builder().file(file).volume(name).particles(model)
                .description("workbench: segment " + volume.name()).plan();
        runFolder = WorkflowRuns.newRunFolder("segment");
        RunResult run = WorkflowRuns.run(plan.pipeline(), runFolder, monitor);
        monitor.subTask("reading the particles");
        SegmentWorkflow.Segmentation s = plan.segmentation();
        List<String> from = List.of(volume.id());
        List<DatasetEntry> read = new ArrayList<>();
        read.add(entry(run, s.depth(), "depth", from));
        read.add(entry(run, s.hulls(), "hulls", from));
        read.add(entry(run, s.solid(), "solid", from));
        if (model.dilateUm() > 0) {
            read.add(entry(run, s.grown(), "grown", from));
        }
        read.add(entry(run, s.particles(), "particles", from));
        read.add(entry(run, s.threshold(), "threshold", from));
        read.add(entry(run, s.labels(), "labels", from)); // last: the volume views draw it over the volume
        registry.putAll(read);
        results = List.copyOf(read);
    }

    private DatasetEntry entry(RunResult run, String result, String what, List<String> from) throws Exception {
        return WorkflowRuns.entry(run, result, volume.id() + "/segmentation/" + what, volume.name() + " " + what,
                null, from);
    }

    /** @return what the job added, labels last */
    public List<DatasetEntry> getResults() {
        return results;
    }

    /** @return the folder of the run, or {@code null} */
    public Path getRunFolder() {
        return runFolder;
    }
}
