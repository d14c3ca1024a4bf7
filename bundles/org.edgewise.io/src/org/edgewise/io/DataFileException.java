package org.edgewise.io;

import java.nio.file.Path;

import org.edgewise.api.files.InputException;

/**
 * A data file that cannot be used as it is. The message always names the file and, where one is concerned, the
 * dataset path inside it: {@code scan_ni_below.h5: /exchange/theta: 180 angles for 181 projections}. Every reader
 * of {@code org.edgewise.io} reports its problems this way; commands treat it as every other
 * {@link InputException}.
 */
public class DataFileException extends InputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file        the file concerned
     * @param datasetPath the dataset or group path inside it, or {@code null} for the file as a whole
     * @param problem     what is wrong, for a user
     * @param cause       the underlying error, or {@code null}
     */
    public DataFileException(Path file, String datasetPath, String problem, Throwable cause) {
        super(file, datasetPath, problem, cause);
    }

    public DataFileException(Path file, String datasetPath, String problem) {
        this(file, datasetPath, problem, null);
    }
}
