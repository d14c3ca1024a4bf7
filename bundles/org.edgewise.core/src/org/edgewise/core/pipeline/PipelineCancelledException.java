package org.edgewise.core.pipeline;

/** The run was cancelled through its monitor; nothing was written to the output directory. */
public class PipelineCancelledException extends PipelineException {

    private static final long serialVersionUID = 1L;

    /** @param message where the run stopped */
    public PipelineCancelledException(String message) {
        super(message);
    }
}
