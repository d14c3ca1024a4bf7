package org.edgewise.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The names of what a batch writes into its output folder, and the column contracts it reads and writes. */
public final class BatchFiles {

    /** One row per run, particle, element and quantity (the Table-1 metrics), or one error row per failed run. */
    public static final String SUMMARY = "summary.csv";
    /** Every run's {@code particles.csv}, one row per particle, with the run's name and labels in front. */
    public static final String PARTICLES = "particles.csv";
    /** The comparison page. */
    public static final String REPORT = "batch-report.html";
    /** The folder of the page's charts (PNG). */
    public static final String REPORT_FIGURES = "batch-report";
    /** The batch's own records of each run (what it was computed from), one JSON file per run. */
    public static final String STATE = ".batch";

    /** A run's files in its folder, as {@code edgewise analyze} writes them. */
    public static final String RUN_PARTICLES = "particles.csv";
    /** A run's depth profiles. */
    public static final String RUN_PROFILES = "profiles.csv";
    /** A run's Table-1 metrics. */
    public static final String RUN_METRICS = "metrics.csv";
    /** A run's provenance, whose hash ties a finished run to the batch's record of it. */
    public static final String RUN_PROVENANCE = "provenance.json";

    /** The columns of a run's {@code metrics.csv}. */
    public static final List<String> METRICS_COLUMNS = List.of("particle", "element", "quantity", "edge_depth_um",
            "edge_value", "edge_ci", "core_depth_um", "core_value", "core_ci", "d_core_edge", "max_depth_um",
            "max_value", "max_ci", "d_max_min");

    /** The columns of a run's {@code particles.csv}. */
    public static final List<String> PARTICLES_COLUMNS = List.of("particle", "voxels", "volume_um3",
            "solid_volume_um3", "equiv_diameter_um", "feret_min_um", "feret_max_orth_um", "feret_ratio",
            "centroid_z_um", "centroid_y_um", "centroid_x_um", "mean_ratio_Ni", "mean_ratio_Mn", "mean_ratio_Co",
            "mean_fraction_Ni", "mean_fraction_Mn", "mean_fraction_Co");

    /** The columns of a run's {@code profiles.csv}. */
    public static final List<String> PROFILES_COLUMNS = List.of("particle", "element", "depth_um", "n",
            "intensity_mean", "intensity_ci_low", "intensity_ci_high", "ratio", "ratio_ci_low", "ratio_ci_high",
            "fraction", "fraction_ci_low", "fraction_ci_high");

    /** The summary's columns before the labels. */
    public static final List<String> SUMMARY_RUN_COLUMNS = List.of("run", "status", "error", "seconds");

    /** Columns a label may not be called, as the summary and the particles table already have them. */
    public static final Set<String> SUMMARY_FIXED_COLUMNS;

    /** Run names that would collide with the batch's own files. */
    public static final Set<String> RESERVED = Set.of(SUMMARY, PARTICLES, REPORT, REPORT_FIGURES, STATE);

    static {
        List<String> fixed = new ArrayList<>(SUMMARY_RUN_COLUMNS);
        fixed.addAll(METRICS_COLUMNS);
        PARTICLES_COLUMNS.stream().filter(c -> !fixed.contains(c)).forEach(fixed::add);
        SUMMARY_FIXED_COLUMNS = Set.copyOf(fixed);
    }

    private BatchFiles() {
    }
}
