package org.edgewise.ui.imaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgewise.align.ChartWriter;

import javax.imageio.ImageIO;

/**
 * Small PNG charts drawn with AWT ({@link BufferedImage}, {@link Graphics2D}, {@link ImageIO}); works without a
 * display. The {@link ChartWriter} of {@code edgewise align}.
 */
public final class PngCharts implements ChartWriter {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd) };

    /**
     * Writes a line chart.
     *
     * @param file   the PNG to write
     * @param title  chart title
     * @param xLabel x axis label with unit
     * @param yLabel y axis label with unit
     * @param x      x values
     * @param series the lines
     * @throws IOException if the file cannot be written
     */
    @Override
    public void lines(Path file, String title, String xLabel, String yLabel, double[] x, List<Series> series)
            throws IOException {
        double xmin = min(x);
        double xmax = max(x);
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            ymin = Math.min(ymin, min(s.y()));
            ymax = Math.max(ymax, max(s.y()));
        }
        double pad = Math.max(1e-6, 0.08 * (ymax - ymin));
        double step = niceStep(ymax - ymin + 2 * pad);
        ymin = Math.floor((ymin - pad) / step) * step;
        ymax = Math.ceil((ymax + pad) / step) * step;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame(image, title, xLabel, yLabel, xmin, xmax, ymin, ymax);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLOURS[k % COLOURS.length]);
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 1; i < x.length; i++) {
                g.drawLine(px(x[i - 1], xmin, xmax), py(s.y()[i - 1], ymin, ymax), px(x[i], xmin, xmax),
                        py(s.y()[i], ymin, ymax));
            }
            g.drawLine(WIDTH - RIGHT - 190, TOP + 12 + 18 * k, WIDTH - RIGHT - 160, TOP + 12 + 18 * k);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), WIDTH - RIGHT - 152, TOP + 17 + 18 * k);
        }
        g.dispose();
        write(image, file);
    }

    /**
     * Writes a bar chart.
     *
     * @param file   the PNG to write
     * @param title  chart title
     * @param yLabel y axis label with unit
     * @param labels one per bar
     * @param values one per bar
     * @param notes  a text drawn above each bar (may be empty strings)
     * @throws IOException if the file cannot be written
     */
    @Override
    public void bars(Path file, String title, String yLabel, List<String> labels, double[] values,
            List<String> notes) throws IOException {
        double top = Math.max(1e-6, max(values)) * 1.25;
        double ymax = Math.ceil(top / niceStep(top)) * niceStep(top);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame(image, title, "", yLabel, 0, Math.max(1, labels.size()), 0, ymax);
        int n = labels.size();
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, n);
        for (int i = 0; i < n; i++) {
            int x0 = (int) (LEFT + slot * i + slot * 0.2);
            int w = (int) (slot * 0.6);
            int y = py(values[i], 0, ymax);
            g.setColor(COLOURS[0]);
            g.fillRect(x0, y, w, HEIGHT - BOTTOM - y);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x0, HEIGHT - BOTTOM + 18);
            g.drawString(notes.get(i), x0, y - 6);
        }
        g.dispose();
        write(image, file);
    }

    private static Graphics2D frame(BufferedImage image, String title, String xLabel, String yLabel, double xmin,
            double xmax, double ymin, double ymax) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        java.awt.FontMetrics metrics = g.getFontMetrics();
        double yStep = niceStep(ymax - ymin);
        for (double y = Math.ceil(ymin / yStep - 1e-9) * yStep; y <= ymax + 1e-9 * yStep; y += yStep) {
            int yy = py(y, ymin, ymax);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, yy, WIDTH - RIGHT - 1, yy);
            g.setColor(Color.BLACK);
            String text = tick(y, yStep);
            g.drawString(text, LEFT - 6 - metrics.stringWidth(text), yy + 4);
        }
        if (!xLabel.isEmpty()) {
            double xStep = niceStep(xmax - xmin);
            for (double x = Math.ceil(xmin / xStep - 1e-9) * xStep; x <= xmax + 1e-9 * xStep; x += xStep) {
                String text = tick(x, xStep);
                int xx = px(x, xmin, xmax);
                g.drawLine(xx, HEIGHT - BOTTOM, xx, HEIGHT - BOTTOM + 4);
                g.drawString(text, xx - metrics.stringWidth(text) / 2, HEIGHT - BOTTOM + 18);
            }
        }
        if (ymin < 0 && ymax > 0) {
            g.setColor(Color.GRAY);
            g.drawLine(LEFT, py(0, ymin, ymax), WIDTH - RIGHT, py(0, ymin, ymax));
            g.setColor(Color.BLACK);
        }
        g.drawString(xLabel, (LEFT + WIDTH - RIGHT) / 2 - metrics.stringWidth(xLabel) / 2, HEIGHT - 15);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + HEIGHT - BOTTOM) / 2 - metrics.stringWidth(yLabel) / 2, 18);
        g.rotate(Math.PI / 2);
        return g;
    }

    /** @return 1, 2 or 5 × a power of ten, giving about five ticks over the span */
    private static double niceStep(double span) {
        double raw = Math.max(1e-12, span) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    /** @return the tick value with as many decimals as the step needs */
    private static String tick(double value, double step) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step * 1e-6 ? 0 : value);
    }

    private static int px(double x, double xmin, double xmax) {
        return (int) Math.round(LEFT + (x - xmin) / Math.max(1e-12, xmax - xmin) * (WIDTH - LEFT - RIGHT));
    }

    private static int py(double y, double ymin, double ymax) {
        return (int) Math.round(HEIGHT - BOTTOM - (y - ymin) / Math.max(1e-12, ymax - ymin) * (HEIGHT - TOP
                - BOTTOM));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.min(m, x);
            }
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return Double.isInfinite(m) ? 1 : m;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
