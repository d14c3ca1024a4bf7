package org.edgewise.ui.recon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.WorkflowRuns;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scan;
import org.edgewise.workflow.Scans;

/**
 * Reconstructs scans as {@code edgewise reconstruct} does (the same workflow builder): normalise, align each scan
 * (automatic centre) or use the given axis column, register energy pairs, reconstruct. Each scan's volume
 * ({@code [z, y, x]}, μ in 1/µm) goes into the registry, derived from the scan.
 */
public final class ReconstructJob extends EdgewiseJob {

    /** Suffix of a scan's volume id and name. */
    static final String VOLUME = "volume";

    private final List<DatasetEntry> scans;
    private final ReconstructWorkflow.Centre centre;
    private final boolean register;
    private final ReconstructModel model;
    private final IDatasetRegistry registry;
    private volatile Path runFolder;
    private volatile List<DatasetEntry> volumes = List.of();

    /**
     * @param scans    raw scans (projections in Data Exchange files)
     * @param centre   automatic (align first), the detector's middle, or an axis column
     * @param register with an automatic centre: register each energy pair to its below-edge scan
     * @param model    the reconstruction parameters
     * @param registry where the volumes go
     */
    public ReconstructJob(List<DatasetEntry> scans, ReconstructWorkflow.Centre centre, boolean register,
            ReconstructModel model, IDatasetRegistry registry) {
        super("Reconstructing " + scans.size() + (scans.size() == 1 ? " scan" : " scans"), "Could not reconstruct "
                + scans.stream().map(DatasetEntry::name).toList());
        this.scans = List.copyOf(scans);
        this.centre = centre;
        this.register = register;
        this.model = model;
        this.registry = registry;
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Map<Path, DatasetEntry> byFile = new LinkedHashMap<>();
        for (DatasetEntry scan : scans) {
            byFile.put(((DatasetEntry.FileOrigin) scan.origin()).file(), scan);
        }
        List<Scan> read = Scans.read(new ArrayList<>(byFile.keySet()));
        ReconstructWorkflow.Plan plan = ReconstructWorkflow.builder().scans(read).centre(centre)
                .register(register && centre.automatic()).reconstruct(model)
                .description("workbench: reconstruct " + byFile.values().stream().map(DatasetEntry::name).toList())
                .plan();
        runFolder = WorkflowRuns.newRunFolder("reconstruct");
        RunResult run = WorkflowRuns.run(plan.pipeline(), runFolder, monitor);
        monitor.subTask("reading the volumes");
        List<DatasetEntry> results = new ArrayList<>();
        for (Map.Entry<String, String> volume : plan.volumes().entrySet()) {
            Scan scan = read.stream().filter(s -> s.name().equals(volume.getKey())).findFirst().orElseThrow();
            DatasetEntry source = byFile.get(scan.file());
            results.add(WorkflowRuns.entry(run, volume.getValue(), source.id() + "/" + VOLUME, scan.name() + " μ",
                    source.scan(), List.of(source.id())));
        }
        registry.putAll(results);
        volumes = List.copyOf(results);
    }

    /** @return the volumes the job added */
    public List<DatasetEntry> getVolumes() {
        return volumes;
    }

    /** @return the folder of the run (results.h5, provenance.json), or {@code null} */
    public Path getRunFolder() {
        return runFolder;
    }
}
