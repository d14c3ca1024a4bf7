package org.edgewise.ui.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;
import org.edgewise.core.pipeline.PipelineCancelledException;

/**
 * A long step of the workbench (open, simulate, align, reconstruct, segment, analyse) as an Eclipse job: it runs
 * off the display thread with progress and Cancel in the progress view. A failure is shown once, in a dialog
 * that names the file and the problem, and logged with its stack trace; a cancelled run reports nothing.
 * <pre>{@code
 * new EdgewiseJob("Opening " + folder, "Could not open " + folder) {
 *     protected void work(IProgressMonitor monitor) throws Exception { ... }
 * }.schedule();
 * }</pre>
 */
public abstract class EdgewiseJob extends Job {

    /** Job family of every Edgewise job ({@code Job.getJobManager().join(EdgewiseJob.FAMILY, null)}). */
    public static final Object FAMILY = EdgewiseJob.class;

    private final String failure;

    /**
     * @param name    the job's name in the progress view, e.g. {@code Reconstructing 6 scans}
     * @param failure the start of the error message, e.g. {@code Could not reconstruct scan_05.h5}
     */
    protected EdgewiseJob(String name, String failure) {
        super(name);
        this.failure = failure;
        setUser(true);
        // this class reports its own errors; the workbench must not prompt a second time
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    /**
     * Does the work; {@code monitor.beginTask} is up to the implementation. Throw
     * {@link OperationCanceledException} (or let a {@link PipelineCancelledException} through) on cancel.
     *
     * @param monitor progress and cancel; wrap it in {@link MonitorAdapter} for headless code
     * @throws Exception any failure; its message is shown to the user
     */
    protected abstract void work(IProgressMonitor monitor) throws Exception;

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        try {
            work(monitor);
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (OperationCanceledException | PipelineCancelledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            return reportFailure(e);
        } finally {
            monitor.done();
        }
    }

    /** @param error the failure @return the error status after showing it (the job framework logs it) */
    protected IStatus reportFailure(Throwable error) {
        return ErrorReporter.show(failure, error);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY || super.belongsTo(family);
    }
}
