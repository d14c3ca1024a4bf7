package org.edgewise.align;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.edgewise.io.imageio.charts.BarChart;
import org.edgewise.io.imageio.charts.LineChart;

/**
 * The {@link ChartWriter} of {@code edgewise align}: draws its charts with the chart files of
 * {@code org.edgewise.io.imageio} (PNG, or SVG when the file name ends in {@code .svg}). No AWT here: that stays in
 * the image-file bundle.
 */
public final class PngCharts implements ChartWriter {

    @Override
    public void lines(Path file, String title, String xLabel, String yLabel, double[] x, List<Series> series)
            throws IOException {
        LineChart chart = LineChart.of(title, xLabel, yLabel);
        for (Series s : series) {
            chart.line(s.name(), x, s.y());
        }
        chart.write(file);
    }

    /**
     * The notes go into a panel, one line per bar, each after its bar's label. Without bars (a run with no energy
     * pair) the chart says so rather than being left out, so a run always writes the same files.
     */
    @Override
    public void bars(Path file, String title, String yLabel, List<String> labels, double[] values,
            List<String> notes) throws IOException {
        if (labels.isEmpty()) {
            BarChart.of(title, "", yLabel).series(yLabel, List.of("no energy pairs"), new double[] { 0 })
                    .write(file);
            return;
        }
        BarChart chart = BarChart.of(title, "", yLabel).series(yLabel, labels, values);
        for (int i = 0; i < labels.size(); i++) {
            if (i < notes.size() && !notes.get(i).isEmpty()) {
                chart.note(labels.get(i) + ": " + notes.get(i));
            }
        }
        chart.write(file);
    }
}
