package org.edgewise.ui.tests.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.Range;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Confidence bands, markers and the PNG/SVG export of a depth-profile chart. */
class ChartExportTest {

    private Shell shell;

    @TempDir
    Path folder;

    @BeforeEach
    void open() {
        shell = Ui.shell(800, 500);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void bandsWidenTheRangeMarkersReplaceTheirNamesakeAndTheSvgHoldsTheData() throws Exception {
        Chart chart = DatasetCharts.createLineChart(shell, "Ni", "Depth", "µm", "Ni/(Ni+Mn+Co)", null);
        Dataset depth = DatasetFactory.createFromObject(new double[] { 0.25, 0.5, 0.75, 1.0 });
        Dataset ratio = DatasetFactory.createFromObject(new double[] { 0.40, 0.45, 0.50, 0.55 });
        DatasetCharts.addLineSeries(chart, "particle 1", depth, ratio);
        DatasetCharts.addBand(chart, "particle 1 99% CI", depth,
                DatasetFactory.createFromObject(new double[] { 0.30, 0.40, 0.48, 0.54 }),
                DatasetFactory.createFromObject(new double[] { 0.50, 0.50, 0.52, 0.70 }), 0x1f77b4);
        DatasetCharts.setMarker(chart, "edge", 0.3, 0xaa0000);
        DatasetCharts.setMarker(chart, "edge", 0.25, 0xaa0000);
        shell.layout(true, true);
        Ui.drain();

        Range y = DatasetCharts.yAxis(chart).getRange();
        assertTrue(y.lower <= 0.30 && y.upper >= 0.70, "the band is inside the y range " + y.lower + " " + y.upper);
        assertEquals(1, DatasetCharts.markers(chart).size());
        assertEquals(0.25, DatasetCharts.markers(chart).get(0).x());
        assertEquals(1, DatasetCharts.visibleSeries(chart).size(), "the band's helper series stay out of the legend");

        Path svg = folder.resolve("profile.svg");
        DatasetCharts.exportSvg(chart, svg);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList polylines = document.getElementsByTagName("polyline");
        assertEquals(1, polylines.getLength());
        String[] points = ((Element) polylines.item(0)).getAttribute("points").split(" ");
        assertEquals(4, points.length);
        int width = Integer.parseInt(document.getDocumentElement().getAttribute("width"));
        int height = Integer.parseInt(document.getDocumentElement().getAttribute("height"));
        Range x = DatasetCharts.xAxis(chart).getRange();
        double expectedX = 80 + (0.5 - x.lower) / (x.upper - x.lower) * (width - 80 - 24);
        double expectedY = height - 60 - (0.45 - y.lower) / (y.upper - y.lower) * (height - 60 - 44);
        String[] second = points[1].split(",");
        assertEquals(expectedX, Double.parseDouble(second[0]), 0.01);
        assertEquals(expectedY, Double.parseDouble(second[1]), 0.01);
        NodeList polygons = document.getElementsByTagName("polygon");
        assertEquals(1, polygons.getLength());
        assertEquals(8, ((Element) polygons.item(0)).getAttribute("points").split(" ").length, "high then low");
        assertEquals("particle 1 99% CI", ((Element) polygons.item(0)).getAttribute("data-id"));
        NodeList lines = document.getElementsByTagName("line");
        boolean marker = false;
        for (int i = 0; i < lines.getLength(); i++) {
            marker |= "edge".equals(((Element) lines.item(i)).getAttribute("data-id"));
        }
        assertTrue(marker, "the marker is in the SVG");
        assertTrue(java.nio.file.Files.readString(svg).contains("Depth (µm)"));

        Path png = folder.resolve("profile.png");
        DatasetCharts.exportPng(chart, png);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertEquals(chart.getSize().x, image.width);
        assertEquals(chart.getSize().y, image.height);
    }
}
