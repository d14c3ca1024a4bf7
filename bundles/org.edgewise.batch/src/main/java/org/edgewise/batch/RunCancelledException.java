package org.edgewise.batch;

/** Thrown inside a task when the batch was cancelled: Spark then counts the task as killed, not failed. */
public final class RunCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param run the run that was stopped */
    public RunCancelledException(String run) {
        super("run " + run + " cancelled");
    }
}
