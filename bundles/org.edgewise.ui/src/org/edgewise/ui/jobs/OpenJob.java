package org.edgewise.ui.jobs;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetLoader;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.preferences.EdgewisePreferences;

/**
 * File › Open: reads a folder of scans, a scan, a TIFF stack or a results file and puts what it holds into the
 * dataset registry. A file that cannot be opened is reported by name with its problem; nothing is added then.
 */
public final class OpenJob extends EdgewiseJob {

    private final Path path;
    private final IDatasetRegistry registry;
    private volatile List<DatasetEntry> opened = List.of();

    /**
     * @param path     what to open
     * @param registry where the datasets go
     */
    public OpenJob(Path path, IDatasetRegistry registry) {
        super("Opening " + path.getFileName(), "Could not open " + path);
        this.path = path;
        this.registry = registry;
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        List<DatasetEntry> entries = new DatasetLoader(EdgewisePreferences.volumeMemoryBytes()).open(path, line -> {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            monitor.subTask(line);
        });
        registry.putAll(entries);
        opened = entries;
    }

    /** @return the datasets the job added (empty until it succeeded) */
    public List<DatasetEntry> getOpened() {
        return opened;
    }
}
