package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edgewise.api.files.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The batch's record of one run, {@code DIR/.batch/NAME.json}: what the run was computed from and how it ended. A
 * finished run's record holds the SHA-256 of the {@code provenance.json} it committed, so a re-run knows that the
 * folder is still the one computed from these inputs and parameters.
 *
 * @param name             the run
 * @param status           {@code done} or {@code failed}
 * @param fingerprint      {@link RunFingerprint#sha256()} of the inputs, parameters and analysis
 * @param inputs           the input files with sizes and SHA-256
 * @param parameters       the parameter overrides
 * @param analysis         the analysis's class name
 * @param error            for a failed run, its one-line reason; else empty
 * @param provenanceSha256 for a finished run, SHA-256 of its {@code provenance.json}; else empty
 * @param seconds          how long the run took
 * @param host             where it ran
 * @param finishedAt       ISO-8601 instant
 */
public record RunRecord(String name, String status, String fingerprint, List<RunFingerprint.InputFile> inputs,
        Map<String, String> parameters, String analysis, String error, String provenanceSha256, double seconds,
        String host, String finishedAt) {

    /** Status of a run whose folder was committed. */
    public static final String DONE = "done";
    /** Status of a run that failed for a reason that comes back with the same inputs and parameters. */
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param out  the batch's output folder
     * @param name a run's name
     * @return the file of that run's record
     */
    public static Path file(Path out, String name) {
        return out.resolve(BatchFiles.STATE).resolve(name + ".json");
    }

    /**
     * @return the run's record, or empty when there is none or it is unreadable (the run is then done again)
     */
    public static Optional<RunRecord> read(Path out, String name) {
        Path file = file(out, name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunRecord.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the record atomically.
     *
     * @param out the batch's output folder
     * @throws IOException if it cannot be written
     */
    public void write(Path out) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        AtomicFiles.write(file(out, name), temporary -> Files.write(temporary, bytes));
    }
}
