package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgewise.io.CsvTable;

/**
 * The batch's combined tables, made from the files each run wrote (cells copied as text, so every number is the
 * run's own):
 * <ul>
 * <li>{@code summary.csv}: {@code run,status,error,seconds}, the labels, then the columns of a run's
 * {@code metrics.csv} — one row per run, particle, element and quantity; a failed or cancelled run has one row with
 * its reason and empty metrics;</li>
 * <li>{@code particles.csv}: {@code run}, the labels, then the columns of a run's {@code particles.csv} — one row
 * per particle of every finished run.</li>
 * </ul>
 */
public final class BatchTables {

    private BatchTables() {
    }

    /**
     * @param out      the batch's output folder
     * @param manifest the runs
     * @param result   their outcomes
     * @throws IOException if a table cannot be written
     */
    public static void write(Path out, BatchManifest manifest, BatchRunner.Result result) throws IOException {
        List<String> labels = manifest.labelNames();
        List<String> summaryColumns = new ArrayList<>(BatchFiles.SUMMARY_RUN_COLUMNS);
        summaryColumns.addAll(labels);
        summaryColumns.addAll(BatchFiles.METRICS_COLUMNS);
        CsvTable summary = new CsvTable(summaryColumns.toArray(String[]::new));
        List<String> particleColumns = new ArrayList<>(List.of("run"));
        particleColumns.addAll(labels);
        particleColumns.addAll(BatchFiles.PARTICLES_COLUMNS);
        CsvTable particles = new CsvTable(particleColumns.toArray(String[]::new));

        for (int i = 0; i < manifest.runs().size(); i++) {
            RunSpec run = manifest.runs().get(i);
            RunOutcome outcome = result.outcomes().get(i);
            List<Object> front = new ArrayList<>(List.of(run.name(), outcome.status().id(), outcome.error(),
                    String.format(Locale.ROOT, "%.1f", outcome.seconds())));
            labels.forEach(label -> front.add(run.labels().getOrDefault(label, "")));
            if (outcome.status() != RunOutcome.Status.DONE) {
                summary.addRow(row(front, BatchFiles.METRICS_COLUMNS.size()));
                continue;
            }
            Path folder = out.resolve(run.name());
            Csv metrics;
            Csv shapes;
            try {
                metrics = Csv.read(folder.resolve(BatchFiles.RUN_METRICS));
                shapes = Csv.read(folder.resolve(BatchFiles.RUN_PARTICLES));
            } catch (IOException e) {
                front.set(1, RunOutcome.Status.FAILED.id());
                front.set(2, "its results cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
                summary.addRow(row(front, BatchFiles.METRICS_COLUMNS.size()));
                continue;
            }
            if (metrics.rows().isEmpty()) {
                summary.addRow(row(front, BatchFiles.METRICS_COLUMNS.size()));
            }
            for (List<String> cells : metrics.rows()) {
                List<Object> values = new ArrayList<>(front);
                for (String column : BatchFiles.METRICS_COLUMNS) {
                    int c = metrics.column(column);
                    values.add(c < 0 ? null : cells.get(c));
                }
                summary.addRow(values.toArray());
            }
            for (List<String> cells : shapes.rows()) {
                List<Object> values = new ArrayList<>(List.of(run.name()));
                labels.forEach(label -> values.add(run.labels().getOrDefault(label, "")));
                for (String column : BatchFiles.PARTICLES_COLUMNS) {
                    int c = shapes.column(column);
                    values.add(c < 0 ? null : cells.get(c));
                }
                particles.addRow(values.toArray());
            }
        }
        summary.write(out.resolve(BatchFiles.SUMMARY));
        particles.write(out.resolve(BatchFiles.PARTICLES));
    }

    private static Object[] row(List<Object> front, int empty) {
        List<Object> values = new ArrayList<>(front);
        for (int i = 0; i < empty; i++) {
            values.add(null);
        }
        return values.toArray();
    }
}
