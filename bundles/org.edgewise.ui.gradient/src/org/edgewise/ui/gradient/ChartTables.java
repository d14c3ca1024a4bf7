package org.edgewise.ui.gradient;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.DensityHistograms;
import org.edgewise.gradient.LineScans;
import org.edgewise.gradient.ProfileTables;

/**
 * The line scans and the data-density histograms of an analysis as tables (read by column name), so that they
 * travel through the registry and the results file like every other result. Elements are stored by atomic number,
 * the scan axis as 0 (x), 1 (y), 2 (z).
 */
final class ChartTables {

    /** Columns of the line-scan table: one row per particle, axis and point. */
    static final List<Column> LINE_SCAN_COLUMNS = List.of(Column.of("particle", ""), Column.of("axis", ""),
            Column.of("position_um", "µm"), Column.of("depth_um", "µm"), Column.of("delta_mu_ni", "1/µm"),
            Column.of("delta_mu_mn", "1/µm"), Column.of("delta_mu_co", "1/µm"), Column.of("ratio_ni", "1"),
            Column.of("ratio_mn", "1"), Column.of("ratio_co", "1"), Column.of("fraction_ni", "1"),
            Column.of("fraction_mn", "1"), Column.of("fraction_co", "1"));

    /** Columns of the density table: one row per particle, element, depth bin and value bin with voxels in it. */
    static final List<Column> DENSITY_COLUMNS = List.of(Column.of("particle", ""), Column.of("element_z", ""),
            Column.of("depth_low_um", "µm"), Column.of("depth_high_um", "µm"), Column.of("value_low", "1/µm"),
            Column.of("value_high", "1/µm"), Column.of("voxels", ""));

    /**
     * One element's density histogram.
     *
     * @param element   the element whose Δμ was counted
     * @param histogram the counts
     */
    record Entry(Element element, DensityHistograms.Histogram histogram) {
    }

    /**
     * One scan read back.
     *
     * @param positionUm distance from the particle's centre along the axis, µm
     * @param values     by {@code Element.ordinal()}: Δμ (1/µm), ratio or fraction at each point
     */
    record Line(double[] positionUm, double[][] values) {
    }

    /**
     * One density histogram read back, cells with no voxel left out.
     *
     * @param depthLowUm  cells' depth ranges, µm
     * @param depthHighUm
     * @param valueLow    cells' value ranges, 1/µm
     * @param valueHigh
     * @param voxels      voxels per cell
     */
    record Cells(double[] depthLowUm, double[] depthHighUm, double[] valueLow, double[] valueHigh, double[] voxels) {
    }

    private ChartTables() {
    }

    /** @return the scans as a line-scan table */
    static DoubleDataset lineScans(List<LineScans.Scan> scans) {
        int rows = scans.stream().mapToInt(scan -> scan.positionUm().length).sum();
        DoubleDataset table = Tables.create(LINE_SCAN_COLUMNS, rows);
        int r = 0;
        for (LineScans.Scan scan : scans) {
            for (int k = 0; k < scan.positionUm().length; k++, r++) {
                Tables.set(table, r, "particle", scan.particle());
                Tables.set(table, r, "axis", LineScans.AXES.indexOf(scan.axis()));
                Tables.set(table, r, "position_um", scan.positionUm()[k]);
                Tables.set(table, r, "depth_um", scan.depthUm()[k]);
                for (Element e : Element.values()) {
                    String el = GradientTables.lower(e);
                    Tables.set(table, r, "delta_mu_" + el, scan.deltaMu()[e.ordinal()][k]);
                    Tables.set(table, r, "ratio_" + el, scan.ratio()[e.ordinal()][k]);
                    Tables.set(table, r, "fraction_" + el, scan.fraction()[e.ordinal()][k]);
                }
            }
        }
        return table;
    }

    /** @return the histograms as a density table */
    static DoubleDataset density(List<Entry> entries) {
        List<double[]> rows = new ArrayList<>();
        for (Entry entry : entries) {
            DensityHistograms.Histogram h = entry.histogram();
            for (int b = 0; b < h.counts().length; b++) {
                for (int c = 0; c < h.counts()[b].length; c++) {
                    if (h.counts()[b][c] > 0) {
                        rows.add(new double[] { h.particle(), entry.element().atomicNumber(), b * h.depthBinUm(),
                            (b + 1) * h.depthBinUm(), h.valueLow() + c * h.valueBin(),
                            h.valueLow() + (c + 1) * h.valueBin(), h.counts()[b][c] });
                    }
                }
            }
        }
        DoubleDataset table = Tables.create(DENSITY_COLUMNS, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < DENSITY_COLUMNS.size(); c++) {
                Tables.set(table, r, DENSITY_COLUMNS.get(c).name(), rows.get(r)[c]);
            }
        }
        return table;
    }

    /** @return whether the table is a line-scan table */
    static boolean isLineScanTable(Dataset table) {
        return Tables.has(table, "axis") && Tables.has(table, "position_um");
    }

    /**
     * @param table    a line-scan table
     * @param particle a particle
     * @param axis     0 (x), 1 (y), 2 (z)
     * @param quantity {@code delta_mu}, {@code ratio} or {@code fraction}
     * @return the scan, in table order
     */
    static Line line(Dataset table, int particle, int axis, String quantity) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < Tables.rows(table); r++) {
            if ((int) Tables.get(table, r, "particle") == particle && (int) Tables.get(table, r, "axis") == axis) {
                rows.add(r);
            }
        }
        double[] position = new double[rows.size()];
        double[][] values = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            position[i] = Tables.get(table, rows.get(i), "position_um");
            for (Element e : Element.values()) {
                values[e.ordinal()][i] = Tables.get(table, rows.get(i), quantity + "_" + GradientTables.lower(e));
            }
        }
        return new Line(position, values);
    }

    /**
     * @param table    a density table
     * @param particle a particle
     * @param element  an element
     * @return its cells
     */
    static Cells cells(Dataset table, int particle, Element element) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < Tables.rows(table); r++) {
            if ((int) Tables.get(table, r, "particle") == particle
                    && ProfileTables.element(Tables.get(table, r, "element_z")) == element) {
                rows.add(r);
            }
        }
        double[][] c = new double[5][rows.size()];
        String[] names = { "depth_low_um", "depth_high_um", "value_low", "value_high", "voxels" };
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < names.length; k++) {
                c[k][i] = Tables.get(table, rows.get(i), names[k]);
            }
        }
        return new Cells(c[0], c[1], c[2], c[3], c[4]);
    }
}
