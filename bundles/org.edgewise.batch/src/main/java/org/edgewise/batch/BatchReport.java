package org.edgewise.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.TDistribution;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.imageio.charts.BarChart;
import org.edgewise.io.imageio.charts.DensityChart;
import org.edgewise.io.imageio.charts.LineChart;
import org.edgewise.api.files.FileTrees;

/**
 * {@code batch-report.html}: the runs side by side. For each label (architecture, state, ...) and element, the mean
 * depth profile of the paper's ratio per label value with its 99 % confidence band; the Table-1 metrics of every
 * particle; the volume and Feret ratio of every particle (per run, and as a 2-D distribution); the runs with their
 * status and time. Charts are PNG files in {@code batch-report/}.
 * <p>
 * A group's profile at a depth is the mean over its particles (of all its runs) of each particle's ratio there; the
 * band is the 99 % Student-t interval of that mean over the particles (between-particle spread), or the particle's
 * own interval when the group has one particle at that depth.
 */
public final class BatchReport {

    /** Confidence of the group bands. */
    static final double CONFIDENCE = 0.99;
    /** Labels with more values than this get no profile charts (the legend would be unreadable). */
    static final int MAX_GROUPS = 8;

    private static final String[] ELEMENTS = { "Ni", "Mn", "Co" };

    private BatchReport() {
    }

    /** One row of a run's profiles.csv, the ratio part. */
    record ProfilePoint(String run, String particle, String element, double depthUm, double ratio, double low,
            double high) {
    }

