package org.edgewise.ui.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * Writes a line chart as SVG, from its data rather than its pixels: title, axes with round ticks and their titles,
 * density cells, confidence bands, lines (or symbols for a scatter series), vertical markers and a legend. The file is written
 * beside the target and renamed, so a reader never sees half of it.
 */
final class ChartSvg {

    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 44;
    private static final int BOTTOM = 60;

    private ChartSvg() {
    }

    static void write(Chart chart, Path file) throws IOException {
        Point size = chart.getSize();
        int width = size.x > 200 ? size.x : 800;
        int height = size.y > 150 ? size.y : 500;
        Range xRange = DatasetCharts.xAxis(chart).getRange();
        Range yRange = DatasetCharts.yAxis(chart).getRange();
        Mapping map = new Mapping(xRange, yRange, width, height);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(svg, width / 2.0, 24, "middle", 15, chart.getTitle().getText(), "");
        // axes and ticks
        double x0 = LEFT;
        double x1 = width - RIGHT;
        double y0 = height - BOTTOM;
        double y1 = TOP;
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" stroke=\"black\" fill=\"none\"><path d=\"M%.1f %.1f"
                + " L%.1f %.1f L%.1f %.1f\"/></g>%n", x0, y1, x0, y0, x1, y0));
        for (double tick : Ticks.nice(xRange.lower, xRange.upper)) {
            double x = map.x(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"xtick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"black\"/>%n", x, y0, x, y0 + 5));
            text(svg, x, y0 + 19, "middle", 12, Ticks.label(tick), "");
        }
        for (double tick : Ticks.nice(yRange.lower, yRange.upper)) {
            double y = map.y(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"ytick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"black\"/>%n", x0 - 5, y, x0, y));
            text(svg, x0 - 8, y + 4, "end", 12, Ticks.label(tick), "");
        }
        text(svg, (x0 + x1) / 2, height - 16, "middle", 13, DatasetCharts.xAxis(chart).getTitle().getText(), "");
        text(svg, 18, (y0 + y1) / 2, "middle", 13, DatasetCharts.yAxis(chart).getTitle().getText(),
                String.format(Locale.ROOT, " transform=\"rotate(-90 18 %.1f)\"", (y0 + y1) / 2));
        svg.append(String.format(Locale.ROOT, "<clipPath id=\"plot\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\"/></clipPath>%n<g clip-path=\"url(#plot)\">%n", x0, y1, x1 - x0, y0 - y1));
        DatasetCharts.Density density = DatasetCharts.density(chart);
        if (density != null) {
            svg.append(String.format(Locale.ROOT, "<g class=\"density\" data-id=\"%s\">%n", escape(density.id())));
            for (int i = 0; i < density.counts().length; i++) {
                double left = map.x(density.xLow()[i]);
                double top = map.y(density.yHigh()[i]);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                        + " fill=\"#%06x\"><title>%s</title></rect>%n", left, top, map.x(density.xHigh()[i]) - left,
                        map.y(density.yLow()[i]) - top, density.rgb(density.counts()[i]),
                        Ticks.label(density.counts()[i])));
            }
            svg.append("</g>\n");
        }
        for (DatasetCharts.Band band : DatasetCharts.bands(chart)) {
            StringBuilder points = new StringBuilder();
            int n = band.x().length;
            for (int i = 0; i < n; i++) {
                points.append(map.point(band.x()[i], band.high()[i]));
            }
            for (int i = n - 1; i >= 0; i--) {
                points.append(map.point(band.x()[i], band.low()[i]));
            }
            svg.append(String.format(Locale.ROOT, "<polygon class=\"band\" data-id=\"%s\" fill=\"#%06x\""
                    + " fill-opacity=\"%.2f\" stroke=\"none\" points=\"%s\"/>%n", escape(band.id()), band.rgb(),
                    DatasetCharts.BAND_ALPHA / 255.0, points.toString().trim()));
        }
        List<ISeries> shown = DatasetCharts.visibleSeries(chart);
        for (ISeries series : shown) {
            if (!(series instanceof ILineSeries line)) {
                continue;
            }
            double[] xs = line.getXSeries();
            double[] ys = line.getYSeries();
            String colour = hex(line.getLineColor());
            if (line.getLineStyle() == LineStyle.NONE) {
                svg.append(String.format(Locale.ROOT, "<g class=\"symbols\" data-id=\"%s\" fill=\"%s\">%n",
                        escape(line.getId()), hex(line.getSymbolColor())));
                for (int i = 0; i < xs.length; i++) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%d\"/>%n", map.x(xs[i]),
                            map.y(ys[i]), Math.max(1, line.getSymbolSize())));
                }
                svg.append("</g>\n");
            } else {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < xs.length; i++) {
                    if (Double.isFinite(ys[i])) {
                        points.append(map.point(xs[i], ys[i]));
                    }
                }
                svg.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-id=\"%s\" fill=\"none\""
                        + " stroke=\"%s\" stroke-width=\"%d\" points=\"%s\"/>%n", escape(line.getId()), colour,
                        Math.max(1, line.getLineWidth()), points.toString().trim()));
            }
        }
        for (DatasetCharts.Marker marker : DatasetCharts.markers(chart)) {
            double x = map.x(marker.x());
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" data-id=\"%s\" x1=\"%.1f\" y1=\"%.1f\""
                    + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#%06x\" stroke-width=\"2\"/>%n", escape(marker.id()), x, y1, x,
                    y0, marker.rgb()));
            text(svg, x + 4, y1 + 14, "start", 11, marker.id(), "");
        }
        svg.append("</g>\n");
        double legendY = TOP + 8;
        for (ISeries series : shown) {
            String colour = series instanceof ILineSeries line ? hex(line.getLineStyle() == LineStyle.NONE
                    ? line.getSymbolColor() : line.getLineColor()) : "#000000";
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    x1 - 170, legendY - 4, colour));
            text(svg, x1 - 150, legendY, "start", 11, series.getId(), "");
            legendY += 16;
        }
        svg.append("</svg>\n");
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".chart-", ".svg");
        try {
            Files.writeString(temporary, svg, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Data to SVG coordinates. */
    private record Mapping(Range x, Range y, int width, int height) {

        double x(double value) {
            return LEFT + (value - x.lower) / (x.upper - x.lower) * (width - LEFT - RIGHT);
        }

        double y(double value) {
            return height - BOTTOM - (value - y.lower) / (y.upper - y.lower) * (height - BOTTOM - TOP);
        }

        String point(double xValue, double yValue) {
            return String.format(Locale.ROOT, "%.2f,%.2f ", x(xValue), y(yValue));
        }
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text,
            String extra) {
        if (text == null || text.isEmpty()) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s"
                + "</text>%n", x, y, anchor, size, extra, escape(text)));
    }

    private static String hex(Color colour) {
        return colour == null ? "#000000"
                : String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
