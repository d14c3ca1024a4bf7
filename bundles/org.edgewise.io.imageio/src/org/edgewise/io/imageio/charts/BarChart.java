package org.edgewise.io.imageio.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * A bar chart of one or more series over named categories, with optional error bars and a panel of notes,
 * written as PNG or SVG: registration residuals per energy pair, ratios per element and particle.
 * <pre>{@code
 * BarChart.of("Edge/core ratio", "", "ratio")
 *         .series("measured", List.of("Ni", "Mn", "Co"), ratios, errors)
 *         .note("95 % confidence intervals from 2 000 bootstrap resamples")
 *         .write(dir.resolve("ratios.png"));
 * }</pre>
 */
public final class BarChart {

    private record Series(String name, List<String> categories, double[] values, double[] errors) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int widthPx = 900;
    private int heightPx = 480;

    private BarChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /**
     * @param title  chart title (may be empty)
     * @param xLabel label under the categories (may be empty)
     * @param yLabel y axis label with its unit
     * @return an empty chart
     */
    public static BarChart of(String title, String xLabel, String yLabel) {
        return new BarChart(title, xLabel, yLabel);
    }

    /**
     * @param name       legend text (shown when there are several series), unique in the chart
     * @param categories one label per bar; every series of a chart has the same categories
     * @param values     one per category
     * @return this chart
     */
    public BarChart series(String name, List<String> categories, double[] values) {
        return series(name, categories, values, null);
    }

    /**
     * @param name       legend text (shown when there are several series), unique in the chart
     * @param categories one label per bar; every series of a chart has the same categories
     * @param values     one per category
     * @param errors     half-length of the error bar per category, or null for none
     * @return this chart
     */
    public BarChart series(String name, List<String> categories, double[] values, double[] errors) {
        if (categories.isEmpty() || categories.size() != values.length
                || (errors != null && errors.length != values.length)) {
            throw new IllegalArgumentException("bar series '" + name + "' of chart '" + title + "': "
                    + categories.size() + " categories, " + values.length + " values"
                    + (errors == null ? "" : ", " + errors.length + " errors"));
        }
        if (!series.isEmpty() && !series.get(0).categories().equals(categories)) {
            throw new IllegalArgumentException("bar series '" + name + "' has categories " + categories
                    + " but the chart has " + series.get(0).categories());
        }
        if (series.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("chart '" + title + "' has two series called '" + name + "'");
        }
        series.add(new Series(name, List.copyOf(categories), values.clone(),
                errors == null ? null : errors.clone()));
        return this;
    }

    /**
     * @param line one line of text for the notes panel in the top left corner of the plot
     * @return this chart
     */
    public BarChart note(String line) {
        notes.add(line);
        return this;
    }

    /** @return this chart with the given nominal size (PNG files have twice as many pixels) */
    public BarChart size(int widthPx, int heightPx) {
        if (widthPx < 200 || heightPx < 150) {
            throw new IllegalArgumentException("a chart is at least 200 × 150 px, was " + widthPx + " × " + heightPx);
        }
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        return this;
    }

    /**
     * @param file {@code .png} or {@code .svg}; written atomically, parent directories created
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        if (series.isEmpty()) {
            throw new IllegalStateException("chart '" + title + "' has no series to draw");
        }
        ChartFiles.write(build(), file);
    }

    CategoryChart build() {
        CategoryChart chart = new CategoryChart(widthPx, heightPx);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleVisible(!title.isEmpty());
        chart.getStyler().setXAxisTitleVisible(!xLabel.isEmpty());
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(ChartStyle.TEXT);
        double top = 0;
        double bottom = 0;
        for (Series s : series) {
            for (int i = 0; i < s.values().length; i++) {
                double error = s.errors() == null ? 0 : s.errors()[i];
                top = Math.max(top, s.values()[i] + error);
                bottom = Math.min(bottom, s.values()[i] - error);
            }
        }
        double[] y = NiceAxis.range(bottom, top);
        double upper = y[1];
        if (!notes.isEmpty()) {
            // leave the upper part of the plot to the notes panel
            upper += (y[1] - y[0]) * (0.1 + 0.09 * notes.size());
            // XChart places a screen-space panel by its lower left corner, y counted from the chart's bottom: put
            // its top just inside the plot's top edge (below the title), its left edge past the y tick labels
            int plotTop = title.isEmpty() ? 26 : 58;
            int panelHeight = 17 * notes.size() + 2 * ChartStyle.PANEL_PADDING;
            chart.addAnnotation(new AnnotationTextPanel(String.join("\n", notes), 100, heightPx - plotTop - panelHeight,
                    true));
        }
        chart.getStyler().setYAxisMin(y[0]).setYAxisMax(upper);
        chart.getStyler().setYAxisDecimalPattern(NiceAxis.pattern(y[2]));
        for (Series s : series) {
            CategorySeries bars = s.errors() == null
                    ? chart.addSeries(s.name(), s.categories(), toList(s.values()))
                    : chart.addSeries(s.name(), s.categories(), toList(s.values()), toList(s.errors()));
            bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
