package org.edgewise.workflow;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder filled only when everything succeeded: files are written into a hidden temporary folder inside
 * it and moved into place by {@link #commit()} (each file or folder by one rename, replacing what was there);
 * {@link #close()} without a commit removes everything written.
 * <pre>{@code
 * try (StagedOutput staged = StagedOutput.create(out)) {
 *     table.write(staged.dir().resolve("alignment.csv"));
 *     staged.commit();
 * }
 * }</pre>
 */
public final class StagedOutput implements AutoCloseable {

    private final Path target;
    private final Path dir;
    private final boolean createdTarget;
    private boolean committed;

    private StagedOutput(Path target, Path dir, boolean createdTarget) {
        this.target = target;
        this.dir = dir;
        this.createdTarget = createdTarget;
    }

    /**
     * @param target the output folder (created if needed)
     * @return a staging folder inside it
     * @throws IOException if the folders cannot be created
     */
    public static StagedOutput create(Path target) throws IOException {
        boolean created = !Files.isDirectory(target);
        Files.createDirectories(target);
        return new StagedOutput(target, Files.createTempDirectory(target, ".edgewise-staged-"), created);
    }

    /** @return where to write */
    public Path dir() {
        return dir;
    }

    /**
     * Moves every file and folder written into {@link #dir()} to the output folder, replacing files and folders of
     * the same names.
     *
     * @throws IOException if a move fails
     */
    public void commit() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            Path destination = target.resolve(entry.getFileName().toString());
            if (Files.isDirectory(destination)) {
                deleteRecursively(destination);
            }
            try {
                Files.move(entry, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(entry, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
        deleteRecursively(dir);
    }

    /** Removes the staging folder (and the output folder when it was created here and nothing was committed). */
    @Override
    public void close() throws IOException {
        deleteRecursively(dir);
        if (!committed && createdTarget) {
            try {
                Files.deleteIfExists(target); // only if still empty
            } catch (IOException e) {
                // someone else wrote there meanwhile: leave it
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
