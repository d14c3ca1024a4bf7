package org.edgewise.ui.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;

/**
 * The one place where January datasets become SWTChart series. Axis titles always carry their unit. Besides line
 * series it draws confidence bands (filled between a lower and an upper curve, behind the series) and vertical
 * markers (a threshold, the edges of a depth region), a two-dimensional histogram as shaded cells, and exports a chart as PNG or SVG.
 * <pre>{@code
 * Chart chart = DatasetCharts.createLineChart(parent, "Ni", "Depth", "µm", "Ni/(Ni+Mn+Co)", null);
 * DatasetCharts.addLineSeries(chart, "particle 1", depthUm, ratio);
 * DatasetCharts.addBand(chart, "particle 1 99% CI", depthUm, low, high, 0x1f77b4);
 * DatasetCharts.exportSvg(chart, Path.of("ni.svg"));
 * }</pre>
 */
public final class DatasetCharts {

    private DatasetCharts() {
    }

    /**
     * Creates an empty line chart.
     *
     * @param parent the composite that holds the chart
     * @param title  chart title
     * @param xAxis  x-axis quantity, e.g. "Depth below hull surface"
     * @param xUnit  x-axis unit, e.g. "µm"
     * @param yAxis  y-axis quantity, e.g. "Ni / (Ni+Mn+Co)"
     * @param yUnit  y-axis unit, or {@code null} or empty for a dimensionless quantity
     * @return the chart, with its axis titles set
     */
    public static Chart createLineChart(Composite parent, String title, String xAxis, String xUnit, String yAxis,
            String yUnit) {
        Chart chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText(title);
        chart.getAxisSet().getXAxis(0).getTitle().setText(axisTitle(xAxis, xUnit));
        chart.getAxisSet().getYAxis(0).getTitle().setText(axisTitle(yAxis, yUnit));
        // the widget's own colours and font instead of SWTChart's large blue titles
        Color foreground = parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        chart.getTitle().setForeground(foreground);
        chart.getTitle().setFont(parent.getFont());
        for (IAxis axis : new IAxis[] { xAxis(chart), yAxis(chart) }) {
            axis.getTitle().setForeground(foreground);
            axis.getTitle().setFont(parent.getFont());
            axis.getTick().setForeground(foreground);
        }
        // on the y axis only: the x axis keeps SWTChart's own format
        yAxis(chart).getTick().setFormat(new ZeroShowingFormat());
        // SWTChart pads the range by a few pixels: ranges set while the chart had no size (a view behind another)
        // come out far too wide, so they are set again once it has one
        chart.addListener(SWT.Resize, event -> {
            if (chart.getSize().x > 0 && chart.getSeriesSet().getSeries().length > 0) {
                chart.getAxisSet().adjustRange();
                chart.redraw();
            }
        });
        return chart;
    }

    /**
     * SWTChart's default tick format, except that the label 0 is drawn: SWTChart 0.13 hides a label whose parsed value
     * differs from the tick by more than 1 % of the label (to drop duplicates of a coarse format), which for the
     * label 0 is 0/0 and hides it. A zero label here does not parse as a number, which SWTChart takes as "draw it".
     */
    static final class ZeroShowingFormat extends java.text.Format {

        private static final long serialVersionUID = 1L;
        private final java.text.DecimalFormat decimal = new java.text.DecimalFormat("#.###########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

        @Override
        public StringBuffer format(Object number, StringBuffer target, java.text.FieldPosition position) {
            double value = ((Number) number).doubleValue();
            // a tick at 1e-17 instead of 0 (sums of steps) is 0, not "-0"
            return decimal.format(Math.abs(value) < 5e-12 ? 0.0 : value, target, position);
        }

        @Override
        public Object parseObject(String source, java.text.ParsePosition position) {
            Number value = decimal.parse(source, position);
            return value != null && value.doubleValue() == 0 ? source : value;
        }
    }

