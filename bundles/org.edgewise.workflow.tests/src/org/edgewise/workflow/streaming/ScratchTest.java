package org.edgewise.workflow.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.edgewise.api.files.OutputException;
import org.edgewise.core.pipeline.Failures;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {

    @TempDir
    Path dir;

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theDefaultFolderIsAHiddenFolderOfTheStagingFolderAndGoesAwayOnClose() throws IOException {
        Path staging = Files.createDirectories(dir.resolve(".out.edgewise-staging-1"));
        Path volumes;
        try (Scratch scratch = Scratch.open(null, staging, 1000, folder -> 1000)) {
            assertEquals(staging.resolve(".scratch"), scratch.folder());
            volumes = scratch.volumesFile();
            assertEquals(scratch.folder().resolve("volumes.h5"), volumes);
            Files.write(volumes, new byte[1000]);
            Files.createDirectories(scratch.file("labels")).resolve("slab-0");
        }
        assertEquals(List.of(), listing(staging), "scratch folder deleted");
    }

    @Test
    void aDiskWithLessFreeSpaceThanThePlanNeedsIsRefusedNamingTheFolderTheNeedAndTheFreeSpace() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        long need = 13_207_024_435L; // six 1224² × 1024 volumes and their labels: 12.3 GB
        long free = 1_288_490_188L;  // 1.2 GB
        OutputException e = assertThrows(OutputException.class, () -> Scratch.open(null, staging, need,
                folder -> free));
        assertEquals(staging + ": has 1.2 GB free, the streaming analysis needs 12.3 GB of scratch space (the volumes"
                + " file and the particle regions); give --scratch DIR on a larger disk", e.getMessage());
        assertEquals(Failures.Kind.OUTPUT, Failures.kind(e));
        assertEquals(List.of(), listing(staging), "nothing created");

        Path given = Files.createDirectories(dir.resolve("fast"));
        OutputException g = assertThrows(OutputException.class, () -> Scratch.open(given, staging, need,
                folder -> folder.equals(given) ? free : Long.MAX_VALUE));
        assertTrue(g.getMessage().startsWith(given + ": has 1.2 GB free"), g.getMessage());
        assertEquals(List.of(), listing(given));
        // exactly enough is enough
        try (Scratch exact = Scratch.open(given, staging, need, folder -> need)) {
            assertTrue(Files.isDirectory(exact.folder()));
        }
        assertEquals(List.of(), listing(given));
    }

    @Test
    void theFileSystemsUsableSpaceIsTheDefault() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        long usable = Files.getFileStore(staging).getUsableSpace();
        assertEquals(usable, Scratch.FreeSpace.FILE_STORE.of(staging));
        OutputException e = assertThrows(OutputException.class, () -> Scratch.open(null, staging, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains(" free, the streaming analysis needs 8589934592.0 GB"), e.getMessage());
    }

    @Test
    void aGivenFolderMustExistBeAFolderAndBeWritable() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path missing = dir.resolve("missing");
        OutputException a = assertThrows(OutputException.class, () -> Scratch.open(missing, staging, 1));
        assertEquals(missing + ": scratch folder does not exist; give an existing folder with --scratch",
                a.getMessage());
        assertFalse(Files.exists(missing), "not created");
        Path file = Files.writeString(dir.resolve("file"), "x");
        OutputException b = assertThrows(OutputException.class, () -> Scratch.open(file, staging, 1));
        assertEquals(file + ": scratch folder is a file, not a folder", b.getMessage());
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (!Files.isWritable(readOnly)) { // root may write everywhere
                OutputException c = assertThrows(OutputException.class, () -> Scratch.open(readOnly, staging, 1));
                assertEquals(readOnly + ": scratch folder cannot be written: permission denied", c.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(List.of(), listing(staging));
    }

    /** The way the analysis uses it: whatever ends the run, the scratch folder goes. */
    @Test
    void aFailingAndACancelledRunLeaveNoScratchFolder() throws IOException {
        Path given = Files.createDirectories(dir.resolve("scratch"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path[] used = new Path[1];
        IOException failed = assertThrows(IOException.class, () -> {
            try (Scratch scratch = Scratch.open(given, staging, 10, folder -> 100)) {
                used[0] = scratch.folder();
                Files.write(scratch.volumesFile(), new byte[10]);
                throw new IOException("disk full");
            }
        });
        assertEquals("disk full", failed.getMessage());
        assertTrue(used[0].getFileName().toString().startsWith(".edgewise-scratch-"), used[0].toString());
        assertFalse(Files.exists(used[0]));
        PipelineCancelledException cancelled = assertThrows(PipelineCancelledException.class, () -> {
            try (Scratch scratch = Scratch.open(given, staging, 10, folder -> 100)) {
                used[0] = scratch.folder();
                Files.write(scratch.file("slab-3.tmp"), new byte[10]);
                throw new PipelineCancelledException("cancelled before slab 4 of 9");
            }
        });
        assertEquals(Failures.Kind.CANCELLED, Failures.kind(cancelled));
        assertFalse(Files.exists(used[0]));
        assertEquals(List.of(), listing(given), "nothing left in the given folder");
    }
}
