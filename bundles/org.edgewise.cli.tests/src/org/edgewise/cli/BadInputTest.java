package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.io.DataExchange;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, inconsistent and unusual inputs through every command, made at test time from one small simulated run
 * (32 px, 24 angles; no stored binaries). Every rejected case asserts: the exit code of its kind, exactly one line on
 * stderr that starts {@code edgewise COMMAND: }, names the file and says the problem, no stack trace and no Java
 * class name, nothing in the output location (no folder, no staging folder, no lock), and inputs byte-identical.
 * Valid-but-unusual inputs (eV and nm units, radians, float64, uint8, chunked + gzip, spaces and non-ASCII in paths,
 * one NaN or negative pixel) run to exit 0.
 */
class BadInputTest {

    private static final int USAGE = 2;
    private static final int INPUT = 3;
    private static final int OUTPUT = 4;
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    @TempDir
    static Path shared;
    private static Path run;
    private static ScanVariants niBelow;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void simulate() throws IOException {
        run = shared.resolve("run");
        StringWriter log = new StringWriter();
        int status = EdgewiseCommand.execute(new String[] { "simulate", "--out", run.toString(), "--size", "32",
            "--angles", "24", "--particles", "1", "--seed", "5", "--jitter", "0.3" }, new PrintWriter(log),
                new PrintWriter(log));
        assertEquals(0, status, log.toString());
        niBelow = ScanVariants.read(run.resolve("scan_05_ni_below.h5"));
    }

