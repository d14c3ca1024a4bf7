package org.edgewise.io.imageio.charts;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGraphics2D;
import org.edgewise.api.files.AtomicFiles;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

/**
 * Writes a chart as PNG (AWT raster through ImageIO, at twice the nominal size so that text and lines stay sharp
 * on high-resolution screens and in print) or as SVG (Batik's {@link SVGGraphics2D}: vector, scales to any size),
 * chosen by the file's extension, atomically. Needs no display.
 */
final class ChartFiles {

    /** PNG pixels per nominal chart pixel. */
    static final int PNG_SCALE = 2;

    /** Something drawn at a nominal size: an XChart chart, or a chart with extra layers. */
    interface Drawing {
        int width();

        int height();

        /** Draws at nominal size; the graphics may be scaled. */
        void paint(Graphics2D g);
    }

    /** @return the chart as a drawing */
    static Drawing of(Chart<?, ?> chart) {
        return new Drawing() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }

    private ChartFiles() {
    }

    /**
     * @param chart the chart, sized in nominal pixels
     * @param file  {@code .png} or {@code .svg}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException for any other extension
     */
    static void write(Chart<?, ?> chart, Path file) throws IOException {
        write(of(chart), file);
    }

    /**
     * @param drawing what to draw
     * @param file    {@code .png} or {@code .svg}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException for any other extension
     */
    static void write(Drawing chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, temporary -> writePng(chart, temporary));
        } else if (name.endsWith(".svg")) {
            AtomicFiles.write(file, temporary -> writeSvg(chart, temporary));
        } else {
            throw new IllegalArgumentException("chart files are .png or .svg, not " + file.getFileName());
        }
    }

    private static void writePng(Drawing chart, Path file) throws IOException {
        int width = chart.width();
        int height = chart.height();
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            chart.paint(g);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java for " + file);
        }
    }

    private static void writeSvg(Drawing chart, Path file) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder in this Java: " + e.getMessage(), e);
        }
        SVGGraphics2D g = new SVGGraphics2D(document);
        g.setSVGCanvasSize(new Dimension(chart.width(), chart.height()));
        chart.paint(g);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            g.stream(out, true);
        }
    }
}
