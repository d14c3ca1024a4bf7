package org.edgewise.ui.plot;

import java.util.Arrays;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;

/**
 * The one place where January datasets become SWTChart series. Axis titles always carry their unit.
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
        return chart;
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
