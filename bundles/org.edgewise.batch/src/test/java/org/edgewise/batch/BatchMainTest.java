package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's refusals: each is exit status 2 and one line on standard error naming the problem, before
 * Spark starts and before anything is written.
 */
class BatchMainTest {

    private static final String TEST_ANALYSIS = "--analysis=" + ThresholdLabelAnalysis.class.getName();

    @TempDir
    Path dir;

    private String errors;

    private int batch(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BatchMain.execute(new BatchMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        errors = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void assertRefused(String start, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        assertEquals(2, batch(all.toArray(String[]::new)), errors);
        assertEquals(1, errors.lines().count(), errors);
        String line = errors.strip().replace(dir + "/", "");
        assertEquals(start, line.substring(0, Math.min(start.length(), line.length())), line);
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written");
    }

    @Test
    void badManifestsMastersAndOutputFoldersAreOneLineAndExitStatusTwo() throws Exception {
        Path manifest = dir.resolve("runs.csv");
        Files.writeString(manifest, "name,input,param.treshold\na,in/a,0.4\n");
        String out = dir.resolve("out").toString();
        assertRefused("edgewise batch: runs.csv:2: run 'a': unknown parameter 'treshold'", manifest.toString(),
                "--out", out, TEST_ANALYSIS);

        Files.writeString(manifest, "name,input\na,in/a\n");
        assertRefused("edgewise batch: --master yarn: not a master this batch runs on", manifest.toString(), "--out",
                out, "--master", "yarn", TEST_ANALYSIS);
        assertRefused("edgewise batch: --master spark://head: 'head' is not HOST:PORT", manifest.toString(),
                "--out", out, "--master", "spark://head", TEST_ANALYSIS);
        assertRefused("edgewise batch: --master local[0]: not a master", manifest.toString(), "--out", out,
                "--master", "local[0]", TEST_ANALYSIS);
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        assertRefused("edgewise batch: cannot reach the Spark master 127.0.0.1:" + port, manifest.toString(), "--out",
                out, "--master", "spark://127.0.0.1:" + port, TEST_ANALYSIS);

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertRefused("edgewise batch: --out a-file/results: a-file is a file, not a folder", manifest.toString(),
                "--out", file.resolve("results").toString(), TEST_ANALYSIS);
        assertRefused("edgewise batch: --parallel must be 0 or more, was -1", manifest.toString(), "--out", out,
                "--parallel", "-1", TEST_ANALYSIS);
        assertRefused("edgewise batch: no analysis class org.example.Missing on the class path", manifest.toString(),
                "--out", out, "--analysis=org.example.Missing");
        assertRefused("edgewise batch: nothing.csv: no such manifest file", dir.resolve("nothing.csv").toString(),
                "--out", out, TEST_ANALYSIS);
    }

    @Test
    void aCommandLineErrorIsExitStatusTwoWithoutAStackTrace() {
        assertEquals(2, batch("runs.csv", "--out", dir.resolve("out").toString(), "--parallel", "many"));
        assertTrue(errors.startsWith("Invalid value for option '--parallel': 'many' is not an int"), errors);
        assertFalse(errors.contains("\tat "), errors);
        assertEquals(2, batch("runs.csv"));
        assertTrue(errors.startsWith("Missing required option: '--out=DIR'"), errors);
    }
}
