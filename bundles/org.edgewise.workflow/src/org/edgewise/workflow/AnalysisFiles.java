package org.edgewise.workflow;

import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.AnalysisTables;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.io.CsvTable;

/**
 * The comma-separated files of an analysis, in the columns of the output contract ({@code docs/data-formats.md}):
 * {@code particles.csv}, {@code profiles.csv}, {@code metrics.csv} (through {@link AnalysisTables}),
 * {@code alignment.csv} and {@code registration.csv}.
 */
final class AnalysisFiles {

    /** Columns of {@code alignment.csv}. */
    static final String[] ALIGNMENT_COLUMNS = { "scan", "energy_kev", "angle_deg", "shift_row_px", "shift_col_px" };
    /** Columns of {@code registration.csv}. */
    static final String[] REGISTRATION_COLUMNS = { "scan", "reference_scan", "shift_row_px", "shift_col_px", "scale",
        "rotation_center_px", "residual" };

    private AnalysisFiles() {
    }

    /** @return {@code particles.csv}: geometry, then the whole-particle ratio and fraction of Ni, Mn, Co */
    static CsvTable particles(AnalysisResults r) {
        CsvTable t = new CsvTable(AnalysisTables.PARTICLE_COLUMNS);
        Dataset table = r.particleTable();
        for (int i = 0; i < r.particles().size(); i++) {
            Analysis.Particle p = r.particles().get(i);
            Object[] row = new Object[AnalysisTables.PARTICLE_COLUMNS.length];
            row[0] = p.label();
            for (int c = 1; c < 11; c++) {
                double v = Tables.get(table, i, AnalysisTables.PARTICLE_COLUMNS[c]);
                row[c] = c == 1 ? (Object) Math.round(v) : (Object) v;
            }
            int k = 11;
            for (double[] values : List.of(p.meanRatio(), p.meanFraction())) {
                for (Element e : List.of(Element.NI, Element.MN, Element.CO)) {
                    row[k++] = values[e.ordinal()];
                }
            }
            row[k] = p.cutByFieldOfView() ? 1 : 0;
            t.addRow(row);
        }
        return t;
    }

    /** @return {@code profiles.csv} */
    static CsvTable profiles(List<ProfileRow> rows) {
        return AnalysisTables.profiles(rows);
    }

    /** @return {@code metrics.csv} */
    static CsvTable metrics(List<ProfileMetrics.Metric> metrics) {
        return AnalysisTables.metrics(metrics);
    }

    /** @return {@code alignment.csv}: per aligned scan and projection its shifts (empty for aligned inputs) */
    static CsvTable alignment(AnalysisResults r) {
        CsvTable table = new CsvTable(ALIGNMENT_COLUMNS);
        for (Map.Entry<String, Dataset> a : r.alignments().entrySet()) {
            Dataset t = a.getValue();
            double energy = r.scans().getOrDefault(a.getKey(), Double.NaN);
            for (int row = 0; row < t.getShape()[0]; row++) {
                table.addRow(a.getKey(), energy, value(t, AlignmentTables.ANGLE_DEG, row),
                        value(t, AlignmentTables.SHIFT_ROW_PX, row), value(t, AlignmentTables.SHIFT_COL_PX, row));
            }
        }
        return table;
    }

    /**
     * @return {@code registration.csv}: each below-edge scan (its own reference), each above-edge scan against its
     *         below-edge scan (projections: rows, columns, scale), then the Mn and Co volumes against the Ni grid
     *         (3-D: rows = z, columns = x; the y shift is in the results file's table)
     */
    static CsvTable registration(AnalysisResults r) {
        CsvTable table = new CsvTable(REGISTRATION_COLUMNS);
        for (Element e : Element.values()) {
            String below = AnalyzeWorkflow.volumeName(e, false);
            String above = AnalyzeWorkflow.volumeName(e, true);
            table.addRow(below, below, 0.0, 0.0, 1.0, centre(r, below), null);
            Dataset t = r.pairRegistration(e);
            if (t != null) {
                table.addRow(above, below, pair(t, AlignmentTables.SHIFT_ROW_PX), pair(t, AlignmentTables.SHIFT_COL_PX),
                        pair(t, AlignmentTables.SCALE), centre(r, above), pair(t, AlignmentTables.RESIDUAL));
            }
        }
        for (Map.Entry<Element, Dataset> g : r.elementRegistrations().entrySet()) {
            Dataset t = g.getValue();
            String name = AnalyzeWorkflow.name(g.getKey());
            table.addRow(name + "_volume", "ni_volume", Tables.get(t, 0, AlignmentTables.SHIFT_Z_PX),
                    Tables.get(t, 0, AlignmentTables.SHIFT_X_PX), Tables.get(t, 0, AlignmentTables.SCALE), null,
                    Tables.get(t, 0, AlignmentTables.RESIDUAL));
        }
        return table;
    }

    private static Double centre(AnalysisResults r, String scan) {
        Dataset t = r.alignments().get(scan);
        return t == null ? null : value(t, AlignmentTables.ROTATION_CENTER_PX, 0);
    }

    private static double value(Dataset alignment, String column, int row) {
        return AnalysisResults.value(alignment, AlignmentTables.ALIGNMENT, column, row);
    }

    private static double pair(Dataset registration, String column) {
        return AnalysisResults.value(registration, AlignmentTables.PAIR_REGISTRATION, column, 0);
    }
}
