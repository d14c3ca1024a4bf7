package org.edgewise.workflow.streaming;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgewise.api.files.FileErrors;
import org.edgewise.api.files.OutputException;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.api.files.FileTrees;

/**
 * The scratch folder of a streaming analysis: where the volumes file and the temporary files go. By default it is a
 * hidden folder inside the run's staging folder ({@link OutputFolder#staging()}: same disk as the results, removed
 * with the staging folder whatever happens); with {@code --scratch DIR} it is a new hidden folder inside DIR (e.g. a
 * faster or larger disk). Its free space is checked against the plan before any work, and {@link #close()} deletes it
 * after success, failure and cancel (Ctrl-C included: the command line cancels the run and closes it before the JVM
 * exits).
 * <p>
 * A problem is an {@link OutputException} (exit code 4, like an output folder that cannot be used) whose message is
 * one line naming the folder, e.g. {@code /mnt/fast: has 1.2 GB free, the streaming analysis needs 12.3 GB of
 * scratch space (the volumes file and the particle regions); give --scratch DIR on a larger disk}.
 * <pre>{@code
 * try (Scratch scratch = Scratch.open(null, staging, plan.scratchBytes())) {
 *     StreamingReconstruction.run(scans, scratch.volumesFile(), settings, monitor);
 * }
 * }</pre>
 */
public final class Scratch implements AutoCloseable {

    /** The name of the scratch folder inside the staging folder (hidden: never part of the results). */
    public static final String DEFAULT_NAME = ".scratch";
    /** The prefix of the scratch folder made inside a folder given with {@code --scratch}. */
    public static final String PREFIX = ".edgewise-scratch-";
    /** The volumes file's name in the scratch folder. */
    public static final String VOLUMES_FILE = "volumes.h5";

    /** The free space of the file system holding a folder, bytes (injectable for tests). */
    @FunctionalInterface
    public interface FreeSpace {
        /**
         * @param folder an existing folder
         * @return the bytes this process may still write there
         */
        long of(Path folder) throws IOException;

        /** The file system's usable space ({@link FileStore#getUsableSpace()}). */
        FreeSpace FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();
    }

    private final Path folder;
    private boolean closed;

    private Scratch(Path folder) {
        this.folder = folder;
    }

    /**
     * Checks the place and its free space, then makes the scratch folder.
     *
     * @param given       the folder given with {@code --scratch}, or null for the default inside {@code staging}
     * @param staging     the run's staging folder (it exists)
     * @param neededBytes the scratch space the plan needs ({@link MemoryPlan#scratchBytes()})
     * @return the new, empty scratch folder
     * @throws OutputException naming the folder if it does not exist, is not a folder, cannot be written or has too
     *                         little free space (nothing was created)
     */
    public static Scratch open(Path given, Path staging, long neededBytes) throws OutputException {
        return open(given, staging, neededBytes, FreeSpace.FILE_STORE);
    }

    /**
     * As {@link #open(Path, Path, long)} with the free space told by {@code freeSpace}.
     */
    public static Scratch open(Path given, Path staging, long neededBytes, FreeSpace freeSpace)
            throws OutputException {
        Path place = given == null ? staging : given;
        if (given != null) {
            check(given);
        }
        long free;
        try {
            free = freeSpace.of(place);
        } catch (IOException e) {
            throw new OutputException(place, "the free space of the scratch folder cannot be read: "
                    + FileErrors.reason(e), e);
        }
        if (free < neededBytes) {
            throw new OutputException(place, "has " + MemoryPlan.formatSize(free) + " free, the streaming analysis"
                    + " needs " + MemoryPlan.formatSize(neededBytes) + " of scratch space (the volumes file and the"
                    + " particle regions); " + (given == null ? "give --scratch DIR on a larger disk"
                            : "give --scratch another folder on a larger disk"));
        }
        Path folder;
        try {
            folder = given == null ? Files.createDirectory(staging.resolve(DEFAULT_NAME))
                    : Files.createTempDirectory(given, PREFIX);
        } catch (IOException e) {
            throw new OutputException(place, "scratch folder cannot be written: " + FileErrors.reason(e), e);
        }
        return new Scratch(folder);
    }

    /**
     * Checks a folder given with {@code --scratch} (also when the run turns out not to need it).
     *
     * @param given the folder
     * @throws OutputException naming it if it does not exist, is a file or cannot be written
     */
    public static void check(Path given) throws OutputException {
        if (!Files.exists(given)) {
            throw new OutputException(given, "scratch folder does not exist; give an existing folder with"
                    + " --scratch");
        }
        if (!Files.isDirectory(given)) {
            throw new OutputException(given, "scratch folder is a file, not a folder");
        }
        if (!Files.isWritable(given)) {
            throw new OutputException(given, "scratch folder cannot be written: permission denied");
        }
        try { // a user who may write everywhere still cannot write to a read-only or special file system
            Files.delete(Files.createTempDirectory(given, PREFIX));
        } catch (IOException e) {
            throw new OutputException(given, "scratch folder cannot be written: " + FileErrors.reason(e), e);
        }
    }

    /** @return the scratch folder (exists until {@link #close()}) */
    public Path folder() {
        return folder;
    }

    /** @return where the streaming reconstruction writes the volumes file */
    public Path volumesFile() {
        return folder.resolve(VOLUMES_FILE);
    }

    /**
     * @param name a file name
     * @return a path for a temporary file in the scratch folder
     */
    public Path file(String name) {
        return folder.resolve(name);
    }

    /** Deletes the scratch folder and everything in it. Never throws: a failed or cancelled run must still clean up. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FileTrees.deleteQuietly(folder);
    }
}
