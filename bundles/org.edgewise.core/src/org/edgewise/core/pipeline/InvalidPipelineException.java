package org.edgewise.core.pipeline;

/**
 * The pipeline cannot run as written (unknown stage, wrong kind order, bad parameter, missing input); found before
 * anything is computed or written.
 */
public class InvalidPipelineException extends PipelineException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the step, the stage and what is wrong */
    public InvalidPipelineException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the input or step and what is wrong
     * @param cause   the underlying problem, e.g. an input file that cannot be used
     */
    public InvalidPipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
