package org.edgewise.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.LineScans;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.Profiles;
import org.edgewise.gradient.stages.RegisterElementStage;
import org.edgewise.io.imageio.charts.DensityChart;
import org.edgewise.io.imageio.charts.LineChart;
import org.edgewise.io.imageio.charts.RgbImages;
import org.edgewise.physics.EnergyPair;

/**
 * {@code report.html} of an analysis: one self-contained page (no external file, script or font; charts as inline
 * SVG, images as PNG data URIs) with the run summary, alignment and registration quality, the Table-1 metrics, and
 * per particle ({@code <section class="particle">}): its depth profiles of ratio and fraction with 99 % bands, the
 * voxel density of each element's fraction against depth, three orthoslices through its centre with a composite RGB
 * map (red Ni, green Mn, blue Co) and its hull outline, and line scans along x, y and z; then the provenance record.
 */
final class AnalysisReport {

    private static final int NI = Element.NI.ordinal();
    private static final int MN = Element.MN.ordinal();
    private static final int CO = Element.CO.ordinal();

    private AnalysisReport() {
    }

    /** Charts drawn per particle: profiles (ratio, fraction) and line scans (x, y, z). */
    static final int SVG_PER_PARTICLE = 5;
    /** Images per particle: a density plot per element and three orthoslices. */
    static final int IMAGES_PER_PARTICLE = 6;