    @BeforeEach
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    private int execute(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** @return a folder of the case holding copies of the named simulated scans */
    private Path folderWith(String name, String... scans) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String scan : scans) {
            Files.copy(run.resolve(scan), folder.resolve(scan));
        }
        return folder;
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try {
                    hashes.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest
                            .getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return hashes;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Runs a command that must be refused and checks everything a refusal promises.
     *
     * @param code     the exit code
     * @param inputs   the folder holding every input of the case (hashed before and after)
     * @param outDir   the output folder given (must not exist afterwards, nor anything next to it)
     * @param expected texts the error line must contain (the file's name, the problem)
     * @param args     the command line
     * @return the error line
     */
    private String assertRefused(int code, Path inputs, Path outDir, List<String> expected, String... args)
            throws IOException {
        Map<String, String> before = hashes(inputs);
        List<String> around = Files.isDirectory(outDir.getParent()) ? listing(outDir.getParent()) : null;
        int status = execute(args);
        String text = err.toString().strip();
        assertEquals(code, status, text);
        List<String> lines = text.lines().toList();
        assertEquals(1, lines.size(), "one line: " + text);
        String line = lines.get(0);
        assertTrue(line.startsWith("edgewise " + args[0] + ": "), line);
        for (String part : expected) {
            assertTrue(line.contains(part), "'" + part + "' in: " + line);
        }
        assertFalse(line.contains("Exception") || line.contains("\tat ") || CLASS_NAME.matcher(line).find(),
                "no stack trace or class name: " + line);
        assertFalse(Files.exists(outDir), "nothing at " + outDir);
        if (around != null) {
            assertEquals(around, listing(outDir.getParent()), "no staging folder or lock left next to it");
        }
        assertEquals(before, hashes(inputs), "inputs unchanged");
        System.out.println("exit " + code + ": " + line); // the evidence for the error table of the docs
        return line;
    }

    private void assertSucceeds(String... args) {
        int status = execute(args);
        assertEquals(0, status, err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    // ---- 1. data the method cannot use: an error before any work, naming the file, dataset and problem ----

    @Test
    void anEnergyInElectronVoltsLabelledKevIsRefusedWithAHint() throws IOException {
        ScanVariants scan = niBelow.copy();
        scan.energy = 8313;
        Path file = scan.write(Files.createDirectories(dir.resolve("in")).resolve("ev.h5"));
        assertRefused(INPUT, dir.resolve("in"), dir.resolve("out"), List.of("ev.h5", DataExchange.ENERGY,
                "8313 keV", "units attribute to eV"), "reconstruct", file.toString(), "--out",
                dir.resolve("out").toString(), "--centre", "middle");
    }

    @Test
    void unitsThatAreNotAnEnergyLengthOrAngleAreRefused() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        ScanVariants joules = niBelow.copy();
        joules.energyUnits = "J";
        ScanVariants furlongs = niBelow.copy();
        furlongs.pixelUnits = "furlong";
        ScanVariants turns = niBelow.copy();
        turns.thetaUnits = "turns";
        assertRefused(INPUT, in, dir.resolve("a"), List.of("joules.h5", DataExchange.ENERGY, "units 'J'",
                "accepted: keV or eV"), "reconstruct", joules.write(in.resolve("joules.h5")).toString(), "--out",
                dir.resolve("a").toString(), "--centre", "middle");
        clear();
        assertRefused(INPUT, in, dir.resolve("b"), List.of("furlongs.h5", DataExchange.PIXEL_SIZE,
                "units 'furlong'"), "reconstruct", furlongs.write(in.resolve("furlongs.h5")).toString(), "--out",
                dir.resolve("b").toString(), "--centre", "middle");
        clear();
        assertRefused(INPUT, in, dir.resolve("c"), List.of("turns.h5", DataExchange.THETA, "units 'turns'"),
                "reconstruct", turns.write(in.resolve("turns.h5")).toString(), "--out", dir.resolve("c").toString(),
                "--centre", "middle");
    }

    @Test
    void anglesInRadiansLabelledDegreesAreRefusedWithAHint() throws IOException {
        ScanVariants scan = niBelow.copy();
        for (int i = 0; i < scan.thetaDeg.length; i++) {
            scan.thetaDeg[i] = Math.toRadians(scan.thetaDeg[i]);
        }
        Path file = scan.write(Files.createDirectories(dir.resolve("in")).resolve("rad.h5"));
        assertRefused(INPUT, dir.resolve("in"), dir.resolve("out"), List.of("rad.h5", DataExchange.THETA,
                "span only", "units attribute to rad"), "align", file.toString(), "--out",
                dir.resolve("out").toString());
    }

    @Test
    void aDuplicatedEnergyIsRefusedNamingBothScans() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5", "scan_06_ni_above.h5");
        ScanVariants twin = niBelow.copy();
        twin.energy += 0.002;
        twin.write(folder.resolve("scan_07_ni_below_again.h5"));
        assertRefused(INPUT, folder, dir.resolve("out"), List.of("scan_07_ni_below_again.h5", DataExchange.ENERGY,
                "second scan below the Ni K edge", "scan_05_ni_below.h5"), "align", folder.toString(), "--out",
                dir.resolve("out").toString());
    }

    @Test
    void anEnergyFarFromEveryEdgeOrOnAnEdgeIsRefused() throws IOException {
        Path folder = folderWith("far", "scan_05_ni_below.h5", "scan_06_ni_above.h5");
        ScanVariants far = niBelow.copy();
        far.energy = 9.5;
        far.write(folder.resolve("scan_09_far.h5"));
        assertRefused(INPUT, folder, dir.resolve("out"), List.of("scan_09_far.h5", DataExchange.ENERGY,
                "9.5000 keV is more than 150 eV from every K edge"), "reconstruct", folder.toString(), "--out",
                dir.resolve("out").toString());
        clear();
        Path onEdge = folderWith("edge", "scan_06_ni_above.h5");
        ScanVariants edge = niBelow.copy();
        edge.energy = 8.333;
        edge.write(onEdge.resolve("scan_05_on_edge.h5"));
        assertRefused(INPUT, onEdge, dir.resolve("out"), List.of("scan_05_on_edge.h5", "lies on the Ni K edge"),
                "align", onEdge.toString(), "--out", dir.resolve("out").toString());
    }

    /** One unpairable scan is an error naming it, not a silent switch-off of every pair's registration. */
    @Test
    void aScanWithoutItsPartnerIsRefusedNamingIt() throws IOException {
        Path folder = folderWith("run", "scan_03_co_below.h5", "scan_04_co_above.h5", "scan_05_ni_below.h5");
        String[] expected = { "scan_05_ni_below.h5", "below the Ni K edge, but no scan above it" };
        assertRefused(INPUT, folder, dir.resolve("out"), List.of(expected), "align", folder.toString(), "--out",
                dir.resolve("out").toString());
        clear();
        assertRefused(INPUT, folder, dir.resolve("out"), List.of(expected), "reconstruct", folder.toString(),
                "--out", dir.resolve("out").toString());
    }

    @Test
    void aPatchOfNegativeCountsIsRefusedAndTheBlameGoesToItsOwnFile() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5");
        ScanVariants above = ScanVariants.read(run.resolve("scan_06_ni_above.h5"));
        above.storage = ScanVariants.Storage.FLOAT32;
        for (int r = 10; r < 16; r++) {
            for (int c = 10; c < 16; c++) {
                above.data[7][r][c] = -40;
            }
        }
        above.write(folder.resolve("scan_06_ni_above.h5"));
        String line = assertRefused(INPUT, folder, dir.resolve("out"), List.of("scan_06_ni_above.h5",
                DataExchange.DATA, "projection 7 has 36 of 1024 pixels", "36 negative", "rows 10–15, columns 10–15"),
                "align", folder.toString(), "--out", dir.resolve("out").toString());
        assertFalse(line.contains("scan_05"), line);
    }

    @Test
    void aProjectionThatIsAllNanIsRefused() throws IOException {
        ScanVariants scan = niBelow.copy();
        scan.storage = ScanVariants.Storage.FLOAT32;
        for (float[] row : scan.data[3]) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        Path file = scan.write(Files.createDirectories(dir.resolve("in")).resolve("nan.h5"));
        assertRefused(INPUT, dir.resolve("in"), dir.resolve("out"), List.of("nan.h5", DataExchange.DATA, "frame 3 is entirely NaN"),
                "reconstruct", file.toString(), "--out", dir.resolve("out").toString(), "--centre", "middle");
    }

    @Test
    void swappedFlatsAndDarksAreRefused() throws IOException {
        ScanVariants scan = niBelow.copy();
        float[][][] flats = scan.flats;
        scan.flats = scan.darks;
        scan.darks = flats;
        Path file = scan.write(Files.createDirectories(dir.resolve("in")).resolve("swapped.h5"));
        assertRefused(INPUT, dir.resolve("in"), dir.resolve("out"), List.of("swapped.h5", DataExchange.WHITE,
                "flats and darks swapped"), "reconstruct", file.toString(), "--out", dir.resolve("out").toString(),
                "--centre", "middle");
    }

    @Test
    void inconsistentLayoutsAreRefusedNamingTheDataset() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        ScanVariants angles = niBelow.copy();
        angles.thetaDeg = java.util.Arrays.copyOf(angles.thetaDeg, angles.thetaDeg.length - 1);
        ScanVariants noDark = niBelow.copy();
        noDark.omitted.add(DataExchange.DARK);
        ScanVariants noEnergy = niBelow.copy();
        noEnergy.omitted.add(DataExchange.ENERGY);
        ScanVariants smallFlats = niBelow.copy();
        smallFlats.flats = new float[2][16][16];
        Object[][] cases = { { angles, "angles.h5", DataExchange.THETA, "23 angles for 24 projections" },
            { noDark, "nodark.h5", DataExchange.DARK, "missing" },
            { noEnergy, "noenergy.h5", DataExchange.ENERGY, "energy" },
            { smallFlats, "smallflats.h5", DataExchange.WHITE, "16×16" } };
        for (Object[] c : cases) {
            clear();
            Path file = ((ScanVariants) c[0]).write(in.resolve((String) c[1]));
            Path target = dir.resolve("out-" + c[1]);
            assertRefused(INPUT, in, target, List.of((String) c[1], (String) c[2], (String) c[3]), "reconstruct",
                    file.toString(), "--out", target.toString(), "--centre", "middle");
        }
    }

