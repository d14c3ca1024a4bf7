package org.edgewise.ui.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.WorkflowRuns;
import org.edgewise.workflow.AlignWorkflow;
import org.edgewise.workflow.Recipe;
import org.edgewise.workflow.Scan;
import org.edgewise.workflow.Scans;

/**
 * Aligns the open scans as {@code edgewise align} does (the same workflow builder): normalise, find each
 * projection's jitter and the rotation centre, register every energy pair's above-edge scan to its below-edge scan.
 * Each scan gets four derived datasets in the registry: its line integrals before alignment, its aligned
 * projections, its alignment table (shifts against angle, centre with its uncertainty) and, for an above-edge
 * scan, the pair's registration.
 */
public final class AlignJob extends EdgewiseJob {

    /** Suffixes of the derived datasets' ids and names. */
    static final String BEFORE = "line integrals";
    static final String AFTER = "aligned";
    static final String ALIGNMENT = "alignment";
    static final String REGISTRATION = "registration";

    private final List<DatasetEntry> scans;
    private final AlignModel model;
    private final IDatasetRegistry registry;
    private volatile Path runFolder;

    /**
     * @param scans    raw scans (projections read from Data Exchange files)
     * @param model    the alignment parameters
     * @param registry where the results go
     */
    public AlignJob(List<DatasetEntry> scans, AlignModel model, IDatasetRegistry registry) {
        super("Aligning " + scans.size() + " scans", "Could not align " + names(scans));
        this.scans = List.copyOf(scans);
        this.model = model;
        this.registry = registry;
    }

    private static String names(List<DatasetEntry> scans) {
        return scans.stream().map(DatasetEntry::name).toList().toString();
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Map<Path, DatasetEntry> byFile = new LinkedHashMap<>();
        for (DatasetEntry scan : scans) {
            byFile.put(((DatasetEntry.FileOrigin) scan.origin()).file(), scan);
        }
        List<Scan> read = Scans.read(new ArrayList<>(byFile.keySet()));
        Recipe recipe = new Recipe();
        AlignWorkflow.Plan plan = AlignWorkflow.builder().scans(read).align(model).appendTo(recipe);
        for (AlignWorkflow.AlignedScan scan : plan.scans()) {
            recipe.result(scan.lineIntegrals());
            recipe.result(scan.alignment());
            recipe.result(scan.projections());
            if (scan.registration() != null) {
                recipe.result(scan.registration());
            }
        }
        runFolder = WorkflowRuns.newRunFolder("align");
        RunResult run = WorkflowRuns.run(recipe.build("workbench: align " + names(scans)), runFolder, monitor);
        monitor.subTask("reading the aligned scans");
        List<DatasetEntry> results = new ArrayList<>();
        for (AlignWorkflow.AlignedScan aligned : plan.scans()) {
            DatasetEntry scan = byFile.get(aligned.scan().file());
            List<String> from = List.of(scan.id());
            results.add(WorkflowRuns.entry(run, aligned.lineIntegrals(), derivedId(scan, BEFORE),
                    scan.name() + " " + BEFORE, scan.scan(), from));
            results.add(WorkflowRuns.entry(run, aligned.projections(), derivedId(scan, AFTER),
                    scan.name() + " " + AFTER, scan.scan(), from));
            results.add(WorkflowRuns.entry(run, aligned.alignment(), derivedId(scan, ALIGNMENT),
                    scan.name() + " " + ALIGNMENT, scan.scan(), from));
            if (aligned.registration() != null) {
                DatasetEntry reference = byFile.get(aligned.reference().file());
                results.add(WorkflowRuns.entry(run, aligned.registration(), derivedId(scan, REGISTRATION),
                        scan.name() + " " + REGISTRATION + " to " + reference.name(), scan.scan(),
                        List.of(scan.id(), reference.id())));
            }
        }
        registry.putAll(results);
    }

    /** @return the id of a scan's derived dataset, stable across runs (a new run replaces it) */
    static String derivedId(DatasetEntry scan, String what) {
        return scan.id() + "/" + what.replace(' ', '-');
    }

    /** @return the folder of the last run (results.h5, provenance.json), or {@code null} */
    public Path getRunFolder() {
        return runFolder;
    }
}
