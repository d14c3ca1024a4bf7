package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgewise.api.files.OutputException;
import org.edgewise.api.files.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void showsTheFilesOnlyAfterCommitAndLeavesNoLockOrStaging(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b/out");
        try (OutputFolder folder = OutputFolder.open(out, "edgewise test", List.of())) {
            Files.writeString(folder.staging().resolve("result.txt"), "1");
            assertFalse(Files.exists(out), "nothing is visible before the commit");
            assertEquals(List.of(out.resolve("result.txt").toAbsolutePath()), folder.commit());
        }
        assertEquals("1", Files.readString(out.resolve("result.txt")));
        assertEquals(List.of("out"), names(dir.resolve("a/b")), "no lock or staging folder is left");
    }

    @Test
    void aRunThatDoesNotCommitLeavesTheLocationAsItWas(@TempDir Path dir) throws IOException {
        try (OutputFolder folder = OutputFolder.open(dir.resolve("new/out"), "edgewise test", List.of())) {
            Files.writeString(folder.staging().resolve("half.txt"), "half");
        }
        assertEquals(List.of(), names(dir), "the parent it created is removed too");
    }

    @Test
    void aSecondRunIntoTheSameFolderFailsNamingTheFirst(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        try (OutputFolder first = OutputFolder.open(out, "edgewise first", List.of())) {
            OutputException e = assertThrows(OutputException.class,
                    () -> OutputFolder.open(out, "edgewise second", List.of()));
            assertTrue(e.getMessage().contains("in use by another run (edgewise first, process "), e.getMessage());
        }
        try (OutputFolder again = OutputFolder.open(out, "edgewise second", List.of())) {
            assertTrue(Files.isDirectory(again.staging()), "the lock is released on close");
        }
    }

    @Test
    void replacesAnEarlierRunOfTheSameCommandAsAWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        try (OutputFolder folder = OutputFolder.open(out, "edgewise test", List.of())) {
            Files.writeString(folder.staging().resolve("old.txt"), "old");
            folder.commit();
        }
        try (OutputFolder folder = OutputFolder.open(out, "edgewise test", List.of())) {
            Files.writeString(folder.staging().resolve("new.txt"), "new");
            folder.commit();
        }
        assertEquals(List.of(OutputFolder.MANIFEST_FILE, "new.txt"), names(out),
                "no file of the earlier run is mixed in");
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void refusesFoldersItWouldMixOrLoseFilesIn(@TempDir Path dir) throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(foreign.resolve("mine.txt"), "keep");
        OutputException e = assertThrows(OutputException.class,
                () -> OutputFolder.open(foreign, "edgewise test", List.of()));
        assertTrue(e.getMessage().contains("holds no Edgewise results (mine.txt)"), e.getMessage());

        Path out = dir.resolve("out");
        try (OutputFolder folder = OutputFolder.open(out, "edgewise align", List.of())) {
            Files.writeString(folder.staging().resolve("alignment.csv"), "x");
            folder.commit();
        }
        e = assertThrows(OutputException.class, () -> OutputFolder.open(out, "edgewise segment", List.of()));
        assertTrue(e.getMessage().contains("earlier 'edgewise align' run (alignment.csv)"), e.getMessage());

        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        e = assertThrows(OutputException.class, () -> OutputFolder.open(file, "edgewise test", List.of()));
        assertTrue(e.getMessage().endsWith("is a file, not a folder"), e.getMessage());

        Path inputs = Files.createDirectories(dir.resolve("run"));
        e = assertThrows(OutputException.class,
                () -> OutputFolder.open(inputs, "edgewise test", List.of(inputs.resolve("scan.h5"))));
        assertTrue(e.getMessage().contains("holds the input"), e.getMessage());
        assertEquals("keep", Files.readString(foreign.resolve("mine.txt")));
        assertEquals(List.of("file.txt", "notes", "out", "run"), names(dir), "refusals leave nothing behind");
    }
}
