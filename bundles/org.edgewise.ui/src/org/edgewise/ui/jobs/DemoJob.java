package org.edgewise.ui.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetLoader;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.preferences.EdgewisePreferences;
import org.edgewise.api.files.FileTrees;

/**
 * File › Open Demo Dataset: simulates the built-in run (two particles of the paper's 63 % Ni architecture, six
 * scans bracketing the Mn, Co and Ni K edges, seed 7) with the flux, voxel size and detector size of the
 * preferences, then opens the six scans. The same settings always give the same files, so a folder simulated
 * before is opened again rather than simulated anew. A cancelled simulation leaves no folder behind.
 */
public final class DemoJob extends EdgewiseJob {

    /** Scans the simulator writes. */
    static final int SCANS = 6;

    private final Path parent;
    private final EdgewisePreferences.DemoSettings demo;
    private final IDatasetRegistry registry;
    private volatile Path folder;
    private volatile List<DatasetEntry> opened = List.of();

    /**
     * @param parent   the folder that holds demo datasets (one sub-folder per settings)
     * @param demo     flux, voxel size, detector size and projections
     * @param registry where the scans go
     */
    public DemoJob(Path parent, EdgewisePreferences.DemoSettings demo, IDatasetRegistry registry) {
        super("Simulating the demo dataset", "Could not create the demo dataset in " + parent);
        this.parent = parent;
        this.demo = demo;
        this.registry = registry;
    }

    /** @return the settings the simulator runs with */
    public SimulationSettings settings() {
        return new SimulationSettings(Architecture.preset("63ni"), demo.size(), demo.angles(), demo.flux(), 2, 7,
                demo.voxelUm(), 0.5, 3, 0.003, false, 1, false);
    }

    /** @return the folder of this demo's files: one per set of settings */
    public Path folder() {
        return parent.resolve(String.format(Locale.ROOT, "demo-63ni-%dpx-%da-flux%.0f-voxel%s", demo.size(),
                demo.angles(), demo.flux(), demo.voxelUm() > 0 ? String.format(Locale.ROOT, "%.4fum", demo.voxelUm())
                        : "auto"));
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), SCANS + 3); // phantom, scans, truth, opening
        Path target = folder();
        if (!Files.isRegularFile(target.resolve(Simulator.TRUTH_FILE))) {
            simulate(target, monitor);
        } else {
            monitor.subTask("reusing the demo dataset simulated before in " + target);
            monitor.worked(SCANS + 2);
        }
        monitor.subTask("opening the scans");
        List<DatasetEntry> entries = new DatasetLoader(EdgewisePreferences.volumeMemoryBytes()).open(target,
                line -> monitor.subTask(line));
        registry.putAll(entries);
        monitor.worked(1);
        folder = target;
        opened = entries;
    }

    private void simulate(Path target, IProgressMonitor monitor) throws IOException {
        // simulate beside the target and rename at the end: a cancelled run never looks finished
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, ".demo-");
        try {
            Simulator.run(settings(), temporary, line -> {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                monitor.subTask(line);
                monitor.worked(1);
            });
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            FileTrees.deleteQuietly(target); // an incomplete folder from an older version
            Files.move(temporary, target);
        } finally {
            FileTrees.deleteQuietly(temporary);
        }
    }

    /** @return the folder the scans were opened from (null until the job succeeded) */
    public Path getFolder() {
        return folder;
    }

    /** @return the scans the job added */
    public List<DatasetEntry> getOpened() {
        return opened;
    }
}
