package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void simulateWritesSixScansAndTheTruth(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run");
        assertEquals(0, run("simulate", "--preset", "80ni", "--out", target.toString(), "--size", "32", "--angles",
                "12", "--particles", "1", "--seed", "3"), err.toString());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(7, files.count());
        }
        assertTrue(Files.exists(target.resolve("truth.json")));
        assertTrue(Files.exists(target.resolve("scan_06_ni_above.h5")));
        assertTrue(out.toString().contains("Simulated 6 scans of 12×32×32 (80ni, 1 particle(s), seed 3)"),
                out.toString());
        assertTrue(err.toString().contains("scan_01_mn_below.h5: Mn below edge, 6.534 keV"), err.toString());
    }

    @Test
    void aUserProfileIsReadAndPresetAndProfileExcludeEachOther(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ramp.csv");
        Files.writeString(csv, "depth_um,ni,mn,co\n0,0.5,0.3,0.2\n1.0,0.9,0.05,0.05\n");
        assertEquals(0, run("simulate", "--profile", csv.toString(), "--out", dir.resolve("run").toString(), "--size",
                "24", "--angles", "6", "--particles", "1", "--float32"), err.toString());
        assertTrue(Files.readString(dir.resolve("run").resolve("truth.json")).contains("\"profileModel\" : \"user:ramp.csv\""));
        assertEquals(2, run("simulate", "--preset", "63ni", "--profile", csv.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    @Test
    void aFieldMixesPresetsAndStreamsSixScansWithTheTruth(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("field");
        assertEquals(0, run("simulate", "--field", "--preset", "63ni,86ni", "--out", target.toString(), "--size", "64",
                "--rows", "40", "--angles", "8", "--particles", "3", "--pixel-size", "0.3", "--seed", "5"),
                err.toString());
        assertTrue(Files.exists(target.resolve("scan_06_ni_above.h5")));
        String truth = Files.readString(target.resolve("truth.json"));
        assertTrue(truth.contains("\"format\" : \"edgewise-truth/2\""), truth.substring(0, 200));
        assertTrue(truth.contains("\"architectures\" : [ \"63ni\", \"86ni\" ]"), truth.substring(0, 400));
        assertTrue(out.toString().contains("Simulated 6 scans of 8×40×64 (field of 3 particles"), out.toString());
        assertTrue(err.toString().contains("field: 3 particles"), err.toString());
        assertEquals(2, run("simulate", "--preset", "63ni,80ni", "--out", dir.toString()));
        assertTrue(err.toString().contains("mixing presets needs --field"), err.toString());
    }

    @Test
    void anUnknownPresetIsARunErrorNamingTheChoices(@TempDir Path dir) {
        assertEquals(1, run("simulate", "--preset", "99ni", "--out", dir.toString()));
        assertTrue(err.toString().contains("unknown preset '99ni'; known: [63ni, 80ni, 86ni]"), err.toString());
    }

    @Test
    void outIsRequired() {
        assertEquals(2, run("simulate"));
        assertTrue(err.toString().contains("--out"), err.toString());
    }

    @Test
    void helpListsSimulate() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("  simulate "), out.toString());
    }
}
