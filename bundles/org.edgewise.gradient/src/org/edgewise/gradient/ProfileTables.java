package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;

/**
 * Profile rows and Table-1 metrics as tables that cross stage boundaries ({@link Tables}, read by column name);
 * elements are stored by atomic number, quantities as 0 (ratio) or 1 (fraction), flags as 0/1.
 * <pre>{@code
 * Dataset table = ProfileTables.profiles(rows);
 * List<ProfileRow> back = ProfileTables.profileRows(table);
 * }</pre>
 */
public final class ProfileTables {

    /** Columns of a profile table. */
    public static final List<Column> PROFILE_COLUMNS = List.of(Column.of("particle", ""), Column.of("element_z", ""),
            Column.of("depth_low_um", "µm"), Column.of("depth_high_um", "µm"), Column.of("n", ""),
            Column.of("n_eff", ""), Column.of("intensity_mean", "1/µm"), Column.of("intensity_se", "1/µm"),
            Column.of("intensity_ci_low", "1/µm"), Column.of("intensity_ci_high", "1/µm"), Column.of("ratio", "1"),
            Column.of("ratio_se", "1"), Column.of("ratio_ci_low", "1"), Column.of("ratio_ci_high", "1"),
            Column.of("fraction", "1"), Column.of("fraction_se", "1"), Column.of("fraction_ci_low", "1"),
            Column.of("fraction_ci_high", "1"), Column.of("total_intensity", "1/µm"), Column.of("reliable", ""));

    /** Columns of a metrics table. */
    public static final List<Column> METRIC_COLUMNS = List.of(Column.of("particle", ""), Column.of("element_z", ""),
            Column.of("quantity", ""), Column.of("edge_depth_um", "µm"), Column.of("edge_value", "1"),
            Column.of("edge_se", "1"), Column.of("edge_ci", "1"), Column.of("core_depth_um", "µm"),
            Column.of("core_value", "1"), Column.of("core_se", "1"), Column.of("core_ci", "1"),
            Column.of("d_core_edge", "1"), Column.of("d_core_edge_ci", "1"), Column.of("max_depth_um", "µm"),
            Column.of("max_value", "1"), Column.of("max_ci", "1"), Column.of("d_max_min", "1"));

    private ProfileTables() {
    }

    /** @return the rows as a table [row, column] */
    public static DoubleDataset profiles(List<ProfileRow> rows) {
        DoubleDataset t = Tables.create(PROFILE_COLUMNS, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ProfileRow r = rows.get(i);
            Tables.set(t, i, "particle", r.particle());
            Tables.set(t, i, "element_z", r.element().atomicNumber());
            Tables.set(t, i, "depth_low_um", r.depthLowUm());
            Tables.set(t, i, "depth_high_um", r.depthHighUm());
            Tables.set(t, i, "n", r.n());
            Tables.set(t, i, "n_eff", r.nEff());
            put(t, i, "intensity", r.intensity(), "_mean");
            put(t, i, "ratio", r.ratio(), "");
            put(t, i, "fraction", r.fraction(), "");
            Tables.set(t, i, "total_intensity", r.totalIntensity());
            Tables.set(t, i, "reliable", r.reliable() ? 1 : 0);
        }
        return t;
    }

    private static void put(Dataset t, int i, String prefix, Estimate e, String valueSuffix) {
        Tables.set(t, i, prefix + valueSuffix, e.value());
        Tables.set(t, i, prefix + "_se", e.standardError());
        Tables.set(t, i, prefix + "_ci_low", e.low());
        Tables.set(t, i, prefix + "_ci_high", e.high());
    }

    private static Estimate get(Dataset t, int i, String prefix, String valueSuffix) {
        return new Estimate(Tables.get(t, i, prefix + valueSuffix), Tables.get(t, i, prefix + "_se"),
                Tables.get(t, i, prefix + "_ci_low"), Tables.get(t, i, prefix + "_ci_high"));
    }

