package org.edgewise.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.edgewise.gradient.AnalysisTables;
import org.edgewise.workflow.Analysis;

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

    /** A run's particles, as {@code edgewise analyze} writes them. */
    public static final String RUN_PARTICLES = Analysis.PARTICLES_FILE;
    /** A run's depth profiles. */
    public static final String RUN_PROFILES = Analysis.PROFILES_FILE;
    /** A run's Table-1 metrics. */
    public static final String RUN_METRICS = Analysis.METRICS_FILE;
    /** A run's provenance, whose hash ties a finished run to the batch's record of it. */
    public static final String RUN_PROVENANCE = Analysis.PROVENANCE_FILE;

    /** The columns of a run's {@code metrics.csv}. */
    public static final List<String> METRICS_COLUMNS = List.of(AnalysisTables.METRIC_COLUMNS);

    /** The columns of a run's {@code particles.csv}. */
    public static final List<String> PARTICLES_COLUMNS = List.of(AnalysisTables.PARTICLE_COLUMNS);

    /** The columns of a run's {@code profiles.csv}. */
    public static final List<String> PROFILES_COLUMNS = List.of(AnalysisTables.PROFILE_COLUMNS);

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
