package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.ScanData;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Bad input sets fail before any work, with one line naming the file and the problem, and write nothing. */
class AnalyzeCommandTest {

    @TempDir
    static Path shared;

    private static Path scans;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void simulateASmallRun() throws Exception {
        scans = shared.resolve("scans");
        Simulator.run(new SimulationSettings(Architecture.preset("80ni"), 32, 24, 2e4, 1, 3, 0, 0, 0, 0, false, 1,
                false), scans, line -> { });
        Files.delete(scans.resolve(Simulator.TRUTH_FILE));
    }

    private static Path copyOfRun(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(scans)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Runs analyze; asserts exit 2, a single line naming the file and the problem, and no output folder. */
    private void assertRefused(Path input, String file, String problem, Path dir, String... options) {
        Path result = dir.resolve("out");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze", input.toString(),
                "--out", result.toString()));
        args.addAll(java.util.List.of(options));
        int status = EdgewiseCommand.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String message = err.toString().strip();
        assertEquals(2, status, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(file), "names " + file + ": " + message);
        assertTrue(message.contains(problem), "says '" + problem + "': " + message);
        assertFalse(Files.exists(result), "nothing written");
    }

    @Test
    void missingEnergy(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir.resolve("run"));
        try (WritableHdfFile hdf = HdfFile.write(run.resolve("scan_07_unknown.h5"))) {
            WritableGroup ex = hdf.putGroup("exchange");
            ex.putDataset("data", new int[2][32][32]);
            ex.putDataset("data_white", new int[1][32][32]);
            ex.putDataset("data_dark", new int[1][32][32]);
            ex.putDataset("theta", new double[] { 0, 90 });
            hdf.putGroup("measurement").putGroup("instrument").putGroup("detection_system").putGroup("objective")
                    .putDataset("resolution", 0.2);
        }
        assertRefused(run, "scan_07_unknown.h5", "energy", dir);
    }

    @Test
    void scanOfAnotherSize(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir.resolve("run"));
        ScanData ni = DataExchangeReader.open(run.resolve("scan_06_ni_above.h5")).readAll();
        Dataset cut = ni.projections().getSliceView(null, new int[] { ni.projections().getShape()[0], 30, 32 }, null);
        Dataset flats = ni.flats().getSliceView(null, new int[] { ni.flats().getShape()[0], 30, 32 }, null);
        Dataset darks = ni.darks().getSliceView(null, new int[] { ni.darks().getShape()[0], 30, 32 }, null);
        DataExchangeWriter.write(run.resolve("scan_06_ni_above.h5"), new ScanData(cut, flats, darks, ni.anglesDeg(),
                ni.energyKev(), ni.pixelSizeUm(), null));
        assertRefused(run, "scan_06_ni_above.h5", "30×32", dir);
    }

    @Test
    void energyNearNoEdge(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir.resolve("run"));
        ScanData co = DataExchangeReader.open(run.resolve("scan_04_co_above.h5")).readAll();
        DataExchangeWriter.write(run.resolve("scan_04_co_above.h5"), new ScanData(co.projections(), co.flats(),
                co.darks(), co.anglesDeg(), 7.2, co.pixelSizeUm(), null));
        assertRefused(run, "scan_04_co_above.h5", "near no K edge", dir);
    }

    @Test
    void onlyOneSideOfAPair(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir.resolve("run"));
        Files.delete(run.resolve("scan_02_mn_above.h5"));
        assertRefused(run, "scan_01_mn_below.h5", "no scan above the Mn edge", dir);
    }

    @Test
    void noParticleInTheField(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir.resolve("run"));
        ScanData ni = DataExchangeReader.open(run.resolve("scan_06_ni_above.h5")).readAll();
        int[] shape = ni.projections().getShape();
        // every projection a flat frame: nothing absorbs
        int[] empty = new int[shape[0] * shape[1] * shape[2]];
        int frame = shape[1] * shape[2];
        for (int a = 0; a < shape[0]; a++) {
            for (int i = 0; i < frame; i++) {
                empty[a * frame + i] = ni.flats().getInt(a % ni.flats().getShape()[0], i / shape[2], i % shape[2]);
            }
        }
        IntegerDataset projections = DatasetFactory.createFromObject(IntegerDataset.class, empty, shape);
        DataExchangeWriter.write(run.resolve("scan_06_ni_above.h5"), new ScanData(projections, ni.flats(),
                ni.darks(), ni.anglesDeg(), ni.energyKev(), ni.pixelSizeUm(), null));
        assertRefused(run, "scan_06_ni_above.h5", "no particle", dir);
    }

    @Test
    void badWindowIsAUsageError(@TempDir Path dir) {
        assertRefused(scans, "--core", "FROM,TO", dir, "--core", "2.0");
    }
}
