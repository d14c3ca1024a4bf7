package org.edgewise.io.imageio.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of several series against one x axis, each with an optional shaded band (a confidence interval, a
 * ± σ range), written as PNG or SVG: depth profiles with their confidence bands, line scans, shifts against angle.
 * Axis labels carry their units ({@code "depth (µm)"}); series named in a legend. Non-finite values leave gaps.
 * <pre>{@code
 * LineChart.of("Ni fraction against depth", "depth (µm)", "Ni fraction")
 *         .line("particle 1", depthUm, mean, lower95, upper95)
 *         .points("voxels", voxelDepthUm, voxelFraction)
 *         .write(dir.resolve("ni_profile.svg"));
 * }</pre>
 */
public final class LineChart {

    private enum Style { LINE, POINTS }

    private record Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private int widthPx = 900;
    private int heightPx = 480;
    private double[] xRange;
    private double[] yRange;

    private LineChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /**
     * @param title  chart title (may be empty)
     * @param xLabel x axis label with its unit, e.g. {@code "angle (°)"}
     * @param yLabel y axis label with its unit
     * @return an empty chart
     */
    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /**
     * @param name legend text, unique in the chart
     * @param x    x values
     * @param y    y values, one per x
     * @return this chart
     */
    public LineChart line(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, null, null, Style.LINE));
    }

    /**
     * A line with a band shaded between {@code lower} and {@code upper} in the line's colour.
     *
     * @param name  legend text, unique in the chart
     * @param x     x values
     * @param y     y values, one per x
     * @param lower lower edge of the band, one per x
     * @param upper upper edge of the band, one per x
     * @return this chart
     */
    public LineChart line(String name, double[] x, double[] y, double[] lower, double[] upper) {
        check(name, x, lower, "lower");
        check(name, x, upper, "upper");
        return add(new Series(name, x, y, lower, upper, Style.LINE));
    }

    /**
     * @param name legend text, unique in the chart
     * @param x    x values
     * @param y    y values, one per x, drawn as unconnected markers
     * @return this chart
     */
    public LineChart points(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, null, null, Style.POINTS));
    }

    /** @return this chart with the x axis fixed to [min, max] instead of fitted to the data */
    public LineChart xRange(double min, double max) {
        xRange = range(min, max);
        return this;
    }

    /** @return this chart with the y axis fixed to [min, max] instead of fitted to the data */
    public LineChart yRange(double min, double max) {
        yRange = range(min, max);
        return this;
    }

    /**
     * @param widthPx  nominal width (SVG size; PNG files have twice as many pixels)
     * @param heightPx nominal height
     * @return this chart
     */
    public LineChart size(int widthPx, int heightPx) {
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

    XYChart build() {
        XYChart chart = new XYChart(widthPx, heightPx);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleVisible(!title.isEmpty());
        // the legend under the plot never hides data; a narrow inner margin keeps the labels of the round axis
        // ends (XChart drops a tick label that falls exactly on the plot's edge)
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotContentSize(0.96);
        chart.getStyler().setLegendVisible(series.size() > 1 || !series.get(0).name().isEmpty());
        double[] x = xRange != null ? NiceAxis.range(xRange[0], xRange[1]) : extent(true);
        double[] y = yRange != null ? NiceAxis.range(yRange[0], yRange[1]) : extent(false);
        if (xRange != null) {
            x[0] = xRange[0];
            x[1] = xRange[1];
        }
        if (yRange != null) {
            y[0] = yRange[0];
            y[1] = yRange[1];
        }
        chart.getStyler().setXAxisMin(x[0]).setXAxisMax(x[1]).setYAxisMin(y[0]).setYAxisMax(y[1]);
        chart.getStyler().setXAxisDecimalPattern(NiceAxis.pattern(x[2]));
        chart.getStyler().setYAxisDecimalPattern(NiceAxis.pattern(y[2]));
        NiceAxis.keepTicksRound(chart, x, y);
        // bands first, so that every line is drawn over every band
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s.lower() != null) {
                double[][] polygon = band(s.x(), s.lower(), s.upper());
                if (polygon[0].length > 2) {
                    XYSeries band = chart.addSeries(s.name() + " band", polygon[0], polygon[1]);
                    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                    band.setFillColor(ChartStyle.band(ChartStyle.colour(i)));
                    band.setLineColor(new Color(0, 0, 0, 0));
                    band.setMarker(SeriesMarkers.NONE);
                    band.setShowInLegend(false);
                }
            }
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            Color colour = ChartStyle.colour(i);
            if (s.style() == Style.POINTS) {
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                line.setMarker(SeriesMarkers.CIRCLE);
                line.setMarkerColor(colour);
            } else {
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colour);
                line.setLineWidth(ChartStyle.LINE_WIDTH);
            }
        }
        return chart;
    }

    /** @return the round range {lower, upper, step} of every finite x (or y, band edges included) */
    private double[] extent(boolean alongX) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] values : alongX ? new double[][] { s.x() }
                    : new double[][] { s.y(), s.lower(), s.upper() }) {
                if (values == null) {
                    continue;
                }
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return min > max ? NiceAxis.range(0, 1) : NiceAxis.range(min, max);
    }

    /** The band as a closed polygon: along the upper edge, back along the lower edge, skipping non-finite x. */
    private static double[][] band(double[] x, double[] lower, double[] upper) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                points.add(new double[] { x[i], lower[i], upper[i] });
            }
        }
        int n = points.size();
        double[][] polygon = new double[2][2 * n];
        for (int i = 0; i < n; i++) {
            double[] p = points.get(i);
            polygon[0][i] = p[0];
            polygon[1][i] = p[2];
            polygon[0][2 * n - 1 - i] = p[0];
            polygon[1][2 * n - 1 - i] = p[1];
        }
        return polygon;
    }

    private LineChart add(Series s) {
        check(s.name(), s.x(), s.y(), "y");
        for (Series other : series) {
            if (other.name().equals(s.name())) {
                throw new IllegalArgumentException("chart '" + title + "' has two series called '" + s.name() + "'");
            }
        }
        series.add(s);
        return this;
    }

    private void check(String name, double[] x, double[] values, String what) {
        if (name == null) {
            throw new IllegalArgumentException("a series needs a name (may be empty)");
        }
        if (x == null || values == null || x.length != values.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' of chart '" + title + "': " + what + " has "
                    + (values == null ? "no" : values.length) + " values for " + (x == null ? "no" : x.length)
                    + " x values");
        }
    }

    private static double[] range(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("an axis range needs min < max, was [" + min + ", " + max + "]");
        }
        return new double[] { min, max };
    }
}
