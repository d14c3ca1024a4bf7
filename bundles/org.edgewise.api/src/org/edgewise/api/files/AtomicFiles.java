package org.edgewise.api.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts files in place whole or not at all: content is written to a temporary file in the target's directory and
 * then renamed over the target, so a reader never sees half a file and a failed write leaves the old file (or none).
 * <p>
 * This is the one place where Edgewise moves output into place: data files, tables and images through
 * {@link #write}, and the pipeline runner's results, written into a temporary run directory beside them, through
 * {@link #move}. It lives in the API bundle because both the pipeline runner (core) and the file formats (io) need
 * it and neither depends on the other.
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("truth.json"), temporary -> Files.writeString(temporary, json));
 * }</pre>
 */
public final class AtomicFiles {

    /** Writes the content of one temporary file. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param temporary the file to write (it does not exist yet)
         * @throws IOException on failure; the target is then left untouched
         */
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the final file; its parent directory is created if needed
     * @param writer writes the content
     * @throws IOException if writing or renaming fails (the temporary file is removed)
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + "-" + System.nanoTime());
        try {
            writer.write(temporary);
            move(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Renames a finished file over its target, replacing it.
     * <p>
     * The source must be on the target's file system (in practice: in the same directory or a temporary directory
     * beside it). There the rename is atomic; on a file system that refuses {@code ATOMIC_MOVE} outright the move is
     * retried as a plain replacing rename, which on one file system is still a single {@code rename}.
     *
     * @param source a complete file
     * @param target where it goes
     * @throws IOException naming both files if the move fails (the target is then unchanged)
     */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
