package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgewise.api.files.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheTargetWholeAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out/table.csv");
        AtomicFiles.write(target, temporary -> Files.writeString(temporary, "old"));
        AtomicFiles.write(target, temporary -> Files.writeString(temporary, "new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("table.csv"), listing(dir.resolve("out")));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("table.csv");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("table.csv"), listing(dir));
    }

    @Test
    void aMoveReplacesTheTargetAndRemovesTheSource() throws IOException {
        Path staged = Files.createDirectory(dir.resolve(".run")).resolve("results.h5");
        Files.writeString(staged, "results");
        Files.writeString(dir.resolve("results.h5"), "earlier");
        AtomicFiles.move(staged, dir.resolve("results.h5"));
        assertEquals("results", Files.readString(dir.resolve("results.h5")));
        assertFalse(Files.exists(staged));
    }
}
