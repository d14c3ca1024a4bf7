package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;

/**
 * The paper's Table 1 per particle, element and quantity (ratio or fraction): the value at the edge point and at the
 * core point, their difference, the highest value in the comparison region and the spread {@code max − min} there.
 * <p>
 * A "point" is a depth window (edge 0.25–0.30 µm, core 1.95–2.00 µm by default): the bins whose centres lie in it,
 * combined by voxel-weighted mean, or, when the bins are wider than the window, the one bin whose centre lies
 * nearest to the window's middle. Standard errors of combined bins add in quadrature (their noise is nearly
 * independent); the interval of a difference uses the larger of the two Student-t factors.
 * <pre>{@code
 * List<ProfileMetrics.Metric> table1 = ProfileMetrics.compute(rows, ProfileMetrics.Settings.defaults());
 * }</pre>
 */
public final class ProfileMetrics {

    private ProfileMetrics() {
    }

    /**
     * Depth windows, µm.
     *
     * @param edgeFromUm   edge point start
     * @param edgeToUm     edge point end
     * @param coreFromUm   core point start
     * @param coreToUm     core point end
     * @param regionFromUm comparison region start (highest value and max − min)
     * @param regionToUm   comparison region end
     */
    public record Settings(double edgeFromUm, double edgeToUm, double coreFromUm, double coreToUm,
            double regionFromUm, double regionToUm) {

        public Settings {
            if (!(edgeToUm >= edgeFromUm) || !(coreToUm >= coreFromUm) || !(regionToUm > regionFromUm)
                    || !(edgeFromUm >= 0)) {
                throw new IllegalArgumentException("depth windows must be non-negative and ordered: edge "
                        + edgeFromUm + "–" + edgeToUm + ", core " + coreFromUm + "–" + coreToUm + ", region "
                        + regionFromUm + "–" + regionToUm + " µm");
            }
        }

        /** @return the paper's windows: edge 0.25–0.30, core 1.95–2.00, region 0.25–2.00 µm */
        public static Settings defaults() {
            return new Settings(0.25, 0.30, 1.95, 2.00, 0.25, 2.00);
        }
    }

    /**
     * One row of {@code metrics.csv}.
     *
     * @param particle   particle label
     * @param element    element
     * @param quantity   ratio or fraction
     * @param edgeDepthUm depth of the edge point (centre of its bins), µm
     * @param edge       value at the edge point
     * @param coreDepthUm depth of the core point, µm
     * @param core       value at the core point
     * @param coreMinusEdge core − edge
     * @param maxDepthUm depth of the highest value in the region, µm
     * @param max        the highest value
     * @param maxMinusMin highest − lowest value in the region
     */
    public record Metric(int particle, Element element, ProfileRow.Quantity quantity, double edgeDepthUm,
            Estimate edge, double coreDepthUm, Estimate core, Estimate coreMinusEdge, double maxDepthUm, Estimate max,
            double maxMinusMin) {
    }

    /** @return metrics by particle, element (Ni, Mn, Co) and quantity (ratio, fraction) */
    public static List<Metric> compute(List<ProfileRow> rows, Settings settings) {
        List<Metric> out = new ArrayList<>();
        List<Integer> particles = rows.stream().map(ProfileRow::particle).distinct().sorted().toList();
        for (int particle : particles) {
            for (Element element : Profiles.ELEMENTS) {
                List<ProfileRow> profile = Profiles.select(rows, particle, element);
                if (profile.isEmpty()) {
                    continue;
                }
                for (ProfileRow.Quantity quantity : ProfileRow.Quantity.values()) {
                    out.add(metric(particle, element, quantity, profile, settings));
                }
            }
        }
        return out;
    }

    private static Metric metric(int particle, Element element, ProfileRow.Quantity quantity,
            List<ProfileRow> profile, Settings s) {
        double[] edgeDepth = new double[1];
        double[] coreDepth = new double[1];
        Estimate edge = point(profile, quantity, s.edgeFromUm(), s.edgeToUm(), edgeDepth);
        Estimate core = point(profile, quantity, s.coreFromUm(), s.coreToUm(), coreDepth);
        double t = Math.max(factor(edge), factor(core));
        double se = Math.hypot(edge.standardError(), core.standardError());
        Estimate difference = Estimate.of(core.value() - edge.value(), se, t);
        ProfileRow highest = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (ProfileRow row : profile) {
            if (row.depthUm() < s.regionFromUm() || row.depthUm() > s.regionToUm()) {
                continue;
            }
            double v = row.quantity(quantity).value();
            if (highest == null || v > highest.quantity(quantity).value()) {
                highest = row;
            }
            lowest = Math.min(lowest, v);
        }
        Estimate max = highest == null ? new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : highest.quantity(quantity);
        return new Metric(particle, element, quantity, edgeDepth[0], edge, coreDepth[0], core, difference,
                highest == null ? Double.NaN : highest.depthUm(), max,
                highest == null ? Double.NaN : max.value() - lowest);
    }

    /** The t factor an estimate was made with. */
    private static double factor(Estimate e) {
        return e.standardError() > 0 ? e.halfWidth() / e.standardError() : 0;
    }

    /**
     * @param depthOut receives the depth of the point, µm
     * @return the value in a depth window
     */
    static Estimate point(List<ProfileRow> profile, ProfileRow.Quantity quantity, double fromUm, double toUm,
            double[] depthOut) {
        List<ProfileRow> inside = profile.stream().filter(r -> r.depthUm() >= fromUm && r.depthUm() <= toUm)
                .toList();
        if (inside.isEmpty()) {
            double middle = 0.5 * (fromUm + toUm);
            ProfileRow nearest = null;
            for (ProfileRow r : profile) {
                if (nearest == null || Math.abs(r.depthUm() - middle) < Math.abs(nearest.depthUm() - middle)) {
                    nearest = r;
                }
            }
            depthOut[0] = nearest.depthUm();
            return nearest.quantity(quantity);
        }
        double weight = 0;
        double value = 0;
        double variance = 0;
        double depth = 0;
        double t = 0;
        for (ProfileRow r : inside) {
            weight += r.n();
        }
        for (ProfileRow r : inside) {
            double w = r.n() / weight;
            Estimate e = r.quantity(quantity);
            value += w * e.value();
            variance += w * w * e.standardError() * e.standardError();
            depth += w * r.depthUm();
            t = Math.max(t, factor(e));
        }
        depthOut[0] = depth;
        return Estimate.of(value, Math.sqrt(variance), t);
    }
}