    @Test
    void invalidOptionsAreUsageErrorsBeforeAnyWork() throws IOException {
        Path volumes = volumes(dir.resolve("vol"), "zero", new float[8 * 8 * 8], 8);
        assertRefused(USAGE, dir.resolve("vol"), dir.resolve("out"), List.of("parameter 'threshold'",
                "= NaN volume unit is not a finite number"),
                "segment", volumes.toString(), "--out", dir.resolve("out").toString(), "--threshold", "NaN");
        clear();
        assertRefused(USAGE, dir.resolve("vol"), dir.resolve("out"), List.of("Opening radius", "-1"), "segment",
                volumes.toString(), "--out", dir.resolve("out").toString(), "--open-um", "-1");
        clear();
        assertRefused(USAGE, dir.resolve("vol"), dir.resolve("out"), List.of("--volume", "no volume 'nope'"),
                "segment", volumes.toString(), "--out", dir.resolve("out").toString(), "--volume", "nope");
    }

    // ---- 2. and 7. the output location: nothing left on failure, one run per folder ----

    @Test
    void anOutputThatIsAFileOrUnderAFileIsRefused() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5");
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        assertEquals(OUTPUT, execute("reconstruct", folder.toString(), "--out", file.toString(), "--centre",
                "middle"));
        assertTrue(err.toString().strip().equals("edgewise reconstruct: " + file + ": is a file, not a folder"),
                err.toString());
        clear();
        Path under = file.resolve("out");
        assertRefused(OUTPUT, folder, under, List.of(under.toString(), "cannot be created: " + file + " is a file"), "reconstruct",
                folder.toString(), "--out", under.toString(), "--centre", "middle");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5");
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("mine.txt"), "keep");
        assertEquals(OUTPUT, execute("align", folder.toString(), "--out", notes.toString()));
        assertTrue(err.toString().contains(notes + ": is not empty and holds no Edgewise results (mine.txt)"),
                err.toString());
        assertEquals(List.of("mine.txt"), listing(notes));
        clear();
        assertEquals(OUTPUT, execute("align", folder.toString(), "--out", folder.toString()));
        assertTrue(err.toString().contains("holds the input"), err.toString());
    }

    /** A second run into a folder that a running one holds fails at once, naming the first. */
    @Test
    void aSecondRunIntoALockedFolderFailsAtOnceNamingTheFirst() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5");
        Path target = dir.resolve("out");
        try (OutputFolder first = OutputFolder.open(target, "edgewise align", List.of())) {
            assertEquals(OUTPUT, execute("align", folder.toString(), "--out", target.toString()));
            assertTrue(err.toString().contains(target + ": is in use by another run (edgewise align, process "),
                    err.toString());
        }
        // a lock held by another process (here: a lock on the file that is not in this process's registry)
        clear();
        Path lockFile = dir.resolve("." + "other" + OutputFolder.LOCK_SUFFIX);
        Files.writeString(lockFile, "edgewise reconstruct, process 4242 on elsewhere");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock lock = channel.lock()) {
            assertEquals(OUTPUT, execute("align", folder.toString(), "--out", dir.resolve("other").toString()));
            assertTrue(err.toString().contains("in use by another run (edgewise reconstruct, process 4242"),
                    err.toString());
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void aCancelledRunSaysSoAndLeavesNothing() throws IOException {
        Path target = dir.resolve("out");
        StringWriter said = new StringWriter();
        java.util.concurrent.atomic.AtomicBoolean ctrlC = new java.util.concurrent.atomic.AtomicBoolean();
        int status = PipelineExecution.execute("align", target, List.of(), new PrintWriter(said),
                new PrintWriter(out), ctrlC, work -> {
                    Files.writeString(work.staging().resolve("alignment.csv"), "half");
                    ctrlC.set(true); // as the Ctrl-C handler does
                    return "done";
                });
        assertEquals(130, status);
        assertEquals("edgewise align: cancelled; nothing was written to " + target, said.toString().strip());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void aRunOutOfMemorySaysSoAndLeavesNothing() throws IOException {
        Path target = dir.resolve("out");
        StringWriter said = new StringWriter();
        int status = PipelineExecution.execute("analyze", target, List.of(), new PrintWriter(said),
                new PrintWriter(out), new java.util.concurrent.atomic.AtomicBoolean(), work -> {
                    Files.writeString(work.staging().resolve("results.h5"), "half");
                    throw new OutOfMemoryError("Java heap space");
                });
        assertEquals(1, status);
        String line = said.toString().strip();
        assertTrue(line.startsWith("edgewise analyze: ran out of memory (a "), line);
        assertTrue(line.endsWith("nothing was written to " + target), line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing(dir));
    }

    // ---- 3. and 4. damaged files: found before the first stage, named, no stack trace ----

    @Test
    void damagedFilesAreRefusedNamingTheFileAndTheDamage() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        byte[] whole = Files.readAllBytes(run.resolve("scan_05_ni_below.h5"));
        Path truncated = Files.write(in.resolve("truncated.h5"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path empty = Files.write(in.resolve("empty.h5"), new byte[0]);
        Path text = Files.writeString(in.resolve("text.h5"), "not a scan\n");
        Path folderNamedH5 = Files.createDirectories(dir.resolve("folder.h5"));
        Object[][] cases = { { truncated, "is truncated" }, { empty, "is empty" }, { text, "is not an HDF5 file" },
            { folderNamedH5, "holds no Data Exchange files" }, { in.resolve("missing.h5"), "does not exist" } };
        for (Object[] c : cases) {
            for (String command : List.of("align", "reconstruct")) {
                clear();
                Path target = dir.resolve("out-" + command);
                assertRefused(INPUT, in, target, List.of(((Path) c[0]).getFileName().toString(), (String) c[1]),
                        command, c[0].toString(), "--out", target.toString());
            }
        }
    }

    @Test
    void aBrokenLinkInAFolderIsNamedNotSkipped() throws IOException {
        Path folder = folderWith("run", "scan_05_ni_below.h5", "scan_06_ni_above.h5");
        Files.createSymbolicLink(folder.resolve("scan_07_link.h5"), dir.resolve("gone.h5"));
        assertRefused(INPUT, folder, dir.resolve("out"), List.of("scan_07_link.h5", "symbolic link",
                "does not exist"), "align", folder.toString(), "--out", dir.resolve("out").toString());
        clear();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(INPUT, empty, dir.resolve("out"), List.of(empty.toString(), "holds no Data Exchange files"),
                "reconstruct", empty.toString(), "--out", dir.resolve("out").toString());
    }

    /** The same damaged file gives the same exit code through align, reconstruct and run. */
    @Test
    void theSameProblemHasTheSameExitCodeInEveryCommand() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        byte[] whole = Files.readAllBytes(run.resolve("scan_05_ni_below.h5"));
        Path truncated = Files.write(in.resolve("cut.h5"), java.util.Arrays.copyOf(whole, whole.length - 100));
        Path pipeline = Files.writeString(in.resolve("pipeline.json"), """
                {"inputs": [
                  {"name": "counts", "file": "cut.h5", "path": "/exchange/data", "kind": "projections"},
                  {"name": "flats", "file": "cut.h5", "path": "/exchange/data_white", "kind": "projections"},
                  {"name": "darks", "file": "cut.h5", "path": "/exchange/data_dark", "kind": "projections"}],
                 "steps": [{"stage": "edgewise.align.normalise", "name": "norm",
                   "inputs": {"projections": "counts", "flats": "flats", "darks": "darks"}}],
                 "results": ["norm.projections"]}
                """);
        for (String[] args : List.of(new String[] { "align", truncated.toString() },
                new String[] { "reconstruct", truncated.toString() }, new String[] { "run", pipeline.toString() })) {
            clear();
            Path target = dir.resolve("out-" + args[0]);
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--out", target.toString()));
            assertRefused(INPUT, in, target, List.of("cut.h5", "is truncated"), all.toArray(String[]::new));
        }
        clear();
        Path volumes = volumes(dir.resolve("vol"), "v", new float[8 * 8 * 8], 8);
        byte[] bytes = Files.readAllBytes(volumes);
        Files.write(volumes, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(INPUT, dir.resolve("vol"), dir.resolve("seg"), List.of("volumes.h5", "is truncated"),
                "segment", volumes.toString(), "--out", dir.resolve("seg").toString());
        clear();
        assertRefused(USAGE, in, dir.resolve("o"), List.of("pipeline file"), "run", in.resolve("none.json")
                .toString(), "--out", dir.resolve("o").toString());
    }

    @Test
    void anAlignedScanWithNanProjectionsIsRefusedByReconstruct() throws IOException {
        Path pair = folderWith("run", "scan_05_ni_below.h5", "scan_06_ni_above.h5");
        Path aligned = dir.resolve("aligned");
        assertSucceeds("align", pair.toString(), "--out", aligned.toString());
        Path in = Files.createDirectories(dir.resolve("in"));
        Path damaged = in.resolve("ni_below.h5");
        Files.copy(aligned.resolve("aligned").resolve("scan_05_ni_below.h5"), damaged);
        try (io.jhdf.HdfFile check = new io.jhdf.HdfFile(damaged)) {
            assertTrue(check.getByPath(DataExchange.ALIGNMENT) != null);
        }
        alignedWithNan(damaged);
        clear();
        assertRefused(INPUT, in, dir.resolve("out"), List.of("ni_below.h5", DataExchange.DATA, "NaN"),
                "reconstruct", damaged.toString(), "--out", dir.resolve("out").toString());
    }

    /** Rewrites an aligned scan's projections with one frame all NaN, keeping its alignment group. */
    private static void alignedWithNan(Path file) throws IOException {
        io.jhdf.api.Dataset data;
        float[][][] values;
        double[] theta;
        double energy;
        double pixel;
        try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(file)) {
            data = hdf.getDatasetByPath(DataExchange.DATA);
            values = (float[][][]) data.getData();
            theta = (double[]) hdf.getDatasetByPath(DataExchange.THETA).getData();
            energy = ((Number) hdf.getDatasetByPath(DataExchange.ENERGY).getData()).doubleValue();
            pixel = ((Number) hdf.getDatasetByPath(DataExchange.PIXEL_SIZE).getData()).doubleValue();
        }
        for (float[] row : values[2]) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        try (io.jhdf.WritableHdfFile hdf = io.jhdf.HdfFile.write(file)) {
            DataExchange.put(hdf, DataExchange.DATA, values, "1");
            DataExchange.put(hdf, DataExchange.THETA, theta, "degrees");
            DataExchange.put(hdf, DataExchange.ENERGY, energy, "keV");
            DataExchange.put(hdf, DataExchange.PIXEL_SIZE, pixel, "um");
            hdf.putGroup(DataExchange.ALIGNMENT.substring(1)).putDataset("iterations", new int[] { 1 });
        }
    }

    // ---- 5. degenerate but legal volumes: segment says that nothing was found ----

    @Test
    void degenerateVolumesSegmentToNothingWithAWarning() throws IOException {
        int n = 8;
        float[] constant = new float[n * n * n];
        java.util.Arrays.fill(constant, 1.5f);
        Object[][] cases = { { "zero", new float[n * n * n], n }, { "constant", constant, n },
            { "voxel", new float[] { 2f }, 1 } };
        for (Object[] c : cases) {
            clear();
            Path volumes = volumes(dir.resolve("vol-" + c[0]), (String) c[0], (float[]) c[1], (int) c[2]);
            Path target = dir.resolve("seg-" + c[0]);
            int status = execute("segment", volumes.toString(), "--out", target.toString());
            String text = err.toString();
            assertEquals(0, status, c[0] + ": " + text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), text);
            assertTrue(text.contains("edgewise segment: warning: no particle was found in " + c[0]), text);
            assertEquals(1, Files.readAllLines(target.resolve("particles.csv")).size(), "the header alone");
        }
    }

    private static Path volumes(Path folder, String name, float[] values, int n) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("volumes.h5");
        ResultsFile.write(file, List.of(new ResultsFile.Volume(name, DatasetFactory.createFromObject(
                FloatDataset.class, values, n, n, n), 0.1, "1/um", "test volume")), "{}");
        return file;
    }

    // ---- analyze: the same checks, messages, exit codes and output discipline as every other command ----

    private static final List<String> SIX_SCANS = List.of("scan_01_mn_below.h5", "scan_02_mn_above.h5",
            "scan_03_co_below.h5", "scan_04_co_above.h5", "scan_05_ni_below.h5", "scan_06_ni_above.h5");

    /** @return a folder with the six simulated scans, {@code replaced} written in place of its namesake */
    private Path sixScansWith(String name, String file, ScanVariants replaced) throws IOException {
        Path folder = folderWith(name, SIX_SCANS.toArray(String[]::new));
        if (replaced != null) {
            replaced.write(folder.resolve(file));
        }
        return folder;
    }

    private String assertAnalyzeRefused(int code, Path folder, List<String> expected, String... options)
            throws IOException {
        Path target = dir.resolve("analysis");
        List<String> args = new ArrayList<>(List.of("analyze", folder.toString(), "--out", target.toString()));
        args.addAll(List.of(options));
        return assertRefused(code, folder, target, expected, args.toArray(String[]::new));
    }

    @Test
    void analyzeRefusesAScanWithoutEnergyOrWithEnergyInTheWrongUnit() throws IOException {
        ScanVariants noEnergy = ScanVariants.read(run.resolve("scan_06_ni_above.h5"));
        noEnergy.omitted.add(DataExchange.ENERGY);
        assertAnalyzeRefused(INPUT, sixScansWith("none", "scan_06_ni_above.h5", noEnergy), List.of(
                "scan_06_ni_above.h5", DataExchange.ENERGY, "energy"));
        clear();
        ScanVariants ev = niBelow.copy();
        ev.energy = 8313; // eV, labelled keV
        assertAnalyzeRefused(INPUT, sixScansWith("ev", "scan_05_ni_below.h5", ev), List.of("scan_05_ni_below.h5",
                DataExchange.ENERGY, "8313 keV", "units attribute to eV"));
        clear();
        ScanVariants joules = niBelow.copy();
        joules.energyUnits = "J";
        assertAnalyzeRefused(INPUT, sixScansWith("joules", "scan_05_ni_below.h5", joules), List.of(
                "scan_05_ni_below.h5", DataExchange.ENERGY, "units 'J'", "accepted: keV or eV"));
    }

    @Test
    void analyzeRefusesAScanOfAnotherSize() throws IOException {
        ScanVariants small = ScanVariants.read(run.resolve("scan_06_ni_above.h5"));
        small.data = rows(small.data, 30);
        small.flats = rows(small.flats, 30);
        small.darks = rows(small.darks, 30);
        assertAnalyzeRefused(INPUT, sixScansWith("size", "scan_06_ni_above.h5", small), List.of(
                "scan_06_ni_above.h5", "scan of 30×32 pixels", "scan_01_mn_below.h5 has 32×32"));
    }

    private static float[][][] rows(float[][][] stack, int rows) {
        float[][][] cut = new float[stack.length][][];
        for (int i = 0; i < stack.length; i++) {
            cut[i] = java.util.Arrays.copyOf(stack[i], rows);
        }
        return cut;
    }

    @Test
    void analyzeRefusesOneSideOfAPairAndEnergiesThatPairWithNoEdge() throws IOException {
        Path oneSide = sixScansWith("one-side", null, null);
        Files.delete(oneSide.resolve("scan_02_mn_above.h5"));
        assertAnalyzeRefused(INPUT, oneSide, List.of("scan_01_mn_below.h5", DataExchange.ENERGY,
                "below the Mn K edge, but no scan above it"));
        clear();
        ScanVariants far = ScanVariants.read(run.resolve("scan_04_co_above.h5"));
        far.energy = 7.2;
        assertAnalyzeRefused(INPUT, sixScansWith("far", "scan_04_co_above.h5", far), List.of("scan_04_co_above.h5",
                DataExchange.ENERGY, "7.2000 keV is more than 150 eV from every K edge"));
        clear();
        Path noMn = sixScansWith("no-mn", null, null);
        Files.delete(noMn.resolve("scan_01_mn_below.h5"));
        Files.delete(noMn.resolve("scan_02_mn_above.h5"));
        assertAnalyzeRefused(INPUT, noMn, List.of(noMn.toString(), "no scans at the Mn edge"));
    }

    @Test
    void analyzeRefusesAFieldWithoutAParticle() throws IOException {
        ScanVariants empty = ScanVariants.read(run.resolve("scan_06_ni_above.h5"));
        for (int a = 0; a < empty.data.length; a++) {
            float[][] flat = empty.flats[a % empty.flats.length];
            for (int r = 0; r < flat.length; r++) {
                empty.data[a][r] = flat[r].clone(); // nothing absorbs
            }
        }
        assertAnalyzeRefused(INPUT, sixScansWith("empty", "scan_06_ni_above.h5", empty), List.of(
                "scan_06_ni_above.h5", "no particle in the field of view"));
    }

    @Test
    void analyzeRefusesATruncatedFile() throws IOException {
        Path folder = sixScansWith("cut", null, null);
        byte[] whole = Files.readAllBytes(folder.resolve("scan_03_co_below.h5"));
        Files.write(folder.resolve("scan_03_co_below.h5"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        assertAnalyzeRefused(INPUT, folder, List.of("scan_03_co_below.h5", "is truncated"));
    }

    @Test
    void analyzeRefusesADamagedVolumesFile() throws IOException {
        Path volumes = volumes(dir.resolve("vol"), "v", new float[8 * 8 * 8], 8);
        byte[] bytes = Files.readAllBytes(volumes);
        Files.write(volumes, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(INPUT, dir.resolve("vol"), dir.resolve("analysis"), List.of("volumes.h5", "is truncated"),
                "analyze", volumes.toString(), "--out", dir.resolve("analysis").toString());
    }

    @Test
    void analyzeRefusesAnOutputFolderLockedByAnotherRunOrNotWritable() throws IOException {
        Path folder = sixScansWith("run", null, null);
        Path target = dir.resolve("analysis");
        try (OutputFolder first = OutputFolder.open(target, "edgewise align", List.of())) {
            assertAnalyzeRefused(OUTPUT, folder, List.of(target.toString(), "is in use by another run (edgewise"
                    + " align, process "));
        }
        clear();
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // a user who may write everywhere (root) cannot write into a process's folder of /proc either
            Path parent = Files.isWritable(readOnly) ? Path.of("/proc/1") : readOnly;
            Path unwritable = parent.resolve("analysis");
            assertRefused(OUTPUT, folder, unwritable, List.of(unwritable.toString(), "cannot be written"), "analyze",
                    folder.toString(), "--out", unwritable.toString());
        } finally {
            Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxr-xr-x"));
        }
        clear();
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("mine.txt"), "keep");
        assertEquals(OUTPUT, execute("analyze", folder.toString(), "--out", notes.toString()));
        assertTrue(err.toString().contains(notes + ": is not empty and holds no Edgewise results (mine.txt)"),
                err.toString());
        assertEquals(List.of("mine.txt"), listing(notes));
    }

    @Test
    void analyzeRefusesAnInvalidWindowAsAUsageError() throws IOException {
        assertAnalyzeRefused(USAGE, sixScansWith("run", null, null), List.of("--core", "FROM,TO"), "--core", "2.0");
    }

    // ---- analyze within a memory budget and a scratch folder ----

    @Test
    void analyzeRefusesAMemoryBudgetTooSmallForEitherPathBeforeAnyWork() throws IOException {
        // 6 scans of 24 × 32 × 32 with 10 flats and 5 darks (docs/large-data.md: the plan's model)
        String line = assertAnalyzeRefused(INPUT, sixScansWith("run", null, null), List.of(), "--memory", "1m");
        assertEquals("edgewise analyze: needs 70.7 MB of memory for the streaming analysis of 6 scans of 24 × 32 × 32"
                + " (angles × rows × columns) (in memory 72.5 MB), has 1.0 MB (--memory or -Xmx); or bin the detector"
                + " on input (--bin 2)", line);
        clear();
        String off = assertAnalyzeRefused(INPUT, sixScansWith("off", null, null), List.of(), "--memory", "64m",
                "--streaming", "off");
        assertEquals("edgewise analyze: needs 72.5 MB of memory for the in-memory analysis (--streaming off) of 6 scans"
                + " of 24 × 32 × 32 (angles × rows × columns), has 64.0 MB (--memory or -Xmx); or bin the detector on"
                + " input (--bin 2)", off);
    }

    @Test
    void analyzeRefusesMalformedMemoryBinAndStreamingOptionsAsUsageErrors() throws IOException {
        Path folder = sixScansWith("run", null, null);
        assertAnalyzeRefused(USAGE, folder, List.of("--memory must be a size such as 4g or 512m", "was 'four'"),
                "--memory", "four");
        clear();
        assertAnalyzeRefused(USAGE, folder, List.of("--memory must be a size", "was '0'"), "--memory", "0");
        clear();
        assertAnalyzeRefused(USAGE, folder, List.of("--memory 1024t is more than the JVM's maximum heap of"),
                "--memory", "1024t");
        clear();
        assertAnalyzeRefused(USAGE, folder, List.of("--bin must be 2 or 4 (or 1: no binning), was 3"), "--bin", "3");
        clear();
        assertAnalyzeRefused(USAGE, folder, List.of("--streaming must be auto, on or off, was 'maybe'"),
                "--streaming", "maybe");
    }

    @Test
    void analyzeRefusesAScratchFolderThatIsMissingOrNotWritable() throws IOException {
        Path folder = sixScansWith("run", null, null);
        Path missing = dir.resolve("no-such-disk");
        assertAnalyzeRefused(OUTPUT, folder, List.of(missing + ": scratch folder does not exist"), "--scratch",
                missing.toString());
        assertFalse(Files.exists(missing));
        clear();
        Path file = Files.writeString(dir.resolve("scratch.txt"), "x");
        assertAnalyzeRefused(OUTPUT, folder, List.of(file + ": scratch folder is a file, not a folder"),
                "--scratch", file.toString());
        clear();
        Path readOnly = Files.createDirectories(dir.resolve("read-only-scratch"));
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // a user who may write everywhere (root) cannot write into a process's folder of /proc either
            Path unwritable = Files.isWritable(readOnly) ? Path.of("/proc/1") : readOnly;
            assertAnalyzeRefused(OUTPUT, folder, List.of(unwritable + ": scratch folder cannot be written"),
                    "--scratch", unwritable.toString());
            assertEquals(List.of(), listing(readOnly));
        } finally {
            Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxr-xr-x"));
        }
    }

    /** The streaming path through the command's execution, with a disk of 1000 free bytes and with Ctrl-C. */
    @Test
    void analyzeRefusesAScratchDiskTooSmallAndACancelledStreamingRunLeavesNothing() throws IOException {
        Path folder = sixScansWith("run", null, null);
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path target = dir.resolve("analysis");
        org.edgewise.workflow.streaming.MemoryOptions streaming = org.edgewise.workflow.streaming.MemoryOptions
                .defaults().withScratch(scratch).withStreaming(org.edgewise.workflow.streaming.MemoryPlan.Choice.ON);
        java.util.concurrent.atomic.AtomicBoolean ctrlC = new java.util.concurrent.atomic.AtomicBoolean();
        int status = PipelineExecution.execute("analyze", target, List.of(folder), new PrintWriter(err),
                new PrintWriter(out), ctrlC, run -> org.edgewise.workflow.Analysis.runInto(List.of(folder),
                        run.staging(), run.folder(), org.edgewise.workflow.AnalysisParameters.defaults(),
                        streaming.withFreeSpace(place -> 1000), org.edgewise.core.StageRegistries.fromExtensions(),
                        run.monitor()).toString());
        assertEquals(OUTPUT, status, err.toString());
        assertEquals("edgewise analyze: " + scratch + ": has 1.0 kB free, the streaming analysis needs"
                + " 896.0 kB of scratch space (the volumes file and the particle regions); give --scratch another"
                + " folder on a larger disk", err.toString().strip());
        System.out.println("exit " + status + ": " + err.toString().strip());
        assertFalse(Files.exists(target));
        assertEquals(List.of("run", "scratch"), listing(dir));
        assertEquals(List.of(), listing(scratch));
        clear();
        ctrlC.set(true); // as the Ctrl-C handler does: the run stops at its first check, after the scratch is made
        status = PipelineExecution.execute("analyze", target, List.of(folder), new PrintWriter(err),
                new PrintWriter(out), ctrlC, run -> org.edgewise.workflow.Analysis.runInto(List.of(folder),
                        run.staging(), run.folder(), org.edgewise.workflow.AnalysisParameters.defaults(), streaming,
                        org.edgewise.core.StageRegistries.fromExtensions(), run.monitor()).toString());
        assertEquals(130, status, err.toString());
        assertEquals("edgewise analyze: cancelled; nothing was written to " + target, err.toString().strip());
        assertFalse(Files.exists(target));
        assertEquals(List.of("run", "scratch"), listing(dir));
        assertEquals(List.of(), listing(scratch), "the scratch folder made in it is gone");
    }

    // ---- valid but unusual inputs keep working ----

    @Test
    void unusualButValidScansAreReconstructed() throws IOException {
        Path in = Files.createDirectories(dir.resolve("unusual ïnputs ü"));
        List<Path> files = new ArrayList<>();
        ScanVariants ev = niBelow.copy();
        ev.energy = niBelow.energy * 1000;
        ev.energyUnits = "eV";
        files.add(ev.write(in.resolve("energy in eV.h5")));
        ScanVariants nm = niBelow.copy();
        nm.pixelSize = niBelow.pixelSize * 1000;
        nm.pixelUnits = "nm";
        files.add(nm.write(in.resolve("pixel in nm.h5")));
        ScanVariants rad = niBelow.copy();
        for (int i = 0; i < rad.thetaDeg.length; i++) {
            rad.thetaDeg[i] = Math.toRadians(rad.thetaDeg[i]);
        }
        rad.thetaUnits = "rad";
        files.add(rad.write(in.resolve("radians.h5")));
        ScanVariants doubles = niBelow.copy();
        doubles.storage = ScanVariants.Storage.FLOAT64;
        files.add(doubles.write(in.resolve("float64.h5")));
        ScanVariants bytes = niBelow.copy();
        bytes.scaleCounts(250.0 / max(bytes.flats));
        bytes.storage = ScanVariants.Storage.UINT8;
        files.add(bytes.write(in.resolve("uint8.h5")));
        ScanVariants onePixel = niBelow.copy();
        onePixel.storage = ScanVariants.Storage.FLOAT32;
        onePixel.data[5][16][16] = Float.NaN;
        onePixel.data[9][20][12] = -3;
        files.add(onePixel.write(in.resolve("one NaN pixel.h5")));
        for (Path file : files) {
            clear();
            Path target = dir.resolve("résultats et espaces").resolve(file.getFileName().toString());
            assertSucceeds("reconstruct", file.toString(), "--out", target.toString(), "--centre", "middle");
            assertTrue(Files.isRegularFile(target.resolve("volumes.h5")), file + ": " + err);
        }
        assertTrue(err.toString().contains("edgewise reconstruct: warning: ") && err.toString().contains(
                "one NaN pixel.h5: /exchange/data: 2 pixel(s) in 2 projection(s) have no usable counts"),
                err.toString());
        String provenance = Files.readString(dir.resolve("résultats et espaces/one NaN pixel.h5/provenance.json"));
        assertTrue(provenance.contains("no usable counts"), provenance);
    }

    @Test
    void aChunkedGzipRunInAPathWithSpacesIsAligned() throws IOException {
        Path scans = dir.resolve("gzip run ñ");
        assertSucceeds("simulate", "--out", scans.toString(), "--size", "32", "--angles", "24", "--particles", "1",
                "--seed", "6", "--gzip", "4", "--preset", "63ni");
        Path pair = folderWith("pair dir é", new String[0]);
        for (String name : List.of("scan_05_ni_below.h5", "scan_06_ni_above.h5")) {
            Files.copy(scans.resolve(name), pair.resolve(name));
        }
        clear();
        Path target = dir.resolve("aligned ü");
        assertSucceeds("align", pair.toString(), "--out", target.toString());
        assertTrue(Files.isRegularFile(target.resolve("aligned").resolve("scan_06_ni_above.h5")));
        assertTrue(out.toString().contains("registered 1 pair(s)"), out.toString());
        // a second run of the same command replaces the first as a whole
        clear();
        assertSucceeds("align", pair.toString(), "--out", target.toString());
        assertEquals(List.of(OutputFolder.MANIFEST_FILE, "aligned", "alignment.csv", "pipeline.json", "plots",
                "provenance.json", "registration.csv"), listing(target));
        assertEquals(List.of("aligned ü", "gzip run ñ", "pair dir é"), listing(dir));
    }

    private static float max(float[][][] stack) {
        float max = 0;
        for (float[][] frame : stack) {
            for (float[] row : frame) {
                for (float v : row) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }
}
