package org.edgewise.recon.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.edgewise.recon.bench.ReconstructionBenchmark;
import org.edgewise.recon.bench.ReconstructionBenchmark.Settings;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a tiny problem (no timing assertions; peers skipped). */
class ReconstructionBenchmarkTest {

    @Test
    void smallRunReportsBothMethodsAndTheVolume() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReconstructionBenchmark.run(new Settings(64, 40, 1, 24, 40, 8, false, "both"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("edgewise fbp (ramp"), report);
        assertTrue(report.contains("edgewise gridding"), report);
        assertTrue(report.contains("gridding volume 24³ from 40 projections"), report);
        assertTrue(report.contains("fbp volume 24³ from 40 projections"), report);
        // the FBP of the 64-px Shepp-Logan is far better than an empty slice (rms 0.28 for values up to 1)
        String line = report.lines().filter(l -> l.startsWith("edgewise fbp rms error")).findFirst().orElseThrow();
        double rms = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(rms < 0.1, line);
    }

    @Test
    void unknownVolumeMethodIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReconstructionBenchmark.run(
                new Settings(32, 20, 1, 8, 20, 8, false, "art"), new PrintStream(new ByteArrayOutputStream())));
    }
}
