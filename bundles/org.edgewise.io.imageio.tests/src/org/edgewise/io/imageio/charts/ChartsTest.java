package org.edgewise.io.imageio.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

class ChartsTest {

    @TempDir
    Path dir;

    private static final double[] X = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    /** y = 1 + x/10, band ± 0.5 */
    private static double[][] lineAndBand() {
        double[] y = new double[X.length];
        double[] lower = new double[X.length];
        double[] upper = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = 1 + X[i] / 10;
            lower[i] = y[i] - 0.5;
            upper[i] = y[i] + 0.5;
        }
        return new double[][] { y, lower, upper };
    }

    /** Paints at nominal size, without grid lines, so that a pixel shows only what the test looks for. */
    private static BufferedImage paint(Chart<?, ?> chart) {
        if (chart.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler styler) {
            styler.setPlotGridLinesVisible(false);
        }
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return image;
    }

    private static Color pixel(BufferedImage image, Chart<?, ?> chart, double x, double y) {
        return new Color(image.getRGB((int) Math.round(chart.getScreenXFromChart(x)),
                (int) Math.round(chart.getScreenYFromChart(y))));
    }

    /** The pixel nearest {@code colour} among the three rows around (x, y): a 1.8 px line is anti-aliased. */
    private static Color onLine(BufferedImage image, Chart<?, ?> chart, double x, double y, Color colour) {
        int column = (int) Math.round(chart.getScreenXFromChart(x));
        int centre = (int) Math.round(chart.getScreenYFromChart(y));
        return java.util.stream.IntStream.rangeClosed(centre - 1, centre + 1)
                .mapToObj(row -> new Color(image.getRGB(column, row)))
                .min(java.util.Comparator.comparingInt(c -> Math.abs(c.getRed() - colour.getRed())
                        + Math.abs(c.getGreen() - colour.getGreen()) + Math.abs(c.getBlue() - colour.getBlue())))
                .orElseThrow();
    }

    private static void assertColour(Color expected, Color actual, int tolerance) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tolerance
                && Math.abs(expected.getGreen() - actual.getGreen()) <= tolerance
                && Math.abs(expected.getBlue() - actual.getBlue()) <= tolerance,
                "expected " + expected + " but was " + actual);
    }

    /** The band's colour over white: the series colour at the band's opacity. */
    private static Color bandOverWhite(Color colour) {
        double a = ChartStyle.BAND_ALPHA / 255.0;
        return new Color((int) Math.round(255 * (1 - a) + colour.getRed() * a),
                (int) Math.round(255 * (1 - a) + colour.getGreen() * a),
                (int) Math.round(255 * (1 - a) + colour.getBlue() * a));
    }

    @Test
    void theBandIsShadedBetweenItsEdgesAndTheLineDrawnOnIt() {
        double[][] series = lineAndBand();
        LineChart line = LineChart.of("", "depth (µm)", "Ni fraction").line("particle 1", X, series[0], series[1],
                series[2]).yRange(0, 3);
        Chart<?, ?> chart = line.build();
        BufferedImage image = paint(chart);
        Color blue = ChartStyle.colour(0);
        // inside the band, between line and edges, away from the grid lines at whole numbers
        assertColour(bandOverWhite(blue), pixel(image, chart, 4.5, 1.45 + 0.3), 3);
        assertColour(bandOverWhite(blue), pixel(image, chart, 7.5, 1.75 - 0.3), 3);
        // above and below the band: the plot's white
        assertColour(Color.WHITE, pixel(image, chart, 4.5, 1.45 + 0.75), 0);
        assertColour(Color.WHITE, pixel(image, chart, 4.5, 1.45 - 0.75), 0);
        // on the line: the line's colour
        assertColour(blue, onLine(image, chart, 5, 1.5, blue), 12);
    }

    @Test
    void everySeriesGetsItsOwnColourAndGapsAreAllowed() {
        double[] y2 = { 2.2, 2.2, 2.2, Double.NaN, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2 };
        LineChart line = LineChart.of("t", "x (µm)", "y").line("a", X, lineAndBand()[0]).line("b", X, y2)
                .yRange(0, 3);
        Chart<?, ?> chart = line.build();
        BufferedImage image = paint(chart);
        assertColour(ChartStyle.colour(1), onLine(image, chart, 7.5, 2.2, ChartStyle.colour(1)), 12);
        assertColour(Color.WHITE, pixel(image, chart, 3.0, 2.2), 0); // the NaN leaves a gap around x = 3
    }

    @Test
    void barsReachTheirValues() {
        BarChart bars = BarChart.of("", "", "residual").series("residual", List.of("Mn", "Co", "Ni"),
                new double[] { 0.02, 0.05, 0.03 });
        Chart<?, ?> chart = bars.build();
        BufferedImage image = paint(chart);
        // the bars are the blue runs across the row at half the smallest bar's height
        int row = (int) Math.round(chart.getScreenYFromChart(0.01));
        Color blue = ChartStyle.colour(0);
        List<int[]> runs = new java.util.ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            if (image.getRGB(x, row) == blue.getRGB()) {
                if (runs.isEmpty() || runs.get(runs.size() - 1)[1] != x - 1) {
                    runs.add(new int[] { x, x });
                }
                runs.get(runs.size() - 1)[1] = x;
            }
        }
        assertEquals(3, runs.size());
        double[] values = { 0.02, 0.05, 0.03 };
        for (int bar = 0; bar < 3; bar++) {
            int column = (runs.get(bar)[0] + runs.get(bar)[1]) / 2;
            int top = row;
            while (image.getRGB(column, top - 1) == blue.getRGB()) {
                top--;
            }
            assertEquals(chart.getScreenYFromChart(values[bar]), top, 1.5, "top of bar " + bar);
        }
    }

    @Test
    void densityCellsTakeTheirColourFromTheScaleAndNaNCellsStayBlank() {
        DensityChart density = DensityChart.of("", "depth (µm)", "fraction", "voxels").grid(
                new double[] { 0, 1, 2 }, new double[] { 0, 1, 2 }, new double[][] { { 0, 1 }, { 2, Double.NaN } });
        var axes = density.axes();
        ChartFiles.Drawing drawing = density.drawing(axes);
        BufferedImage image = new BufferedImage(drawing.width(), drawing.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        drawing.paint(g);
        g.dispose();
        assertColour(ChartStyle.DENSITY[0], pixel(image, axes, 0.5, 0.5), 0); // the minimum, 0
        assertColour(ChartStyle.DENSITY[2], pixel(image, axes, 1.5, 0.5), 0); // halfway, 1
        assertColour(ChartStyle.DENSITY[4], pixel(image, axes, 0.5, 1.5), 0); // the maximum, 2
        assertColour(Color.WHITE, pixel(image, axes, 1.5, 1.5), 0);
    }

    @Test
    void aHistogramCountsEveryFinitePointIntoItsCell() {
        double[] x = { 0, 0.1, 0.9, 1.0, 0.5, Double.NaN };
        double[] y = { 0, 0, 1, 1, 0.4, 0.5 };
        DensityChart density = DensityChart.of("", "depth (µm)", "fraction", "voxels").histogram(x, y, 2, 2);
        paint(density.axes()); // draws
        double[][] counts = density.values();
        // x and y span [0, 1] in two cells each; a value on an inner edge (0.5) goes up, the maximum stays in
        assertEquals(2, counts[0][0], 0); // (0, 0), (0.1, 0)
        assertEquals(1, counts[0][1], 0); // (0.5, 0.4)
        assertEquals(0, counts[1][0], 0);
        assertEquals(2, counts[1][1], 0); // (0.9, 1), (1, 1); the NaN point is left out
    }

    @Test
    void pngAndSvgFilesAreWrittenAtomicallyAndOtherExtensionsRefused() throws Exception {
        double[][] series = lineAndBand();
        LineChart line = LineChart.of("Profile", "depth (µm)", "Ni fraction").line("p1", X, series[0], series[1],
                series[2]).size(640, 400);
        Path png = dir.resolve("plots/profile.png");
        line.write(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640 * ChartFiles.PNG_SCALE, image.getWidth());
        assertEquals(400 * ChartFiles.PNG_SCALE, image.getHeight());

        Path svg = dir.resolve("plots/profile.svg");
        line.write(svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertEquals("640", document.getDocumentElement().getAttribute("width"));
        assertTrue(document.getElementsByTagName("path").getLength() > 10, "the chart is drawn as paths");
        assertEquals(List.of("profile.png", "profile.svg"), Files.list(dir.resolve("plots"))
                .map(p -> p.getFileName().toString()).sorted().toList()); // no temporary files left

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> line.write(dir.resolve("profile.jpg")));
        assertEquals("chart files are .png or .svg, not profile.jpg", e.getMessage());
        assertFalse(Files.exists(dir.resolve("profile.jpg")));
    }

    @Test
    void seriesOfTheWrongLengthAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("Profile", "x", "y").line("p1", X, new double[3]));
        assertEquals("series 'p1' of chart 'Profile': y has 3 values for 11 x values", e.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> LineChart.of("Profile", "x", "y").write(Path.of("never.png")));
        assertEquals("chart 'Profile' has no series to draw", empty.getMessage());
    }

    @Test
    void notesGetRoomAboveTheBars() {
        BarChart bars = BarChart.of("t", "", "residual").series("s", List.of("a", "b"), new double[] { 1, 2 },
                new double[] { 0.5, 0.25 }).note("a: first").note("b: second");
        // the tallest bar with its error bar reaches 2.25: the axis ends on the round 2.5, or higher with notes
        assertEquals(2.5, BarChart.of("t", "", "r").series("s", List.of("a", "b"), new double[] { 1, 2 },
                new double[] { 0.5, 0.25 }).build().getStyler().getYAxisMax(), 1e-12);
        assertTrue(bars.build().getStyler().getYAxisMax() >= 2.5 * 1.25);
    }
}
