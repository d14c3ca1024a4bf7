package org.edgewise.ui.jobs;

import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.january.IMonitor;

/**
 * The one bridge from Eclipse's {@link IProgressMonitor} (jobs, progress view, Cancel button) to January's
 * {@link IMonitor}, which the headless pipeline and stages take. Work units and sub-task names pass straight
 * through; {@link #isCancelled()} is true once the user pressed Cancel.
 * <pre>{@code
 * protected IStatus run(IProgressMonitor monitor) {
 *     monitor.beginTask("Reconstructing", steps);
 *     runner.run(pipeline, base, out, RunOptions.defaults(), new MonitorAdapter(monitor));
 * }</pre>
 */
public final class MonitorAdapter implements IMonitor {

    private final IProgressMonitor monitor;

    /** @param monitor the job's monitor (the caller has called {@code beginTask}) */
    public MonitorAdapter(IProgressMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void worked(int amount) {
        monitor.worked(amount);
    }

    @Override
    public boolean isCancelled() {
        return monitor.isCanceled();
    }

    @Override
    public void subTask(String taskName) {
        monitor.subTask(taskName);
    }
}
