package org.edgewise.ui.tests.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.Maths;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.Range;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetChartsTest {

    private Shell shell;

    @BeforeEach
    void openShell() {
        shell = Ui.shell(640, 480);
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
    }

    @Test
    void depthProfileShowsTitleUnitsAndTheExactValues() {
        Chart chart = DatasetCharts.createLineChart(shell, "Ni fraction vs depth", "Depth below hull surface", "µm",
                "Ni / (Ni+Mn+Co)", null);
        // a linear core-to-edge gradient: 0.80 at the surface falling 0.02 per µm
        Dataset depthUm = DatasetFactory.createRange(0.0, 3.0, 0.5);
        Dataset fraction = Maths.subtract(0.80, Maths.multiply(depthUm, 0.02));
        ILineSeries series = DatasetCharts.addLineSeries(chart, "particle 1", depthUm, fraction);
        shell.open();
        Ui.drain();

        assertEquals("Ni fraction vs depth", chart.getTitle().getText());
        assertEquals("Depth below hull surface (µm)", DatasetCharts.xAxis(chart).getTitle().getText());
        assertEquals("Ni / (Ni+Mn+Co)", DatasetCharts.yAxis(chart).getTitle().getText());
        assertEquals(1, chart.getSeriesSet().getSeries().length);
        assertEquals("particle 1", series.getId());
        assertArrayEquals(new double[] { 0.0, 0.5, 1.0, 1.5, 2.0, 2.5 }, series.getXSeries(), 1e-12);
        assertArrayEquals(new double[] { 0.80, 0.79, 0.78, 0.77, 0.76, 0.75 }, series.getYSeries(), 1e-12);
        Range xRange = DatasetCharts.xAxis(chart).getRange();
        Range yRange = DatasetCharts.yAxis(chart).getRange();
        // adjustRange() shows all data with a small margin (SWTChart adds a few percent on each side)
        assertRangeShowsWithSmallMargin(xRange, 0.0, 2.5);
        assertRangeShowsWithSmallMargin(yRange, 0.75, 0.80);
        assertTrue(chart.getPlotArea().getSize().x > 0, "the plot area was laid out");
    }

    private static void assertRangeShowsWithSmallMargin(Range range, double lowest, double highest) {
        double span = highest - lowest;
        assertTrue(range.lower <= lowest && range.lower >= lowest - 0.1 * span, "lower " + range.lower);
        assertTrue(range.upper >= highest && range.upper <= highest + 0.1 * span, "upper " + range.upper);
    }

    @Test
    void mismatchedLengthsAreRejectedWithBothCounts() {
        Chart chart = DatasetCharts.createLineChart(shell, "t", "x", "px", "y", "counts");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DatasetCharts.addLineSeries(chart, "bad", DatasetFactory.createRange(4.0),
                        DatasetFactory.createRange(5.0)));
        assertTrue(error.getMessage().contains("4") && error.getMessage().contains("5"), error.getMessage());
    }
}