    /**
     * Adds a line series and rescales the axes to show all series.
     *
     * @param chart the chart
     * @param id    the series id, which is also its legend label
     * @param x     1D x values, same length as {@code y}
     * @param y     1D y values
     * @return the new series
     * @throws IllegalArgumentException if the datasets are not 1D or differ in length
     */
    public static ILineSeries addLineSeries(Chart chart, String id, IDataset x, IDataset y) {
        double[] xValues = toDoubles(x, "x");
        double[] yValues = toDoubles(y, "y");
        if (xValues.length != yValues.length) {
            throw new IllegalArgumentException("Series '" + id + "': x has " + xValues.length + " values but y has "
                    + yValues.length);
        }
        ILineSeries series = (ILineSeries) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
        series.setXSeries(xValues);
        series.setYSeries(yValues);
        chart.getAxisSet().adjustRange();
        chart.redraw();
        return series;
    }

    /**
     * A filled band between two curves, e.g. a 99 % confidence interval.
     *
     * @param id    a name (for the SVG and tests)
     * @param x     x values
     * @param low   lower curve, same length
     * @param high  upper curve, same length
     * @param rgb   fill colour, {@code 0xRRGGBB}, drawn at {@link #BAND_ALPHA} opacity
     */
    public record Band(String id, double[] x, double[] low, double[] high, int rgb) {
    }

    /**
     * A vertical line across the plot.
     *
     * @param id    a name, also drawn as the line's label
     * @param x     position on the x axis
     * @param rgb   colour, {@code 0xRRGGBB}
     */
    public record Marker(String id, double x, int rgb) {
    }

    /**
     * A two-dimensional histogram drawn as filled cells behind the series, darker for more counts (on a logarithmic
     * scale, so that a few crowded cells do not hide the rest), e.g. the number of voxels per depth and value bin.
     *
     * @param id     a name (for the SVG and tests)
     * @param xLow   cells' lower x edges
     * @param xHigh  cells' upper x edges
     * @param yLow   cells' lower y edges
     * @param yHigh  cells' upper y edges
     * @param counts cells' counts, all arrays of the same length
     */
    public record Density(String id, double[] xLow, double[] xHigh, double[] yLow, double[] yHigh, double[] counts) {

        /** @return the largest count, 0 without cells */
        public double maxCount() {
            return Arrays.stream(counts).max().orElse(0);
        }

        /**
         * @param count a cell's count
         * @return its colour {@code 0xRRGGBB}: from pale to dark blue with log(1 + count)
         */
        public int rgb(double count) {
            double t = maxCount() > 0 ? Math.log1p(count) / Math.log1p(maxCount()) : 0;
            int[] pale = { 0xde, 0xeb, 0xf7 };
            int[] dark = { 0x08, 0x30, 0x6b };
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                rgb = (rgb << 8) | (int) Math.round(pale[c] + t * (dark[c] - pale[c]));
            }
            return rgb;
        }
    }

