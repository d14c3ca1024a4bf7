package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be used as it is. The message always names the file and, where one is concerned, the
 * dataset path inside it: {@code scan_ni_below.h5: /exchange/theta: 180 angles for 181 projections}.
 */
public class DataFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String datasetPath;

    /**
     * @param file        the file concerned
     * @param datasetPath the dataset or group path inside it, or {@code null} for the file as a whole
     * @param problem     what is wrong, for a user
     * @param cause       the underlying error, or {@code null}
     */
    public DataFileException(Path file, String datasetPath, String problem, Throwable cause) {
        super(file + (datasetPath == null ? "" : ": " + datasetPath) + ": " + problem, cause);
        this.file = file;
        this.datasetPath = datasetPath;
    }

    public DataFileException(Path file, String datasetPath, String problem) {
        this(file, datasetPath, problem, null);
    }

    /** @return the file concerned */
    public Path file() {
        return file;
    }

    /** @return the dataset path inside the file, or {@code null} */
    public String datasetPath() {
        return datasetPath;
    }
}
