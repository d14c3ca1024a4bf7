package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.edgewise.api.files.AtomicFiles;

/**
 * Where a run works and how its results appear: a hidden temporary directory inside the output directory holds the
 * slab scratch files and the finished result files; {@link #commit} moves the result files into the output
 * directory atomically, one by one, in the order given; {@link #close} deletes the temporary directory, and, when the
 * run did not commit and the output directory was created for it, the (still empty) output directory too. So a
 * failed or cancelled run leaves nothing behind.
 */
final class RunDirectory implements AutoCloseable {

    private final Path outputDirectory;
    private final Path temporary;
    private final boolean createdOutput;
    private boolean committed;

    private RunDirectory(Path outputDirectory, Path temporary, boolean createdOutput) {
        this.outputDirectory = outputDirectory;
        this.temporary = temporary;
        this.createdOutput = createdOutput;
    }

    /**
     * @param outputDirectory the run's output directory, created if needed
     * @return a new, empty temporary directory inside it
     * @throws PipelineException if either cannot be created
     */
    static RunDirectory create(Path outputDirectory) throws PipelineException {
        boolean createdOutput = !Files.isDirectory(outputDirectory);
        try {
            Files.createDirectories(outputDirectory);
            return new RunDirectory(outputDirectory, Files.createTempDirectory(outputDirectory, ".edgewise-run-"),
                    createdOutput);
        } catch (IOException e) {
            throw new PipelineException("cannot create output directory " + outputDirectory + ": " + e, e);
        }
    }

    /** @return the temporary directory: scratch files and results before {@link #commit} */
    Path temporary() {
        return temporary;
    }

    /** @return where a file called {@code name} is prepared */
    Path staged(String name) {
        return temporary.resolve(name);
    }

    /**
     * Moves the staged files of these names into the output directory, replacing files of the same names.
     *
     * @return the files in the output directory, in order
     * @throws PipelineException naming the file if a move fails
     */
    List<Path> commit(String... names) throws PipelineException {
        List<Path> placed = new ArrayList<>();
        for (String name : names) {
            Path target = outputDirectory.resolve(name);
            try {
                AtomicFiles.move(staged(name), target);
            } catch (IOException e) {
                throw new PipelineException("cannot move " + name + " into " + outputDirectory + ": " + e, e);
            }
            placed.add(target);
        }
        committed = true;
        return placed;
    }

    /** Deletes the temporary directory; after a run that did not commit, also an output directory it created. */
    @Override
    public void close() {
        deleteRecursively(temporary);
        if (!committed && createdOutput) {
            try {
                Files.deleteIfExists(outputDirectory); // only if still empty
            } catch (IOException e) {
                // not empty: someone else wrote there; leave it
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a leftover hidden temporary directory is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
