package org.edgewise.align;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the evidence charts of an alignment (shift vs angle per scan, pair residuals; the report of
 * {@code edgewise align}, {@code org.edgewise.workflow.AlignmentReport}) to image files:
 * {@link PngCharts} draws them through {@code org.edgewise.io.imageio.charts}; {@link #NONE} writes nothing.
 */
public interface ChartWriter {

    /** Writes no charts (tests, or runs that want only the numbers). */
    ChartWriter NONE = new ChartWriter() {
        @Override
        public void lines(Path file, String title, String xLabel, String yLabel, double[] x, List<Series> series) {
            // nothing to draw
        }

        @Override
        public void bars(Path file, String title, String yLabel, List<String> labels, double[] values,
                List<String> notes) {
            // nothing to draw
        }
    };

    /**
     * One named series of a line chart.
     *
     * @param name legend text
     * @param y    values, one per x
     */
    record Series(String name, double[] y) {
    }

    /**
     * Writes a line chart.
     *
     * @param file   the image to write
     * @param title  chart title
     * @param xLabel x axis label with unit
     * @param yLabel y axis label with unit
     * @param x      x values
     * @param series the lines
     * @throws IOException if the file cannot be written
     */
    void lines(Path file, String title, String xLabel, String yLabel, double[] x, List<Series> series)
            throws IOException;

    /**
     * Writes a bar chart.
     *
     * @param file   the image to write
     * @param title  chart title
     * @param yLabel y axis label with unit
     * @param labels one per bar
     * @param values one per bar
     * @param notes  a text drawn above each bar (may be empty strings)
     * @throws IOException if the file cannot be written
     */
    void bars(Path file, String title, String yLabel, List<String> labels, double[] values, List<String> notes)
            throws IOException;
}
