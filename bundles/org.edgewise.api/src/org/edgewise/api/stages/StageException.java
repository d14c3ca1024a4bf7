package org.edgewise.api.stages;

/**
 * A stage could not produce its result for these inputs (for example, a dataset is too small for the requested
 * binning). The message is shown to the user as is, so it should say what was wrong and with which value.
 */
public class StageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, with the offending values */
    public StageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public StageException(String message, Throwable cause) {
        super(message, cause);
    }
}