    static void write(Path file, AnalysisResults r, String provenanceJson, List<String> warnings) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edgewise gradient analysis"
                + "</title><style>body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:"
                + "collapse;margin:0.5em 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}"
                + "th{background:#eee}h2{border-bottom:2px solid #446}pre{background:#f6f6f6;padding:1em;"
                + "overflow:auto;max-height:30em}.warn{color:#b00;font-weight:bold}.row{display:flex;flex-wrap:wrap;"
                + "gap:8px;align-items:flex-start}figure{margin:4px}figcaption{font-size:85%;color:#444;"
                + "max-width:420px}img.slice{width:260px;image-rendering:pixelated;border:1px solid #888}"
                + "</style></head><body>\n");
        h.append("<h1>Elemental depth gradients</h1>\n");
        for (String warning : warnings) {
            h.append("<p class=\"warn\">Warning: ").append(escape(warning)).append("</p>\n");
        }
        try (Charts charts = new Charts()) {
            summary(h, r);
            alignmentCharts(h, r, charts);
            registration(h, r);
            particles(h, r);
            table1(h, r.metrics());
            for (int i = 0; i < r.particles().size(); i++) {
                particleSection(h, r, i, charts);
            }
        }
        h.append("<h2>Provenance</h2>\n<details><summary>the run's record (inputs with SHA-256, every stage with its"
                + " parameters, software versions)</summary><pre>").append(escape(provenanceJson))
                .append("</pre></details>\n</body></html>\n");
        Files.writeString(file, h.toString());
    }

    private static void summary(StringBuilder h, AnalysisResults r) {
        h.append(String.format(Locale.ROOT, "<p>%d particle(s); voxel %.4f µm; volume %d × %d × %d (z, y, x);"
                + " energies:", r.particles().size(), r.voxelUm(), r.shape()[0], r.shape()[1], r.shape()[2]));
        for (EnergyPair p : r.pairs()) {
            h.append(String.format(Locale.ROOT, " %s %.3f / %.3f keV;", p.element().symbol(), p.belowKev(),
                    p.aboveKev()));
        }
        h.append("</p>\n<p>").append(escape(r.plan().pipeline().description())).append("</p>\n");
    }

    private static void registration(StringBuilder h, AnalysisResults r) {
        h.append("<h2>Alignment and registration</h2>\n<table><tr><th>scan</th><th>energy keV</th>"
                + "<th>projections</th><th>shift rms (px)</th><th>rotation centre (px)</th></tr>\n");
        for (Map.Entry<String, Dataset> a : r.alignments().entrySet()) {
            Dataset t = a.getValue();
            int n = t.getShape()[0];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double row = AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.SHIFT_ROW_PX, i);
                double col = AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.SHIFT_COL_PX, i);
                sum += row * row + col * col;
            }
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%d</td><td>%.3f</td><td>%.2f</td>"
                    + "</tr>%n", a.getKey(), r.scans().getOrDefault(a.getKey(), Double.NaN), n, Math.sqrt(sum / n),
                    AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.ROTATION_CENTER_PX, 0)));
        }
        h.append("</table>\n<table><tr><th>pair (projections)</th><th>scale</th><th>shift row, col (px)</th>"
                + "<th>landmarks</th><th>residual</th></tr>\n");
        for (Element e : Element.values()) {
            Dataset t = r.pairRegistration(e);
            if (t == null) {
                continue;
            }
            h.append(String.format(Locale.ROOT, "<tr><td>%s above → below</td><td>%.5f</td><td>%.3f, %.3f</td>"
                    + "<td>%.0f</td><td>%.4f</td></tr>%n", e.symbol(), pair(t, AlignmentTables.SCALE),
                    pair(t, AlignmentTables.SHIFT_ROW_PX), pair(t, AlignmentTables.SHIFT_COL_PX),
                    pair(t, AlignmentTables.LANDMARKS), pair(t, AlignmentTables.RESIDUAL)));
        }
        h.append("</table>\n<table><tr><th>element volumes → Ni grid</th><th>method</th><th>scale</th>"
                + "<th>shift z, y, x (voxels)</th><th>landmark rms (voxels)</th><th>residual</th></tr>\n");
        for (Map.Entry<Element, Dataset> g : r.elementRegistrations().entrySet()) {
            Dataset t = g.getValue();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.6f</td><td>%.3f, %.3f, %.3f</td>"
                    + "<td>%.3f</td><td>%.4f</td></tr>%n", g.getKey().symbol(),
                    RegisterElementStage.method(t).describe(), Tables.get(t, 0, AlignmentTables.SCALE),
                    Tables.get(t, 0, AlignmentTables.SHIFT_Z_PX), Tables.get(t, 0, AlignmentTables.SHIFT_Y_PX),
                    Tables.get(t, 0, AlignmentTables.SHIFT_X_PX), Tables.get(t, 0,
                            RegisterElementStage.LANDMARK_RMS_PX), Tables.get(t, 0, AlignmentTables.RESIDUAL)));
        }
        h.append("</table>\n");
    }

    private static double pair(Dataset t, String column) {
        return AnalysisResults.value(t, AlignmentTables.PAIR_REGISTRATION, column, 0);
    }

    private static void particles(StringBuilder h, AnalysisResults r) {
        h.append("<h2>Particles</h2>\n<table><tr><th>particle</th><th>volume µm³</th><th>equivalent diameter µm</th>"
                + "<th>Feret ratio</th><th>ratio Ni / Mn / Co</th><th>fraction Ni / Mn / Co</th>"
                + "<th>cut by the field of view</th></tr>\n");
        for (Analysis.Particle p : r.particles()) {
            double[] q = p.meanRatio();
            double[] x = p.meanFraction();
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.2f</td><td>%.3f</td><td>%.3f</td>"
                    + "<td>%.4f / %.4f / %.4f</td><td>%.4f / %.4f / %.4f</td><td>%s</td></tr>%n", p.label(),
                    p.volumeUm3(), p.equivDiameterUm(), p.feretRatio(), q[NI], q[MN], q[CO], x[NI], x[MN], x[CO],
                    p.cutByFieldOfView() ? "<span class=\"warn\">yes</span>" : "no"));
        }
        h.append("</table>\n");
    }

    private static void table1(StringBuilder h, List<ProfileMetrics.Metric> metrics) {
        h.append("<h2>Table 1 per particle (99 % confidence half-widths)</h2>\n<table><tr><th>particle</th>"
                + "<th>element</th><th>quantity</th><th>edge</th><th>core</th><th>core − edge</th><th>max</th>"
                + "<th>max − min</th></tr>\n");
        for (ProfileMetrics.Metric m : metrics) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%.4f ± %.4f</td>"
                    + "<td>%.4f ± %.4f</td><td>%+.4f ± %.4f</td><td>%.4f</td><td>%.4f</td></tr>%n", m.particle(),
                    m.element().symbol(), m.quantity().id(), m.edge().value(), m.edge().halfWidth(), m.core().value(),
                    m.core().halfWidth(), m.coreMinusEdge().value(), m.coreMinusEdge().halfWidth(), m.max().value(),
                    m.maxMinusMin()));
        }
        h.append("</table>\n");
    }

    private static void profileTable(StringBuilder h, AnalysisResults r, int particle) {
        h.append("<h3>Particle ").append(particle).append(": depth profiles (99 % CI)</h3>\n<details><summary>table"
                + "</summary><table><tr><th>depth µm</th><th>n</th>");
        for (Element e : Profiles.ELEMENTS) {
            h.append("<th>").append(e.symbol()).append(" ratio</th><th>").append(e.symbol()).append(" fraction</th>");
        }
        h.append("<th>reliable</th></tr>\n");
        List<ProfileRow> ni = Profiles.select(r.rows(), particle, Profiles.ELEMENTS.get(0));
        for (int b = 0; b < ni.size(); b++) {
            ProfileRow row = ni.get(b);
            h.append(String.format(Locale.ROOT, "<tr><td>%.3f</td><td>%d</td>", row.depthUm(), row.n()));
            for (Element e : Profiles.ELEMENTS) {
                ProfileRow q = Profiles.select(r.rows(), particle, e).get(b);
                h.append(String.format(Locale.ROOT, "<td>%.4f ± %.4f</td><td>%.4f ± %.4f</td>", q.ratio().value(),
                        q.ratio().halfWidth(), q.fraction().value(), q.fraction().halfWidth()));
            }
            h.append("<td>").append(row.reliable() ? "yes" : "").append("</td></tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static void alignmentCharts(StringBuilder h, AnalysisResults r, Charts charts) throws IOException {
        if (r.alignments().isEmpty()) {
            return;
        }
        LineChart rows = LineChart.of("Projection shifts: rows", "angle (°)", "row shift (px)").size(640, 320);
        LineChart cols = LineChart.of("Projection shifts: columns", "angle (°)", "column shift (px)").size(640,
                320);
        for (Map.Entry<String, Dataset> a : r.alignments().entrySet()) {
            Dataset t = a.getValue();
            int n = t.getShape()[0];
            double[] angle = new double[n];
            double[] row = new double[n];
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                angle[i] = AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.ANGLE_DEG, i);
                row[i] = AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.SHIFT_ROW_PX, i);
                col[i] = AnalysisResults.value(t, AlignmentTables.ALIGNMENT, AlignmentTables.SHIFT_COL_PX, i);
            }
            rows.line(a.getKey(), angle, row);
            cols.line(a.getKey(), angle, col);
        }
        h.append("<h2>Alignment</h2>\n<div class=\"row\">").append(charts.svg(rows)).append(charts.svg(cols))
                .append("</div>\n");
    }

    private static void particleSection(StringBuilder h, AnalysisResults r, int index, Charts charts)
            throws IOException {
        Analysis.Particle p = r.particles().get(index);
        int label = p.label();
        h.append("<section class=\"particle\" id=\"particle-").append(label).append("\">\n<h2>Particle ")
                .append(label).append("</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>volume %.2f µm³, equivalent diameter %.3f µm, Feret ratio %.3f%s</p>%n",
                p.volumeUm3(), p.equivDiameterUm(), p.feretRatio(), p.cutByFieldOfView()
                        ? " — <span class=\"warn\">cut by the field of view: its profiles miss part of it</span>"
                        : ""));
        double reliableTo = r.rows().stream().filter(row -> row.particle() == label && row.reliable())
                .mapToDouble(ProfileRow::depthHighUm).max().orElse(Double.NaN);
        h.append("<h3>Depth profiles (99 % confidence bands)</h3>\n<div class=\"row\">");
        for (ProfileRow.Quantity q : ProfileRow.Quantity.values()) {
            LineChart chart = LineChart.of(q == ProfileRow.Quantity.RATIO ? "Ratio Δμ_El / ΣΔμ (the paper's Eq. 1)"
                    : "Calibrated atomic fraction", "depth below the hull (µm)", q.id()).size(620, 380);
            for (Element e : Profiles.ELEMENTS) {
                List<ProfileRow> rows = Profiles.select(r.rows(), label, e).stream().filter(row -> row.n() >= 20)
                        .toList();
                double[] x = rows.stream().mapToDouble(ProfileRow::depthUm).toArray();
                double[] y = rows.stream().mapToDouble(row -> row.quantity(q).value()).toArray();
                double[] lo = rows.stream().mapToDouble(row -> row.quantity(q).low()).toArray();
                double[] hi = rows.stream().mapToDouble(row -> row.quantity(q).high()).toArray();
                chart.line(e.symbol(), x, y, lo, hi);
            }
            h.append(charts.svg(chart));
        }
        h.append("</div>\n<p>").append(Double.isNaN(reliableTo) ? "No bin lies in the reliable region."
                : String.format(Locale.ROOT, "Reliable region (total Δμ within 10 %% of its plateau): down to %.2f µm;"
                        + " deeper bins hold few voxels.", reliableTo)).append("</p>\n");
        density(h, r, label, charts);
        orthoslices(h, r, index);
        lineScans(h, r, index, charts);
        profileTable(h, r, label);
        h.append("</section>\n");
    }

    /** Voxels of the particle by depth and calibrated fraction, per element. */
    private static void density(StringBuilder h, AnalysisResults r, int label, Charts charts) throws IOException {
        h.append("<h3>Data density: voxels by depth and fraction</h3>\n<div class=\"row\">");
        for (Element e : Profiles.ELEMENTS) {
            float[] f = r.fractions()[e.ordinal()];
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                if (r.hulls()[i] == label && Float.isFinite(f[i]) && f[i] > -0.5f && f[i] < 1.5f) {
                    points.add(new double[] { r.depthUm()[i], f[i] });
                }
            }
            double[] x = points.stream().mapToDouble(v -> v[0]).toArray();
            double[] y = points.stream().mapToDouble(v -> v[1]).toArray();
            DensityChart chart = DensityChart.of(e.symbol() + " fraction per voxel", "depth below the hull (µm)",
                    e.symbol() + " fraction", "voxels").histogram(x, y, 50, 40).size(420, 300);
            h.append("<figure>").append(charts.img(chart, e.symbol() + " density")).append("</figure>");
        }
        h.append("</div>\n");
    }

    /**
     * Three planes through the particle's centre: inside the hulls a composite of the calibrated fractions (red Ni,
     * green Mn, blue Co, each stretched over its 2–98 % range in the hulls), outside the Ni Δμ in grey, the
     * particle's hull outline in yellow.
     */
    private static void orthoslices(StringBuilder h, AnalysisResults r, int index) throws IOException {
        int[] s = r.shape();
        double[] centre = new double[3];
        String[] names = { "centroid_z_um", "centroid_y_um", "centroid_x_um" };
        for (int a = 0; a < 3; a++) {
            centre[a] = Math.max(0, Math.min(s[a] - 1, Math.round(Tables.get(r.particleTable(), index, names[a])
                    / r.voxelUm())));
        }
        int label = r.particles().get(index).label();
        double[][] stretch = new double[3][];
        for (Element e : Element.values()) {
            stretch[e.ordinal()] = range(r.fractions()[e.ordinal()], r.hulls(), 0.02, 0.98);
        }
        float[] ni = r.deltaMu()[Element.NI.ordinal()];
        double[] grey = range(ni, null, 0.01, 0.995);
        h.append("<h3>Orthoslices through the centre (red Ni, green Mn, blue Co; yellow: hull outline)</h3>\n"
                + "<div class=\"row\">");
        String[] planes = { "z", "y", "x" };
        for (int axis = 0; axis < 3; axis++) {
            // the two other axes: rows then columns
            int ra = axis == 0 ? 1 : 0;
            int ca = axis == 2 ? 1 : 2;
            int rows = s[ra];
            int cols = s[ca];
            int[] rgb = new int[rows * cols];
            int[] at = new int[3];
            at[axis] = (int) centre[axis];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    at[ra] = y;
                    at[ca] = x;
                    int i = (at[0] * s[1] + at[1]) * s[2] + at[2];
                    rgb[y * cols + x] = pixel(r, i, at, ra, ca, label, stretch, ni, grey);
                }
            }
            byte[] png = RgbImages.png(rgb, cols, rows);
            h.append(String.format(Locale.ROOT, "<figure><img class=\"slice\" alt=\"%s plane\" src=\"data:image/png;"
                    + "base64,%s\"><figcaption>plane %s = %d (rows %s, columns %s)</figcaption></figure>",
                    planes[axis], Base64.getEncoder().encodeToString(png), planes[axis], (int) centre[axis],
                    planes[ra], planes[ca]));
        }
        h.append("</div>\n");
    }

    private static int pixel(AnalysisResults r, int i, int[] at, int ra, int ca, int label, double[][] stretch,
            float[] ni, double[] grey) {
        int[] s = r.shape();
        int[] hulls = r.hulls();
        if (hulls[i] == label && onOutline(hulls, s, at, ra, ca, label)) {
            return 0xFFD700;
        }
        if (hulls[i] > 0) {
            int red = level(r.fractions()[Element.NI.ordinal()][i], stretch[Element.NI.ordinal()]);
            int green = level(r.fractions()[Element.MN.ordinal()][i], stretch[Element.MN.ordinal()]);
            int blue = level(r.fractions()[Element.CO.ordinal()][i], stretch[Element.CO.ordinal()]);
            return (red << 16) | (green << 8) | blue;
        }
        int g = level(ni[i], grey) / 2;
        return (g << 16) | (g << 8) | g;
    }

    /** @return whether a voxel of the particle's hull has a neighbour in the plane outside it */
    private static boolean onOutline(int[] hulls, int[] s, int[] at, int ra, int ca, int label) {
        int[][] steps = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
        for (int[] d : steps) {
            int[] n = at.clone();
            n[ra] += d[0];
            n[ca] += d[1];
            if (n[ra] < 0 || n[ra] >= s[ra] || n[ca] < 0 || n[ca] >= s[ca]) {
                return true;
            }
            if (hulls[(n[0] * s[1] + n[1]) * s[2] + n[2]] != label) {
                return true;
            }
        }
        return false;
    }

    private static int level(double value, double[] range) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double t = (value - range[0]) / Math.max(1e-12, range[1] - range[0]);
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }

    /** @return the {low, high} quantiles of the finite values (inside the hulls when given) */
    private static double[] range(float[] values, int[] inside, double low, double high) {
        double[] v = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if ((inside == null || inside[i] > 0) && Float.isFinite(values[i])) {
                v[n++] = values[i];
            }
        }
        if (n == 0) {
            return new double[] { 0, 1 };
        }
        double[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        return new double[] { sorted[(int) (low * (n - 1))], sorted[(int) (high * (n - 1))] };
    }

    /** Line scans through the centre along x, y and z: the calibrated fractions against the distance from it. */
    private static void lineScans(StringBuilder h, AnalysisResults r, int index, Charts charts) throws IOException {
        int[] s = r.shape();
        String[] names = { "centroid_z_um", "centroid_y_um", "centroid_x_um" };
        double[] centre = new double[3];
        for (int a = 0; a < 3; a++) {
            centre[a] = Tables.get(r.particleTable(), index, names[a]) / r.voxelUm();
        }
        List<LineScans.Scan> scans = LineScans.through(r.deltaMu(), r.hulls(), r.depthUm(), s[0], s[1], s[2],
                r.particles().get(index).label(), centre, 3, r.voxelUm(), r.calibration());
        h.append("<h3>Line scans through the centre (3 × 3 voxel cross-section)</h3>\n<div class=\"row\">");
        for (LineScans.Scan scan : scans) {
            LineChart chart = LineChart.of("Along " + scan.axis(), scan.axis() + " from the centre (µm)",
                    "fraction").size(440, 300);
            for (Element e : Profiles.ELEMENTS) {
                chart.line(e.symbol(), scan.positionUm(), scan.fraction()[e.ordinal()]);
            }
            h.append(charts.svg(chart));
        }
        h.append("</div>\n");
    }

    /** Chart files drawn into a temporary folder and read back inline. */
    private static final class Charts implements AutoCloseable {
        private final Path dir;
        private int count;

        Charts() throws IOException {
            dir = Files.createTempDirectory("edgewise-report-");
        }

        String svg(LineChart chart) throws IOException {
            Path file = dir.resolve("chart" + count++ + ".svg");
            chart.write(file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int start = text.indexOf("<svg");
            return start < 0 ? text : text.substring(start);
        }

        String img(DensityChart chart, String alt) throws IOException {
            Path file = dir.resolve("chart" + count++ + ".png");
            chart.write(file);
            return "<img alt=\"" + escape(alt) + "\" width=\"420\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(Files.readAllBytes(file)) + "\">";
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
