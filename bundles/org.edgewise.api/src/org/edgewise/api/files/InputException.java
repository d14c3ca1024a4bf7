package org.edgewise.api.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input that the method cannot use as it is: a missing, unreadable, damaged or inconsistent file, or data that
 * are outside what the method accepts. Found before any work where possible. The message is one line that names
 * the file, the dataset inside it (when one is concerned), what is wrong and, where it helps, what would be
 * accepted: {@code scan_05.h5: /exchange/theta: 180 angles for 181 projections}.
 * <p>
 * Commands exit with the same code for every input problem, whichever command and reader found it.
 */
public class InputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String datasetPath;

    /**
     * @param file        the file concerned, or {@code null} for a problem of several inputs together
     * @param datasetPath the dataset or group path inside it, or {@code null} for the file as a whole
     * @param problem     what is wrong, for a user (one line)
     * @param cause       the underlying error, or {@code null}
     */
    public InputException(Path file, String datasetPath, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + (datasetPath == null ? "" : datasetPath + ": ") + problem, cause);
        this.file = file;
        this.datasetPath = datasetPath;
    }

    /** As {@link #InputException(Path, String, String, Throwable)} without a cause. */
    public InputException(Path file, String datasetPath, String problem) {
        this(file, datasetPath, problem, null);
    }

    /** @return the file concerned, or {@code null} when the problem concerns several inputs */
    public Path file() {
        return file;
    }

    /** @return the dataset path inside the file, or {@code null} */
    public String datasetPath() {
        return datasetPath;
    }
}
