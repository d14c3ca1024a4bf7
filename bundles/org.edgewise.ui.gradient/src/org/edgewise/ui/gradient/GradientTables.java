package org.edgewise.ui.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.edgewise.api.Element;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.ui.data.CsvTables;
import org.edgewise.ui.data.DatasetEntry;

/**
 * The gradient analysis' tables read by column name, as the analysis writes them ({@code profiles.csv},
 * {@code metrics.csv}) or keeps them in memory (elements by atomic number, quantity 0 = ratio, 1 = fraction).
 */
final class GradientTables {

    /** What a profile or metric measures. */
    enum Quantity {
        /** The paper's ratio Δμ_El / ΣΔμ (Eq. 1). */
        RATIO("ratio", "Ratio Δμ_El / ΣΔμ"),
        /** The calibrated atomic fraction on the transition-metal site. */
        FRACTION("fraction", "Atomic fraction on the TM site");

        private final String column;
        private final String label;

        Quantity(String column, String label) {
            this.column = column;
            this.label = label;
        }

        /** @return the column prefix, {@code ratio} or {@code fraction} */
        String column() {
            return column;
        }

        /** @return the axis title */
        String label() {
            return label;
        }

        /** @return the value of the {@code quantity} column */
        double code() {
            return this == RATIO ? CsvTables.RATIO : CsvTables.FRACTION;
        }
    }

    /**
     * One element's profile of one particle.
     *
     * @param depthUm  bin centres, µm below the hull surface
     * @param value    mean per bin
     * @param low      lower end of the 99 % interval
     * @param high     upper end
     */
    record Profile(double[] depthUm, double[] value, double[] low, double[] high) {
    }

    private GradientTables() {
    }

    /** @return the element's symbol in lower case, as in dataset and column names ({@code delta_mu_ni}) */
    static String lower(Element element) {
        return element.symbol().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean isProfileTable(DatasetEntry entry) {
        return has(entry, CsvTables.ELEMENT_Z, "ratio_ci_low") && !has(entry, "edge_value");
    }

    static boolean isMetricsTable(DatasetEntry entry) {
        return has(entry, "edge_value", "core_value");
    }

    /** @return whether the profile table has what the metrics stage needs (standard errors, bin edges) */
    static boolean canRecomputeMetrics(DatasetEntry entry) {
        return has(entry, CsvTables.ELEMENT_Z, "depth_low_um", "depth_high_um", "n_eff", "ratio_se", "fraction_se",
                "intensity_se", "total_intensity", "reliable");
    }

    /**
     * @param profiles a profile table's entry
     * @return the id of the metrics table computed from it: its sibling {@code …/metrics} when the analysis made
     *         both, else one under the profiles
     */
    static String metricsId(DatasetEntry profiles) {
        String id = profiles.id();
        return id.endsWith("/profiles") ? id.substring(0, id.length() - "profiles".length()) + "metrics"
                : id + "/metrics";
    }

    /**
     * @param metrics  a metrics table
     * @param particle a particle
     * @return {edge depth, core depth} of the particle's metrics (µm), or null when the table has no row for it
     */
    static double[] pointDepthsUm(Dataset metrics, int particle) {
        for (int r = 0; r < Tables.rows(metrics); r++) {
            if ((int) Math.round(Tables.get(metrics, r, "particle")) == particle) {
                return new double[] { Tables.get(metrics, r, "edge_depth_um"), Tables.get(metrics, r,
                    "core_depth_um") };
            }
        }
        return null;
    }

    static boolean isLineScanTable(DatasetEntry entry) {
        return has(entry, "axis", "position_um", "delta_mu_ni");
    }

    static boolean isDensityTable(DatasetEntry entry) {
        return has(entry, CsvTables.ELEMENT_Z, "value_low", "value_high", "voxels");
    }

    private static boolean has(DatasetEntry entry, String... columns) {
        if (entry.kind() != DataKind.TABLE) {
            return false;
        }
        TableMetadata metadata = entry.data().getFirstMetadata(TableMetadata.class);
        return metadata != null && metadata.names().containsAll(List.of(columns));
    }

    static Dataset table(DatasetEntry entry) throws DatasetException {
        Dataset table = DatasetUtils.sliceAndConvertLazyDataset(entry.data());
        if (table.getFirstMetadata(TableMetadata.class) == null) {
            table.setMetadata(entry.data().getFirstMetadata(TableMetadata.class));
        }
        return table;
    }

    /** @return the particle labels of a profile or metrics table, ascending */
    static List<Integer> particles(Dataset table) {
        TreeSet<Integer> labels = new TreeSet<>();
        for (double label : Tables.column(table, "particle")) {
            labels.add((int) Math.round(label));
        }
        return new ArrayList<>(labels);
    }

    /**
     * @param table    a profile table
     * @param particle a particle label
     * @param element  an element
     * @param quantity ratio or fraction
     * @return its profile, in table order (depth ascending)
     */
    static Profile profile(Dataset table, int particle, Element element, Quantity quantity) {
        List<double[]> rows = new ArrayList<>();
        boolean centres = Tables.has(table, "depth_um");
        for (int r = 0; r < Tables.rows(table); r++) {
            if ((int) Math.round(Tables.get(table, r, "particle")) != particle
                    || (int) Math.round(Tables.get(table, r, CsvTables.ELEMENT_Z)) != element.atomicNumber()) {
                continue;
            }
            double depth = centres ? Tables.get(table, r, "depth_um")
                    : 0.5 * (Tables.get(table, r, "depth_low_um") + Tables.get(table, r, "depth_high_um"));
            rows.add(new double[] { depth, Tables.get(table, r, quantity.column()),
                Tables.get(table, r, quantity.column() + "_ci_low"), Tables.get(table, r, quantity.column() + "_ci_high") });
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] columns = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 4; c++) {
                columns[c][i] = rows.get(i)[c];
            }
        }
        return new Profile(columns[0], columns[1], columns[2], columns[3]);
    }
}
