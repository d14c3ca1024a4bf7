package org.edgewise.io.imageio.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 2-D density on a regular grid with a colour scale (viridis), written as PNG or SVG: how many voxels have a
 * given depth and composition, a map of a quantity over two coordinates. Either give the values per cell
 * ({@link #grid}) or let the chart count points into bins ({@link #histogram}). XChart draws the axes, ticks and
 * titles; the cells and the colour scale are drawn over its plot area.
 * <pre>{@code
 * DensityChart.of("Voxels by depth and Ni fraction", "depth (µm)", "Ni fraction", "voxels")
 *         .histogram(depthUm, fraction, 60, 40)
 *         .write(dir.resolve("ni_density.png"));
 * }</pre>
 */
public final class DensityChart {

    /** Width of the colour scale with its labels and title, nominal pixels. */
    static final int SCALE_WIDTH = 110;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final String valueLabel;
    private double[] xEdges;
    private double[] yEdges;
    private double[][] values;
    private boolean emptyIsBlank;
    private int widthPx = 900;
    private int heightPx = 560;

    private DensityChart(String title, String xLabel, String yLabel, String valueLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.valueLabel = valueLabel == null ? "" : valueLabel;
    }

    /**
     * @param title      chart title (may be empty)
     * @param xLabel     x axis label with its unit
     * @param yLabel     y axis label with its unit
     * @param valueLabel what the colours mean, with its unit, e.g. {@code "voxels"}
     * @return an empty chart
     */
    public static DensityChart of(String title, String xLabel, String yLabel, String valueLabel) {
        return new DensityChart(title, xLabel, yLabel, valueLabel);
    }

    /**
     * @param xEdges cell edges along x, increasing ({@code nx + 1} of them)
     * @param yEdges cell edges along y, increasing ({@code ny + 1})
     * @param values {@code [y][x]}, one per cell; NaN cells are left blank
     * @return this chart
     */
    public DensityChart grid(double[] xEdges, double[] yEdges, double[][] values) {
        checkEdges(xEdges, "x");
        checkEdges(yEdges, "y");
        if (values.length != yEdges.length - 1) {
            throw new IllegalArgumentException("density '" + title + "': " + values.length + " rows of values for "
                    + (yEdges.length - 1) + " y cells");
        }
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != xEdges.length - 1) {
                throw new IllegalArgumentException("density '" + title + "': a row of " + values[i].length
                        + " values for " + (xEdges.length - 1) + " x cells");
            }
            this.values[i] = values[i].clone();
        }
        this.xEdges = xEdges.clone();
        this.yEdges = yEdges.clone();
        this.emptyIsBlank = false;
        return this;
    }

    /**
     * Counts points into {@code xBins × yBins} equal cells spanning the finite range of each coordinate (a value
     * on an inner edge goes to the upper cell, the maximum to the last); points with a non-finite coordinate are
     * left out, cells without points are left blank.
     *
     * @param x     one coordinate per point
     * @param y     the other, same length
     * @param xBins number of cells along x (≥ 1)
     * @param yBins number of cells along y (≥ 1)
     * @return this chart
     */
    public DensityChart histogram(double[] x, double[] y, int xBins, int yBins) {
        if (x.length != y.length || xBins < 1 || yBins < 1) {
            throw new IllegalArgumentException("density '" + title + "': " + x.length + " x and " + y.length
                    + " y values into " + xBins + " × " + yBins + " bins");
        }
        double[] xSpan = span(x);
        double[] ySpan = span(y);
        double[][] counts = new double[yBins][xBins];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                counts[bin(y[i], ySpan, yBins)][bin(x[i], xSpan, xBins)]++;
            }
        }
        grid(edges(xSpan, xBins), edges(ySpan, yBins), counts);
        this.emptyIsBlank = true;
        return this;
    }

    /** @return the values per cell {@code [y][x]} (counts after {@link #histogram}) */
    double[][] values() {
        return values;
    }

    /** @return this chart with the given nominal size (PNG files have twice as many pixels) */
    public DensityChart size(int widthPx, int heightPx) {
        if (widthPx < 300 || heightPx < 150) {
            throw new IllegalArgumentException("a density chart is at least 300 × 150 px, was " + widthPx + " × "
                    + heightPx);
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
        if (values == null) {
            throw new IllegalStateException("density '" + title + "' has no values to draw");
        }
        ChartFiles.write(drawing(axes()), file);
    }

    /** @param axes from {@link #axes()} @return the axes with the cells and the colour scale over them */
    ChartFiles.Drawing drawing(XYChart axes) {
        double[] range = valueRange();
        return new ChartFiles.Drawing() {
            @Override
            public int width() {
                return widthPx;
            }

            @Override
            public int height() {
                return heightPx;
            }

            @Override
            public void paint(Graphics2D g) {
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(0, 0, widthPx, heightPx));
                axes.paint(g, axes.getWidth(), axes.getHeight());
                Rectangle2D plot = new Rectangle2D.Double(axes.getScreenXFromChart(xEdges[0]),
                        axes.getScreenYFromChart(yEdges[yEdges.length - 1]),
                        axes.getScreenXFromChart(xEdges[xEdges.length - 1]) - axes.getScreenXFromChart(xEdges[0]),
                        axes.getScreenYFromChart(yEdges[0]) - axes.getScreenYFromChart(yEdges[yEdges.length - 1]));
                paintCells(g, axes, range);
                g.setColor(ChartStyle.FRAME);
                g.setStroke(new BasicStroke(1f));
                g.draw(plot);
                paintScale(g, plot, range);
            }
        };
    }

    /** XChart's axes over exactly the grid, with an invisible series to span it. */
    XYChart axes() {
        XYChart chart = new XYChart(widthPx - SCALE_WIDTH, heightPx);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleVisible(!title.isEmpty());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotContentSize(1.0); // the plot area is exactly the grid
        double[] x = { xEdges[0], xEdges[xEdges.length - 1] };
        double[] y = { yEdges[0], yEdges[yEdges.length - 1] };
        chart.getStyler().setXAxisMin(x[0]).setXAxisMax(x[1]).setYAxisMin(y[0]).setYAxisMax(y[1]);
        chart.getStyler().setXAxisDecimalPattern(NiceAxis.pattern(NiceAxis.step((x[1] - x[0]) / 6)));
        chart.getStyler().setYAxisDecimalPattern(NiceAxis.pattern(NiceAxis.step((y[1] - y[0]) / 6)));
        XYSeries corners = chart.addSeries("grid", x, y);
        corners.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        corners.setMarker(SeriesMarkers.NONE);
        NiceAxis.keepTicksRound(chart, x, y);
        return chart;
    }

    private void paintCells(Graphics2D g, XYChart axes, double[] range) {
        Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF); // no seams
        for (int iy = 0; iy < values.length; iy++) {
            double top = axes.getScreenYFromChart(yEdges[iy + 1]);
            double bottom = axes.getScreenYFromChart(yEdges[iy]);
            for (int ix = 0; ix < values[iy].length; ix++) {
                double v = values[iy][ix];
                if (!Double.isFinite(v) || (emptyIsBlank && v == 0)) {
                    continue;
                }
                double left = axes.getScreenXFromChart(xEdges[ix]);
                double right = axes.getScreenXFromChart(xEdges[ix + 1]);
                g.setColor(colour((v - range[0]) / (range[1] - range[0])));
                g.fill(new Rectangle2D.Double(left, top, right - left, bottom - top));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
    }

    /** The colour bar right of the plot, as tall as the plot, with round ticks and the value label. */
    private void paintScale(Graphics2D g, Rectangle2D plot, double[] range) {
        double left = widthPx - SCALE_WIDTH + 14;
        double barWidth = 16;
        int strips = 128;
        for (int i = 0; i < strips; i++) {
            double y0 = plot.getMaxY() - plot.getHeight() * (i + 1) / strips;
            g.setColor(colour((i + 0.5) / strips));
            g.fill(new Rectangle2D.Double(left, y0, barWidth, plot.getHeight() / strips + 0.5));
        }
        g.setColor(ChartStyle.FRAME);
        g.draw(new Rectangle2D.Double(left, plot.getY(), barWidth, plot.getHeight()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        double step = NiceAxis.step((range[1] - range[0]) / 5);
        DecimalFormat format = new DecimalFormat(NiceAxis.pattern(step), DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (double tick = Math.ceil(range[0] / step - 1e-9) * step; tick <= range[1] + 1e-9 * step; tick += step) {
            double y = plot.getMaxY() - (tick - range[0]) / (range[1] - range[0]) * plot.getHeight();
            g.setColor(ChartStyle.FRAME);
            g.draw(new java.awt.geom.Line2D.Double(left + barWidth, y, left + barWidth + 4, y));
            g.setColor(ChartStyle.TEXT);
            g.drawString(format.format(tick), (float) (left + barWidth + 7),
                    (float) (y + metrics.getAscent() / 2.0 - 1));
        }
        if (!valueLabel.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            AffineTransform saved = g.getTransform();
            g.translate(widthPx - 10, plot.getCenterY() + g.getFontMetrics().stringWidth(valueLabel) / 2.0);
            g.rotate(-Math.PI / 2);
            g.setColor(ChartStyle.TEXT);
            g.drawString(valueLabel, 0, 0);
            g.setTransform(saved);
        }
    }

    /** @return {min, max} of the finite values drawn (blank cells excluded) */
    private double[] valueRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v) && !(emptyIsBlank && v == 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new double[] { 0, 1 };
        }
        return min == max ? new double[] { min - 0.5, max + 0.5 } : new double[] { min, max };
    }

    /** @return viridis at {@code t} ∈ [0, 1], linear between its stops */
    static Color colour(double t) {
        Color[] stops = ChartStyle.DENSITY;
        double position = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) position);
        double f = position - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private void checkEdges(double[] edges, String axis) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("density '" + title + "': " + axis + " needs at least two cell edges");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("density '" + title + "': " + axis + " edges must increase, "
                        + edges[i - 1] + " then " + edges[i]);
            }
        }
    }

    private static double[] span(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new double[] { 0, 1 };
        }
        return min == max ? new double[] { min - 0.5, max + 0.5 } : new double[] { min, max };
    }

    private static int bin(double v, double[] span, int bins) {
        int bin = (int) ((v - span[0]) / (span[1] - span[0]) * bins);
        return Math.min(bins - 1, Math.max(0, bin));
    }

    private static double[] edges(double[] span, int bins) {
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = span[0] + (span[1] - span[0]) * i / bins;
        }
        return edges;
    }
}
