package org.edgewise.api.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a folder with everything in it: staging, scratch and temporary folders that a command made and must not
 * leave behind. A symbolic link is removed as a link; what it points to is never touched.
 * <pre>{@code
 * FileTrees.delete(staging);          // an error says why it could not be removed
 * FileTrees.deleteQuietly(scratch);   // best effort, e.g. in a finally block after another error
 * }</pre>
 */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes a file, or a folder and everything in it, deepest first; nothing when it does not exist.
     *
     * @param path a file or folder
     * @throws IOException if something could not be deleted (what was deleted before stays deleted)
     */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(path)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : deepestFirst) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * As {@link #delete} but never fails: deletes what it can and leaves the rest (hidden scratch space that holds
     * no result, removed again by a later run).
     *
     * @param path a file or folder
     */
    public static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind, see above; go on with the rest
                }
            });
        } catch (IOException | RuntimeException e) {
            // left behind, see above
        }
    }
}
