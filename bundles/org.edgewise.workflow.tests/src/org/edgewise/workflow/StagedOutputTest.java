package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

    @Test
    void filesAppearOnlyOnCommitAndReplaceOlderOnes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("plots"));
        Files.writeString(out.resolve("plots").resolve("old.png"), "old");
        Files.writeString(out.resolve("keep.txt"), "keep");
        try (StagedOutput staged = StagedOutput.create(out)) {
            Files.writeString(staged.dir().resolve("table.csv"), "a,b\n");
            Files.createDirectories(staged.dir().resolve("plots"));
            Files.writeString(staged.dir().resolve("plots").resolve("new.png"), "new");
            assertFalse(Files.exists(out.resolve("table.csv")), "nothing before the commit");
            staged.commit();
        }
        assertEquals(List.of("keep.txt", "plots", "table.csv"), list(out));
        assertEquals(List.of("new.png"), list(out.resolve("plots")));
    }

    @Test
    void withoutACommitNothingIsLeft(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new");
        try (StagedOutput staged = StagedOutput.create(out)) {
            Files.writeString(staged.dir().resolve("table.csv"), "a,b\n");
        }
        assertFalse(Files.exists(out), "the folder it created is gone");
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