    /**
     * @param out      the batch's output folder (holding {@code summary.csv} and the run folders)
     * @param manifest the runs
     * @param result   their outcomes
     * @throws IOException if the page or a chart cannot be written
     */
    public static void write(Path out, BatchManifest manifest, BatchRunner.Result result) throws IOException {
        Path figures = out.resolve(BatchFiles.REPORT_FIGURES);
        Path staging = out.resolve("." + BatchFiles.REPORT_FIGURES + ".tmp");
        FileTrees.deleteQuietly(staging);
        Files.createDirectories(staging);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edgewise batch ")
                .append(escape(manifest.file().getFileName().toString())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;")
                .append("font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
                .append("td.t,th.t{text-align:left}.failed{color:#b00}img{max-width:100%}</style></head><body>\n")
                .append("<h1>Batch ").append(escape(manifest.file().getFileName().toString())).append("</h1>\n");
        long done = result.outcomes().stream().filter(o -> o.status() == RunOutcome.Status.DONE).count();
        html.append(String.format(Locale.ROOT, "<p>%d runs: %d done, %d failed%s; %.1f s.</p>%n",
                result.outcomes().size(), done, result.failed(), result.cancelled() ? ", batch cancelled" : "",
                result.seconds()));
        runsTable(html, manifest, result);

        List<ProfilePoint> points = new ArrayList<>();
        for (int i = 0; i < manifest.runs().size(); i++) {
            if (result.outcomes().get(i).status() == RunOutcome.Status.DONE) {
                points.addAll(profiles(manifest.runs().get(i), out.resolve(manifest.runs().get(i).name())));
            }
        }
        html.append("<h2>Depth profiles per label</h2>\n<p>Mean of the particles' ratio (the paper's Eq. 1) at each"
                + " depth, with the 99 % confidence band of that mean over the particles of the group.</p>\n");
        List<String> labelNames = new ArrayList<>(manifest.labelNames());
        if (labelNames.isEmpty()) {
            labelNames.add("run");
        }
        for (String label : labelNames) {
            Map<String, String> groupOfRun = new LinkedHashMap<>();
            for (RunSpec run : manifest.runs()) {
                groupOfRun.put(run.name(), label.equals("run") && manifest.labelNames().isEmpty() ? run.name()
                        : run.labels().getOrDefault(label, "(none)"));
            }
            Set<String> groups = new LinkedHashSet<>(groupOfRun.values());
            if (groups.size() > MAX_GROUPS) {
                html.append("<p>").append(escape(label)).append(": ").append(groups.size())
                        .append(" values, too many to draw.</p>\n");
                continue;
            }
            html.append("<h3>").append(escape(label)).append("</h3>\n");
            for (String element : ELEMENTS) {
                LineChart chart = LineChart.of(element + " by " + label, "depth (µm)", element + " ratio");
                int series = 0;
                for (String group : groups) {
                    double[][] profile = groupProfile(points, groupOfRun, group, element);
                    if (profile[0].length > 0) {
                        chart.line(group, profile[0], profile[1], profile[2], profile[3]);
                        series++;
                    }
                }
                if (series > 0) {
                    String file = "profile_" + safe(label) + "_" + element + ".png";
                    chart.size(800, 400).write(staging.resolve(file));
                    html.append("<img src=\"").append(BatchFiles.REPORT_FIGURES).append('/').append(file)
                            .append("\" alt=\"").append(escape(element + " profiles by " + label)).append("\">\n");
                }
            }
        }
        metricsTable(html, out);
        distributions(html, out, staging);
        html.append("</body></html>\n");

        FileTrees.deleteQuietly(figures);
        Files.move(staging, figures, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.write(out.resolve(BatchFiles.REPORT),
                temporary -> Files.writeString(temporary, html.toString(), StandardCharsets.UTF_8));
    }

    private static void runsTable(StringBuilder html, BatchManifest manifest, BatchRunner.Result result) {
        html.append("<h2>Runs</h2>\n<table><tr><th class=\"t\">run</th>");
        manifest.labelNames().forEach(l -> html.append("<th class=\"t\">").append(escape(l)).append("</th>"));
        html.append("<th class=\"t\">status</th><th>time (s)</th><th class=\"t\">where / reason</th></tr>\n");
        for (int i = 0; i < manifest.runs().size(); i++) {
            RunSpec run = manifest.runs().get(i);
            RunOutcome o = result.outcomes().get(i);
            html.append("<tr><td class=\"t\">").append(escape(run.name())).append("</td>");
            manifest.labelNames().forEach(l -> html.append("<td class=\"t\">")
                    .append(escape(run.labels().getOrDefault(l, ""))).append("</td>"));
            String status = o.status().id() + (o.unchanged() ? " (unchanged)" : "");
            html.append("<td class=\"t").append(o.status() == RunOutcome.Status.DONE ? "" : " failed").append("\">")
                    .append(status).append("</td>").append(String.format(Locale.ROOT, "<td>%.1f</td>", o.seconds()))
                    .append("<td class=\"t\">").append(escape(o.status() == RunOutcome.Status.DONE ? o.where()
                            : o.error())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void metricsTable(StringBuilder html, Path out) throws IOException {
        Csv summary = Csv.read(out.resolve(BatchFiles.SUMMARY));
        html.append("<h2>Table 1: edge and core ratios</h2>\n<p>The paper's ratio at the edge (0.25–0.30 µm) and the"
                + " core (1.95–2.00 µm) and their difference, ± the 99 % CI half-width; from summary.csv.</p>\n");
        List<String> shown = new ArrayList<>();
        for (String column : summary.header()) {
            if (!BatchFiles.METRICS_COLUMNS.contains(column) && !BatchFiles.SUMMARY_RUN_COLUMNS.contains(column)) {
                shown.add(column);
            }
        }
        html.append("<table><tr><th class=\"t\">run</th>");
        shown.forEach(c -> html.append("<th class=\"t\">").append(escape(c)).append("</th>"));
        html.append("<th>particle</th><th class=\"t\">element</th><th>edge</th><th>core</th><th>core − edge</th>"
                + "<th>max − min</th></tr>\n");
        for (List<String> row : summary.rows()) {
            if (!"ratio".equals(row.get(summary.column("quantity")))) {
                continue;
            }
            html.append("<tr><td class=\"t\">").append(escape(row.get(summary.column("run")))).append("</td>");
            shown.forEach(c -> html.append("<td class=\"t\">").append(escape(row.get(summary.column(c))))
                    .append("</td>"));
            html.append("<td>").append(escape(row.get(summary.column("particle")))).append("</td><td class=\"t\">")
                    .append(escape(row.get(summary.column("element")))).append("</td>")
                    .append(cell(row, summary, "edge_value", "edge_ci")).append(cell(row, summary, "core_value",
                            "core_ci"))
                    .append(cell(row, summary, "d_core_edge", null)).append(cell(row, summary, "d_max_min", null))
                    .append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void distributions(StringBuilder html, Path out, Path staging) throws IOException {
        Csv particles = Csv.read(out.resolve(BatchFiles.PARTICLES));
        if (particles.rows().isEmpty()) {
            return;
        }
        html.append("<h2>Particle volume and Feret ratio</h2>\n");
        Map<String, List<double[]>> byRun = new LinkedHashMap<>();
        List<Double> volumes = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (List<String> row : particles.rows()) {
            double volume = number(row.get(particles.column("volume_um3")));
            double feret = number(row.get(particles.column("feret_ratio")));
            byRun.computeIfAbsent(row.get(particles.column("run")), r -> new ArrayList<>())
                    .add(new double[] { volume, feret });
            volumes.add(volume);
            ratios.add(feret);
        }
        List<String> runs = new ArrayList<>(byRun.keySet());
        double[][] volume = meanAndSd(byRun, 0);
        double[][] feret = meanAndSd(byRun, 1);
        BarChart.of("Particle volume per run (mean ± sd)", "run", "volume (µm³)").series("volume", runs, volume[0],
                volume[1]).size(800, 360).write(staging.resolve("volume.png"));
        BarChart.of("Feret ratio per run (mean ± sd)", "run", "Feret ratio").series("Feret ratio", runs, feret[0],
                feret[1]).size(800, 360).write(staging.resolve("feret_ratio.png"));
        int bins = Math.max(4, Math.min(20, (int) Math.round(Math.sqrt(volumes.size()))));
        DensityChart.of("All particles", "volume (µm³)", "Feret ratio", "particles")
                .histogram(volumes.stream().mapToDouble(Double::doubleValue).toArray(),
                        ratios.stream().mapToDouble(Double::doubleValue).toArray(), bins, bins)
                .size(700, 420).write(staging.resolve("volume_feret_density.png"));
        for (String file : List.of("volume.png", "feret_ratio.png", "volume_feret_density.png")) {
            html.append("<img src=\"").append(BatchFiles.REPORT_FIGURES).append('/').append(file).append("\" alt=\"")
                    .append(file).append("\">\n");
        }
    }

    /** @return {@code [depth, mean, low, high]} of a group's profile for one element */
    static double[][] groupProfile(List<ProfilePoint> points, Map<String, String> groupOfRun, String group,
            String element) {
        TreeMap<Double, List<ProfilePoint>> byDepth = new TreeMap<>();
        for (ProfilePoint p : points) {
            if (p.element().equals(element) && group.equals(groupOfRun.get(p.run())) && Double.isFinite(p.ratio())) {
                byDepth.computeIfAbsent(p.depthUm(), d -> new ArrayList<>()).add(p);
            }
        }
        double[][] profile = new double[4][byDepth.size()];
        int i = 0;
        for (Map.Entry<Double, List<ProfilePoint>> entry : byDepth.entrySet()) {
            List<ProfilePoint> at = entry.getValue();
            profile[0][i] = entry.getKey();
            if (at.size() == 1) {
                profile[1][i] = at.get(0).ratio();
                profile[2][i] = at.get(0).low();
                profile[3][i] = at.get(0).high();
            } else {
                double mean = at.stream().mapToDouble(ProfilePoint::ratio).average().orElse(Double.NaN);
                double ss = at.stream().mapToDouble(p -> (p.ratio() - mean) * (p.ratio() - mean)).sum();
                double se = Math.sqrt(ss / (at.size() - 1) / at.size());
                double t = TDistribution.of(at.size() - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
                profile[1][i] = mean;
                profile[2][i] = mean - t * se;
                profile[3][i] = mean + t * se;
            }
            i++;
        }
        return profile;
    }

    private static List<ProfilePoint> profiles(RunSpec run, Path folder) {
        List<ProfilePoint> points = new ArrayList<>();
        try {
            Csv csv = Csv.read(folder.resolve(BatchFiles.RUN_PROFILES));
            int particle = csv.column("particle");
            int element = csv.column("element");
            int depth = csv.column("depth_um");
            int ratio = csv.column("ratio");
            int low = csv.column("ratio_ci_low");
            int high = csv.column("ratio_ci_high");
            if (Math.min(Math.min(particle, element), Math.min(depth, Math.min(ratio, Math.min(low, high)))) < 0) {
                return points;
            }
            for (List<String> row : csv.rows()) {
                points.add(new ProfilePoint(run.name(), row.get(particle), row.get(element), number(row.get(depth)),
                        number(row.get(ratio)), number(row.get(low)), number(row.get(high))));
            }
        } catch (IOException e) {
            // a run without profiles draws no line
        }
        return points;
    }

    private static double[][] meanAndSd(Map<String, List<double[]>> byRun, int index) {
        double[][] result = new double[2][byRun.size()];
        int i = 0;
        for (List<double[]> values : byRun.values()) {
            double mean = values.stream().mapToDouble(v -> v[index]).average().orElse(Double.NaN);
            double ss = values.stream().mapToDouble(v -> (v[index] - mean) * (v[index] - mean)).sum();
            result[0][i] = mean;
            result[1][i] = values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0;
            i++;
        }
        return result;
    }

    private static String cell(List<String> row, Csv csv, String value, String ci) {
        String text = format(row.get(csv.column(value)));
        if (ci != null) {
            text += " ± " + format(row.get(csv.column(ci)));
        }
        return "<td>" + escape(text) + "</td>";
    }

    private static String format(String number) {
        double value = number(number);
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : number;
    }

    private static double number(String text) {
        try {
            return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
