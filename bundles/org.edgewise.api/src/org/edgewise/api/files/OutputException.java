package org.edgewise.api.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The output location cannot be used: it cannot be created or written, it is a file, another run is writing to it,
 * or it holds the results of a different command or the inputs of this one. Found before any work. The message is
 * one line naming the folder and the reason, e.g. {@code out: cannot be created: permission denied}.
 */
public class OutputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    /**
     * @param folder  the output folder (or file) concerned
     * @param problem what is wrong, for a user (one line)
     * @param cause   the underlying error, or {@code null}
     */
    public OutputException(Path folder, String problem, Throwable cause) {
        super(folder + ": " + problem, cause);
        this.folder = folder;
    }

    /** As {@link #OutputException(Path, String, Throwable)} without a cause. */
    public OutputException(Path folder, String problem) {
        this(folder, problem, null);
    }

    /** @return the folder concerned */
    public Path folder() {
        return folder;
    }
}
