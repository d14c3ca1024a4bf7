package org.edgewise.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts of {@code edgewise align}, through org.edgewise.io.imageio (drawing is tested there). */
class PngChartsTest {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @TempDir
    Path dir;

    private static void assertPng(Path file) throws Exception {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(PNG_SIGNATURE, head, file + " is not a PNG");
    }

    @Test
    void shiftsAndPairResidualsAreWrittenAsPng() throws Exception {
        PngCharts charts = new PngCharts();
        charts.lines(dir.resolve("plots/shifts.png"), "shifts", "angle (°)", "shift (px)", new double[] { 0, 1, 2 },
                List.of(new ChartWriter.Series("shift_row_px", new double[] { 0.1, -0.2, 0.3 }),
                        new ChartWriter.Series("shift_col_px", new double[] { 0, 0.5, -0.5 })));
        assertPng(dir.resolve("plots/shifts.png"));
        charts.bars(dir.resolve("plots/pairs.png"), "pairs", "residual", List.of("Ni: scan_06"),
                new double[] { 0.3 }, List.of("scale 1.0002 ± 0.0001"));
        assertPng(dir.resolve("plots/pairs.png"));
    }

    @Test
    void aRunWithoutPairsStillWritesItsPairChart() throws Exception {
        // a single scan has no energy pair: the chart says so instead of failing the run
        new PngCharts().bars(dir.resolve("pairs.png"), "pairs", "residual", List.of(), new double[0], List.of());
        assertPng(dir.resolve("pairs.png"));
        assertTrue(Files.size(dir.resolve("pairs.png")) > 1000);
    }
}
