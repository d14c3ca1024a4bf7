package org.edgewise.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.edgewise.api.sources.InputSpec;

/**
 * Describes a pipeline's inputs for its provenance record: each input file's absolute path, size and SHA-256, so
 * that a result can be traced to the exact bytes it was computed from. In-memory inputs have no file: size −1 and
 * an empty hash.
 */
public final class InputProvenance {

    private InputProvenance() {
    }

    /**
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against
     * @return one record per input, in the pipeline's order
     * @throws PipelineException naming the input if a file cannot be read
     */
    static List<Provenance.Input> describe(Pipeline pipeline, Path baseDirectory) throws PipelineException {
        List<Provenance.Input> records = new ArrayList<>();
        for (InputSpec spec : pipeline.inputs()) {
            String dataset = spec.path() == null ? "" : spec.path();
            if (spec.inMemory()) {
                records.add(new Provenance.Input(spec.name(), spec.file(), dataset, spec.kind().id(), -1, ""));
                continue;
            }
            Path file = spec.resolve(baseDirectory);
            try {
                records.add(new Provenance.Input(spec.name(), file.toString(), dataset, spec.kind().id(),
                        Files.size(file), sha256(file)));
            } catch (IOException e) {
                throw new PipelineException("input '" + spec.name() + "': cannot read " + file + ": " + e, e);
            }
        }
        return records;
    }

    /**
     * @param file a file
     * @return its SHA-256 as 64 lowercase hex digits
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
