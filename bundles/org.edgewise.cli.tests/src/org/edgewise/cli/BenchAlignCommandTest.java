package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAlignCommandTest {

    /**
     * A small run through the benchmark: one row per scan and pair, with errors that a working alignment keeps small
     * even at 64 px (the targets themselves are for 128 px and are measured by the full benchmark).
     */
    @Test
    void comparesEveryScanAndPairWithTheTruth(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EdgewiseCommand.execute(new String[] { "bench", "align", "--size", "64", "--angles", "90",
            "--jitter", "0.5", "--centre-offset", "5", "--keep", dir.toString() }, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, status, err.toString());
        String text = out.toString();
        List<String> scanRows = text.lines().filter(l -> l.startsWith("| scan_")).toList();
        List<String> pairRows = text.lines().filter(l -> l.matches("\\| (Mn|Co|Ni) \\|.*")).toList();
        assertEquals(6, scanRows.size(), text);
        assertEquals(3, pairRows.size(), text);
        Matcher centre = Pattern.compile("\\| ([-+][0-9.]+) px \\| ([0-9.]+) px \\| ([0-9.]+) px \\|$").matcher("");
        for (String row : scanRows) {
            assertTrue(centre.reset(row).find(), row);
            assertTrue(Math.abs(Double.parseDouble(centre.group(1))) < 0.5, "centre error: " + row);
            assertTrue(Double.parseDouble(centre.group(2)) < 0.25 && Double.parseDouble(centre.group(3)) < 0.25,
                    "jitter: " + row);
        }
        Matcher scale = Pattern.compile("\\| ([-+][0-9.]+) % \\|").matcher("");
        for (String row : pairRows) {
            assertTrue(scale.reset(row).find(), row);
            assertTrue(Math.abs(Double.parseDouble(scale.group(1))) < 0.3, "scale error: " + row);
        }
        assertTrue(text.contains("targets: jitter"), text);
        assertTrue(Files.exists(dir.resolve("aligned").resolve("registration.csv")), "--keep keeps the output");
    }
}
