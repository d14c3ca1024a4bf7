package org.edgewise.ui.jobs;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.statushandlers.StatusManager;
import org.edgewise.ui.EdgewiseUi;

/**
 * Shows errors the way users need them: a dialog whose message names the file and the problem (the exception's
 * own message, which the headless code writes for people), with the stack trace only under "Details" and in the
 * Error Log.
 */
public final class ErrorReporter {

    private ErrorReporter() {
    }

    /**
     * Shows and logs an error.
     *
     * @param what  what failed, e.g. {@code Could not open /data/run7}
     * @param error the cause; its message is shown, its stack trace logged
     * @return the error status
     */
    public static IStatus report(String what, Throwable error) {
        IStatus status = status(what, error);
        StatusManager.getManager().handle(status, StatusManager.SHOW | StatusManager.LOG);
        return status;
    }

    /**
     * Shows the error of a job; the job returns the status, and the job framework logs it (once).
     *
     * @param what  what failed
     * @param error the cause
     * @return the error status for the job to return
     */
    static IStatus show(String what, Throwable error) {
        IStatus status = status(what, error);
        StatusManager.getManager().handle(status, StatusManager.SHOW);
        return status;
    }

    /**
     * @param what  what failed
     * @param error the cause
     * @return {@code "what: message"} as an error status carrying the exception
     */
    public static IStatus status(String what, Throwable error) {
        return new Status(IStatus.ERROR, EdgewiseUi.PLUGIN_ID, what + ": " + message(error), error);
    }

    /**
     * @param error any exception
     * @return its message for people: the first message along the cause chain (headless code puts the file and
     *         the problem in it), or the exception's type when none has one
     */
    public static String message(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}
