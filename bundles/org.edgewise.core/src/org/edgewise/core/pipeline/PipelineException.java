package org.edgewise.core.pipeline;

/** A pipeline run did not produce its results. The message is one line a user can act on. */
public class PipelineException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the step and stage */
    public PipelineException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause why */
    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
