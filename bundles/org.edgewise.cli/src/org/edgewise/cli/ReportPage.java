package org.edgewise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.edgewise.gradient.AnalysisTables;
import org.edgewise.gradient.GradientAnalysis;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.Profiles;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.segment.ParticleMetrics;

/**
 * {@code report.html} of {@code edgewise analyze}: one self-contained page with the run summary, the registration of
 * the element pairs, per particle its shape, its Table-1 metrics and its depth profiles as tables, and the
 * provenance record. (The plots come with the chart library of the image-I/O bundle.)
 */
final class ReportPage {

    private ReportPage() {
    }

    static void write(Path file, GradientAnalysis.Result r, String provenanceJson, java.util.List<String> warnings)
            throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edgewise gradient analysis"
                + "</title><style>body{font-family:sans-serif;margin:2em;max-width:1300px}table{border-collapse:"
                + "collapse;margin:0.5em 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}"
                + "th{background:#eee}h2{border-bottom:2px solid #446}pre{background:#f6f6f6;padding:1em;"
                + "overflow:auto;max-height:30em}</style></head><body>\n");
        h.append("<h1>Elemental depth gradients</h1>\n");
        for (String warning : warnings) {
            h.append("<p style=\"color:#b00;font-weight:bold\">Warning: ").append(escape(warning)).append("</p>\n");
        }
        h.append(String.format(Locale.ROOT, "<p>%d particle(s); voxel %.4f µm; volume %d × %d × %d; energies:",
                r.particles().size(), r.voxelUm(), r.shape()[0], r.shape()[1], r.shape()[2]));
        for (var p : r.pairs()) {
            h.append(String.format(Locale.ROOT, " %s %.3f/%.3f keV;", p.element().symbol(), p.belowKev(),
                    p.aboveKev()));
        }
        h.append("</p>\n<h2>Registration of the element pairs to the Ni grid</h2>\n<table><tr><th>pair</th>"
                + "<th>method</th><th>scale</th><th>shift z, y, x (voxels)</th><th>residual</th></tr>\n");
        for (GradientAnalysis.ElementRegistration g : r.registrations()) {
            double[] s = g.registration().shiftPx();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.6f</td><td>%.3f, %.3f, %.3f</td>"
                    + "<td>%.4f</td></tr>%n", g.element().symbol(), g.registration().method(),
                    g.registration().scale(), s[0], s[1], s[2], g.registration().residual()));
        }
        h.append("</table>\n<h2>Particles</h2>\n<table><tr>");
        for (String c : AnalysisTables.PARTICLE_COLUMNS) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("<th>cut by the field of view</th></tr>\n");
        for (ParticleMetrics.Metrics m : r.particles()) {
            double[] mean = AnalysisTables.wholeParticleMean(r.profiles(), m.label());
            double[] ratio = org.edgewise.gradient.Calibration.ratios(mean);
            double[] x = r.calibration().fractions(mean);
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.3f</td>"
                    + "<td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                    + "<td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%s</td></tr>%n",
                    m.label(), m.voxels(), m.volumeUm3(), m.solidVolumeUm3(), m.equivDiameterUm(), m.feretMinUm(),
                    m.feretMaxOrthUm(), m.feretRatio(), m.centroidUm()[0], m.centroidUm()[1], m.centroidUm()[2],
                    ratio[2], ratio[0], ratio[1], x[2], x[0], x[1], m.cutByFieldOfView() ? "yes" : "no"));
        }
        h.append("</table>\n<h2>Table 1 per particle (99 % confidence half-widths)</h2>\n<table><tr><th>particle"
                + "</th><th>element</th><th>quantity</th><th>edge</th><th>core</th><th>core − edge</th><th>max</th>"
                + "<th>max − min</th></tr>\n");
        for (ProfileMetrics.Metric m : r.metrics()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%.4f ± %.4f</td>"
                    + "<td>%.4f ± %.4f</td><td>%+.4f ± %.4f</td><td>%.4f</td><td>%.4f</td></tr>%n", m.particle(),
                    m.element().symbol(), m.quantity().id(), m.edge().value(), m.edge().halfWidth(), m.core().value(),
                    m.core().halfWidth(), m.coreMinusEdge().value(), m.coreMinusEdge().halfWidth(), m.max().value(),
                    m.maxMinusMin()));
        }
        h.append("</table>\n");
        for (ParticleMetrics.Metrics p : r.particles()) {
            h.append("<h2>Particle ").append(p.label()).append(": depth profiles</h2>\n<table><tr><th>depth µm</th>"
                    + "<th>n</th>");
            for (var e : Profiles.ELEMENTS) {
                h.append("<th>").append(e.symbol()).append(" ratio</th><th>").append(e.symbol())
                        .append(" fraction</th>");
            }
            h.append("<th>reliable</th></tr>\n");
            var ni = Profiles.select(r.rows(), p.label(), Profiles.ELEMENTS.get(0));
            for (int b = 0; b < ni.size(); b++) {
                ProfileRow row = ni.get(b);
                h.append(String.format(Locale.ROOT, "<tr><td>%.3f</td><td>%d</td>", row.depthUm(), row.n()));
                for (var e : Profiles.ELEMENTS) {
                    ProfileRow q = Profiles.select(r.rows(), p.label(), e).get(b);
                    h.append(String.format(Locale.ROOT, "<td>%.4f ± %.4f</td><td>%.4f ± %.4f</td>", q.ratio().value(),
                            q.ratio().halfWidth(), q.fraction().value(), q.fraction().halfWidth()));
                }
                h.append("<td>").append(row.reliable() ? "yes" : "").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Provenance</h2>\n<pre>").append(escape(provenanceJson)).append("</pre>\n</body></html>\n");
        AtomicFiles.write(file, t -> Files.writeString(t, h.toString()));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