    /**
     * Sets the chart's density cells (replacing any) and includes them in the axis ranges.
     *
     * @param chart   the chart
     * @param density the cells
     */
    public static void setDensity(Chart chart, Density density) {
        List<Density> list = decorations(chart, DENSITY, Density.class);
        list.clear();
        list.add(density);
        String rangeId = density.id() + " (extent)";
        if (chart.getSeriesSet().getSeries(rangeId) != null) {
            chart.getSeriesSet().deleteSeries(rangeId);
        }
        if (density.counts().length > 0) {
            ILineSeries extent = (ILineSeries) chart.getSeriesSet().createSeries(SeriesType.LINE, rangeId);
            extent.setXSeries(new double[] { Arrays.stream(density.xLow()).min().getAsDouble(),
                Arrays.stream(density.xHigh()).max().getAsDouble() });
            extent.setYSeries(new double[] { Arrays.stream(density.yLow()).min().getAsDouble(),
                Arrays.stream(density.yHigh()).max().getAsDouble() });
            extent.setLineStyle(org.eclipse.swtchart.LineStyle.NONE);
            extent.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            extent.setVisibleInLegend(false);
        }
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** @param chart a chart @return its density cells, or {@code null} */
    public static Density density(Chart chart) {
        List<Density> list = decorations(chart, DENSITY, Density.class);
        return list.isEmpty() ? null : list.get(0);
    }

    /** Opacity of bands, 0–255. */
    public static final int BAND_ALPHA = 70;

    private static final String BANDS = "edgewise.bands";
    private static final String MARKERS = "edgewise.markers";
    private static final String DENSITY = "edgewise.density";
    private static final String PAINTER = "edgewise.painter";

    /**
     * Adds a band drawn behind the series and includes it in the axis ranges.
     *
     * @param chart the chart
     * @param id    the band's name
     * @param x     1D x values
     * @param low   1D lower values
     * @param high  1D upper values
     * @param rgb   colour {@code 0xRRGGBB}
     * @return the band
     */
    public static Band addBand(Chart chart, String id, IDataset x, IDataset low, IDataset high, int rgb) {
        double[] xs = toDoubles(x, "x");
        double[] lows = toDoubles(low, "low");
        double[] highs = toDoubles(high, "high");
        if (xs.length != lows.length || xs.length != highs.length) {
            throw new IllegalArgumentException("Band '" + id + "': x, low and high have " + xs.length + ", "
                    + lows.length + " and " + highs.length + " values");
        }
        Band band = new Band(id, xs, lows, highs, rgb);
        decorations(chart, BANDS, Band.class).add(band);
        // two invisible series make adjustRange() include the band
        for (double[] edge : new double[][] { lows, highs }) {
            ILineSeries series = (ILineSeries) chart.getSeriesSet().createSeries(SeriesType.LINE,
                    id + (edge == lows ? " (low)" : " (high)"));
            series.setXSeries(xs);
            series.setYSeries(edge);
            series.setLineStyle(org.eclipse.swtchart.LineStyle.NONE);
            series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            series.setVisibleInLegend(false);
        }
        chart.getAxisSet().adjustRange();
        chart.redraw();
        return band;
    }

    /**
     * Adds (or moves) a vertical marker.
     *
     * @param chart the chart
     * @param id    the marker's name, drawn next to it; a marker with the same name is replaced
     * @param x     its position on the x axis
     * @param rgb   colour {@code 0xRRGGBB}
     * @return the marker
     */
    public static Marker setMarker(Chart chart, String id, double x, int rgb) {
        List<Marker> markers = decorations(chart, MARKERS, Marker.class);
        markers.removeIf(marker -> marker.id().equals(id));
        Marker marker = new Marker(id, x, rgb);
        markers.add(marker);
        chart.redraw();
        return marker;
    }

    /** @param chart a chart @return its bands, in the order added */
    public static List<Band> bands(Chart chart) {
        return List.copyOf(decorations(chart, BANDS, Band.class));
    }

    /** @param chart a chart @return its markers */
    public static List<Marker> markers(Chart chart) {
        return List.copyOf(decorations(chart, MARKERS, Marker.class));
    }

    /**
     * @param chart a chart
     * @return its visible series (bands' helper series left out)
     */
    public static List<ISeries> visibleSeries(Chart chart) {
        List<ISeries> shown = new ArrayList<>();
        for (ISeries series : chart.getSeriesSet().getSeries()) {
            if (series.isVisibleInLegend()) {
                shown.add(series);
            }
        }
        return shown;
    }

    /** Removes every series, band and marker. */
    public static void clear(Chart chart) {
        for (ISeries series : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(series.getId());
        }
        decorations(chart, BANDS, Band.class).clear();
        decorations(chart, MARKERS, Marker.class).clear();
        decorations(chart, DENSITY, Density.class).clear();
        chart.redraw();
    }

    /**
     * @param chart the chart, laid out and visible
     * @param file  PNG to write, at the chart's size
     */
    public static void exportPng(Chart chart, Path file) {
        chart.save(file.toString(), SWT.IMAGE_PNG);
    }

    /**
     * @param chart the chart
     * @param file  SVG to write: title, axes with ticks and titles, bands, lines, markers, legend; vector, so it
     *              scales for a paper
     * @throws IOException if the file cannot be written
     */
    public static void exportSvg(Chart chart, Path file) throws IOException {
        ChartSvg.write(chart, file);
    }

    /** @return "quantity (unit)", or just the quantity when it has no unit */
    public static String axisTitle(String quantity, String unit) {
        return unit == null || unit.isBlank() ? quantity : quantity + " (" + unit + ")";
    }

    /** @return the x axis of the chart's first axis pair */
    public static IAxis xAxis(Chart chart) {
        return chart.getAxisSet().getXAxis(0);
    }

    /** @return the y axis of the chart's first axis pair */
    public static IAxis yAxis(Chart chart) {
        return chart.getAxisSet().getYAxis(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> decorations(Chart chart, String key, Class<T> type) {
        Object list = chart.getData(key);
        if (list == null) {
            list = new ArrayList<T>();
            chart.setData(key, list);
        }
        if (chart.getData(PAINTER) == null) {
            chart.setData(PAINTER, new Painter(chart));
        }
        return (List<T>) list;
    }

    /** Paints bands behind the series and markers over them. */
    private static final class Painter implements ICustomPaintListener {

        private final Chart chart;

        Painter(Chart chart) {
            this.chart = chart;
            chart.getPlotArea().addCustomPaintListener(this);
            // a second listener draws the markers in front
            chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
                @Override
                public void paintControl(org.eclipse.swt.events.PaintEvent event) {
                    paintMarkers(event.gc);
                }

                @Override
                public boolean drawBehindSeries() {
                    return false;
                }
            });
        }

        @Override
        public boolean drawBehindSeries() {
            return true;
        }

        @Override
        public void paintControl(org.eclipse.swt.events.PaintEvent event) {
            paintDensity(event.gc);
            paintBands(event.gc);
        }

        private void paintDensity(GC gc) {
            Object data = chart.getData(DENSITY);
            if (!(data instanceof List<?> list) || list.isEmpty()) {
                return;
            }
            Density density = (Density) list.get(0);
            IAxis xAxis = xAxis(chart);
            IAxis yAxis = yAxis(chart);
            for (int i = 0; i < density.counts().length; i++) {
                int x0 = xAxis.getPixelCoordinate(density.xLow()[i]);
                int x1 = xAxis.getPixelCoordinate(density.xHigh()[i]);
                int y0 = yAxis.getPixelCoordinate(density.yHigh()[i]);
                int y1 = yAxis.getPixelCoordinate(density.yLow()[i]);
                Color colour = colour(gc, density.rgb(density.counts()[i]));
                gc.setBackground(colour);
                gc.fillRectangle(Math.min(x0, x1), Math.min(y0, y1), Math.max(1, Math.abs(x1 - x0)),
                        Math.max(1, Math.abs(y1 - y0)));
                colour.dispose();
            }
        }

        private void paintBands(GC gc) {
            Object data = chart.getData(BANDS);
            if (!(data instanceof List<?> bands)) {
                return;
            }
            IAxis xAxis = xAxis(chart);
            IAxis yAxis = yAxis(chart);
            int alpha = gc.getAlpha();
            for (Object item : bands) {
                Band band = (Band) item;
                int n = band.x().length;
                int[] polygon = new int[4 * n];
                for (int i = 0; i < n; i++) {
                    polygon[2 * i] = xAxis.getPixelCoordinate(band.x()[i]);
                    polygon[2 * i + 1] = yAxis.getPixelCoordinate(band.high()[i]);
                    polygon[4 * n - 2 - 2 * i] = xAxis.getPixelCoordinate(band.x()[i]);
                    polygon[4 * n - 1 - 2 * i] = yAxis.getPixelCoordinate(band.low()[i]);
                }
                Color colour = colour(gc, band.rgb());
                gc.setBackground(colour);
                gc.setAlpha(BAND_ALPHA);
                gc.fillPolygon(polygon);
                colour.dispose();
            }
            gc.setAlpha(alpha);
        }

        private void paintMarkers(GC gc) {
            Object data = chart.getData(MARKERS);
            if (!(data instanceof List<?> markers)) {
                return;
            }
            int height = chart.getPlotArea().getSize().y;
            for (Object item : markers) {
                Marker marker = (Marker) item;
                int x = xAxis(chart).getPixelCoordinate(marker.x());
                Color colour = colour(gc, marker.rgb());
                gc.setForeground(colour);
                gc.setLineWidth(2);
                gc.drawLine(x, 0, x, height);
                gc.drawText(marker.id(), x + 4, 4, true);
                gc.setLineWidth(1);
                colour.dispose();
            }
        }

        private static Color colour(GC gc, int rgb) {
            return new Color(gc.getDevice(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        }
    }

    private static double[] toDoubles(IDataset data, String role) {
        if (data.getRank() != 1) {
            throw new IllegalArgumentException("A chart's " + role + " values must be 1D, got shape "
                    + Arrays.toString(data.getShape()));
        }
        double[] values = new double[data.getSize()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.getDouble(i);
        }
        return values;
    }
}
