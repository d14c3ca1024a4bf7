package org.edgewise.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.edgewise.core.pipeline.InputProvenance;

/**
 * What a run's results are computed from: every input file (path inside the input folder, size, SHA-256, as in a
 * run's provenance), the parameter overrides and the analysis. Two runs with the same {@link #sha256()} give the
 * same results, so a batch run again skips them.
 *
 * @param inputs     every regular file of the input folder (or the input file), sorted by path
 * @param parameters the overrides, sorted by name
 * @param analysis   the analysis's class name
 * @param sha256     SHA-256 of all of the above
 */
public record RunFingerprint(List<InputFile> inputs, Map<String, String> parameters, String analysis, String sha256) {

    /**
     * @param path      path relative to the input folder ({@code /} separated), or the file name of an input file
     * @param sizeBytes size in bytes
     * @param sha256    SHA-256 of the whole file, 64 hex digits
     */
    public record InputFile(String path, long sizeBytes, String sha256) {
    }

    public RunFingerprint {
        inputs = List.copyOf(inputs);
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /**
     * Hashes a run's inputs (hidden files and folders are left out: they are no scan).
     *
     * @param run      the run
     * @param analysis the analysis's class name
     * @return its fingerprint
     * @throws IOException naming the input if it does not exist or cannot be read
     */
    public static RunFingerprint of(RunSpec run, String analysis) throws IOException {
        Path input = run.inputPath();
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such input folder or file");
        }
        List<Path> files;
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                files = walk.filter(Files::isRegularFile).filter(p -> !hidden(input.relativize(p))).sorted().toList();
            }
        } else {
            files = List.of(input);
        }
        List<InputFile> records = new ArrayList<>();
        for (Path file : files) {
            String path = Files.isDirectory(input) ? input.relativize(file).toString().replace('\\', '/')
                    : file.getFileName().toString();
            records.add(new InputFile(path, Files.size(file), InputProvenance.sha256(file)));
        }
        return create(records, run.parameters(), analysis);
    }

    /**
     * @return the fingerprint of these parts
     */
    static RunFingerprint create(List<InputFile> inputs, Map<String, String> parameters, String analysis) {
        StringBuilder text = new StringBuilder("edgewise batch run\n").append(analysis).append('\n');
        for (InputFile file : inputs) {
            text.append("input ").append(file.path()).append(' ').append(file.sizeBytes()).append(' ')
                    .append(file.sha256()).append('\n');
        }
        new TreeMap<>(parameters).forEach((name, value) -> text.append("parameter ").append(name).append('=')
                .append(value).append('\n'));
        return new RunFingerprint(inputs, parameters, analysis, sha256(text.toString()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