    /** @return the rows of a profile table */
    public static List<ProfileRow> profileRows(Dataset t) {
        List<ProfileRow> rows = new ArrayList<>();
        for (int i = 0; i < Tables.rows(t); i++) {
            rows.add(new ProfileRow((int) Tables.get(t, i, "particle"), element(Tables.get(t, i, "element_z")),
                    Tables.get(t, i, "depth_low_um"), Tables.get(t, i, "depth_high_um"), (long) Tables.get(t, i, "n"),
                    Tables.get(t, i, "n_eff"), get(t, i, "intensity", "_mean"), get(t, i, "ratio", ""),
                    get(t, i, "fraction", ""), Tables.get(t, i, "total_intensity"), Tables.get(t, i, "reliable") != 0));
        }
        return rows;
    }

    /** @return the metrics as a table [row, column] */
    public static DoubleDataset metrics(List<ProfileMetrics.Metric> metrics) {
        DoubleDataset t = Tables.create(METRIC_COLUMNS, metrics.size());
        for (int i = 0; i < metrics.size(); i++) {
            ProfileMetrics.Metric m = metrics.get(i);
            Tables.set(t, i, "particle", m.particle());
            Tables.set(t, i, "element_z", m.element().atomicNumber());
            Tables.set(t, i, "quantity", m.quantity().ordinal());
            Tables.set(t, i, "edge_depth_um", m.edgeDepthUm());
            Tables.set(t, i, "edge_value", m.edge().value());
            Tables.set(t, i, "edge_se", m.edge().standardError());
            Tables.set(t, i, "edge_ci", m.edge().halfWidth());
            Tables.set(t, i, "core_depth_um", m.coreDepthUm());
            Tables.set(t, i, "core_value", m.core().value());
            Tables.set(t, i, "core_se", m.core().standardError());
            Tables.set(t, i, "core_ci", m.core().halfWidth());
            Tables.set(t, i, "d_core_edge", m.coreMinusEdge().value());
            Tables.set(t, i, "d_core_edge_ci", m.coreMinusEdge().halfWidth());
            Tables.set(t, i, "max_depth_um", m.maxDepthUm());
            Tables.set(t, i, "max_value", m.max().value());
            Tables.set(t, i, "max_ci", m.max().halfWidth());
            Tables.set(t, i, "d_max_min", m.maxMinusMin());
        }
        return t;
    }

    /** @return the metrics of a metrics table (standard errors of core − edge and of the maximum are not kept: NaN) */
    public static List<ProfileMetrics.Metric> metricRows(Dataset t) {
        List<ProfileMetrics.Metric> metrics = new ArrayList<>();
        for (int i = 0; i < Tables.rows(t); i++) {
            metrics.add(new ProfileMetrics.Metric((int) Tables.get(t, i, "particle"),
                    element(Tables.get(t, i, "element_z")),
                    ProfileRow.Quantity.values()[(int) Math.round(Tables.get(t, i, "quantity"))],
                    Tables.get(t, i, "edge_depth_um"), estimate(t, i, "edge_value", "edge_se", "edge_ci"),
                    Tables.get(t, i, "core_depth_um"), estimate(t, i, "core_value", "core_se", "core_ci"),
                    estimate(t, i, "d_core_edge", null, "d_core_edge_ci"), Tables.get(t, i, "max_depth_um"),
                    estimate(t, i, "max_value", null, "max_ci"), Tables.get(t, i, "d_max_min")));
        }
        return metrics;
    }

    private static Estimate estimate(Dataset t, int i, String value, String se, String halfWidth) {
        double v = Tables.get(t, i, value);
        double h = Tables.get(t, i, halfWidth);
        return new Estimate(v, se == null ? Double.NaN : Tables.get(t, i, se), v - h, v + h);
    }

    /** @return the element with this atomic number */
    public static Element element(double atomicNumber) {
        for (Element e : Element.values()) {
            if (e.atomicNumber() == (int) Math.round(atomicNumber)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no imaged element has Z = " + atomicNumber);
    }
}
