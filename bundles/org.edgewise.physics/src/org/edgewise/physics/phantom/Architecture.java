package org.edgewise.physics.phantom;

import java.util.List;
import java.util.Locale;

import org.edgewise.api.Element;
import org.edgewise.physics.TmFractions;

/**
 * A gradient architecture after sintering: precursor layers grown on a core, then smoothed by transition-metal
 * interdiffusion, with the bulk average pinned to the measured (ICP) composition.
 * <p>
 * The layers are given from the core outwards with their share of the particle volume; their depths therefore
 * depend on the particle's shape ({@link #forParticle}). Interdiffusion is modelled as a Gaussian smoothing in depth
 * with one diffusion length per element (reflecting at the surface and at the deepest point); afterwards each
 * element's profile is shifted so that its volume average equals {@link #bulk()}, clipped at zero and renormalised.
 *
 * @param name        preset name, e.g. {@code 63ni}
 * @param layers      from the core outwards; volume fractions sum to 1
 * @param bulk        the measured average composition the profile must reproduce
 * @param niDiffusionUm Gaussian smoothing length for Ni, µm
 * @param mnDiffusionUm smoothing length for Mn, µm
 * @param coDiffusionUm smoothing length for Co, µm
 */
public record Architecture(String name, List<Layer> layers, TmFractions bulk, double niDiffusionUm,
        double mnDiffusionUm, double coDiffusionUm) implements ProfileModel {

    /** Depth step of the tabulated profile, µm. */
    public static final double STEP_UM = 0.005;

    /** Core composition of all three architectures, Ni<sub>0.9</sub>Co<sub>0.05</sub>Mn<sub>0.05</sub>. */
    public static final TmFractions CORE = TmFractions.ofNiCoMn(90, 5, 5);

    /**
     * One precursor layer.
     *
     * @param feed           the composition of the synthesis feed
     * @param volumeFraction its share of the particle volume
     */
    public record Layer(TmFractions feed, double volumeFraction) {
    }

    public Architecture {
        layers = List.copyOf(layers);
        double sum = layers.stream().mapToDouble(Layer::volumeFraction).sum();
        if (layers.isEmpty() || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("layer volume fractions must sum to 1, was " + sum);
        }
    }

    /**
     * The paper's three architectures (docs/data-formats.md, simulator presets): a Ni<sub>0.9</sub>Co<sub>0.05</sub>Mn<sub>0.05</sub> core with
     * feeds 8:1:1 ({@code 86ni}), 8:1:1 and 6:2:2 ({@code 80ni}) or 8:1:1, 6:2:2 and 1:1:1 ({@code 63ni}) (Ni:Co:Mn).
     * Layer volumes are chosen so that the precursor average equals the ICP nickel content
     * (Li<sub>1.07</sub>Ni<sub>0.63</sub>Co<sub>0.18</sub>Mn<sub>0.19</sub>O<sub>2</sub>, LiNi<sub>0.80</sub>Co<sub>0.10</sub>Mn<sub>0.10</sub>O<sub>2</sub>,
     * LiNi<sub>0.86</sub>Co<sub>0.07</sub>Mn<sub>0.07</sub>O<sub>2</sub>). Diffusion lengths: Mn slowest, Co fastest
     * (Co diffuses about ten times faster than Mn against Ni, paper ref. 29); longest for {@code 63ni}, whose four
     * layers the paper found most evened out. They are set so that the paper's ratio (Eq. 1) differences between
     * 0.25–0.30 µm and 1.95–2.00 µm come out of the paper's order for a 5.5 µm particle: Ni 0.55 → 0.73, Mn
     * 0.26 → 0.13, Co 0.19 → 0.14 for {@code 63ni} (paper: 0.57 → 0.71, 0.21 → 0.13, 0.23 → 0.15); Ni 0.70 → 0.88
     * for {@code 80ni} (paper 0.69 → 0.90 / 0.70 → 0.86); Ni 0.79 → 0.89 for {@code 86ni} (paper 0.68 → 0.88: a
     * single 8:1:1 layer on a 9:0.5:0.5 core cannot give a lower edge ratio at the ICP average).
     *
     * @param name {@code 63ni}, {@code 80ni} or {@code 86ni} (case-insensitive)
     * @return the preset
     */
    public static Architecture preset(String name) {
        TmFractions f811 = TmFractions.ofNiCoMn(8, 1, 1);
        TmFractions f622 = TmFractions.ofNiCoMn(6, 2, 2);
        TmFractions f111 = TmFractions.ofNiCoMn(1, 1, 1);
        String key = name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "86ni" -> new Architecture(key, List.of(new Layer(CORE, 0.6), new Layer(f811, 0.4)),
                    TmFractions.ofNiCoMn(0.86, 0.07, 0.07), 0.2, 0.12, 0.25);
            case "80ni" -> new Architecture(key,
                    List.of(new Layer(CORE, 0.5), new Layer(f811, 0.25), new Layer(f622, 0.25)),
                    TmFractions.ofNiCoMn(0.80, 0.10, 0.10), 0.35, 0.2, 0.45);
            case "63ni" -> {
                // core a + 0.2 (8:1:1) + 0.2 (6:2:2) + d (1:1:1), with 0.9a + 0.28 + d/3 = 0.63 and a + d = 0.6
                double core = (0.35 - 0.2) / (0.9 - 1.0 / 3.0);
                yield new Architecture(key, List.of(new Layer(CORE, core), new Layer(f811, 0.2),
                        new Layer(f622, 0.2), new Layer(f111, 0.6 - core)),
                        TmFractions.ofNiCoMn(0.63, 0.18, 0.19), 1.1, 0.8, 1.2);
            }
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + PRESETS);
        };
    }

    /** Names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("63ni", "80ni", "86ni");

    /** @return the volume-average of the undiffused precursor layers */
    public TmFractions precursorAverage() {
        double ni = 0;
        double mn = 0;
        double co = 0;
        for (Layer l : layers) {
            ni += l.volumeFraction() * l.feed().ni();
            mn += l.volumeFraction() * l.feed().mn();
            co += l.volumeFraction() * l.feed().co();
        }
        return TmFractions.normalised(ni, mn, co);
    }

    /**
     * Depth of the boundary below which lies a given share of an ellipsoid's volume, for ellipsoids shrunk by the
     * same depth on every axis (the shells of {@link Particle}).
     *
     * @param semiAxesUm   the particle's semi-axes, µm
     * @param innerShare   share of the volume deeper than the returned depth, 0..1
     * @return the depth, µm
     */
    public static double depthEnclosingShare(double[] semiAxesUm, double innerShare) {
        double min = Math.min(semiAxesUm[0], Math.min(semiAxesUm[1], semiAxesUm[2]));
        double lo = 0;
        double hi = min;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (volumeShare(semiAxesUm, mid) > innerShare) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static double volumeShare(double[] s, double depthUm) {
        return Math.max(0, s[0] - depthUm) * Math.max(0, s[1] - depthUm) * Math.max(0, s[2] - depthUm)
                / (s[0] * s[1] * s[2]);
    }

    @Override
    public TabulatedProfile forParticle(double[] semiAxesUm) {
        double maxDepth = Math.min(semiAxesUm[0], Math.min(semiAxesUm[1], semiAxesUm[2]));
        int n = (int) Math.ceil(maxDepth / STEP_UM) + 1;
        double[] depth = new double[n];
        double[][] f = new double[3][n];
        // boundaries from the surface inwards: the outermost layer occupies the first share of the volume
        double[] boundaries = new double[layers.size()];
        double inner = 1.0;
        for (int i = layers.size() - 1; i >= 0; i--) {
            inner -= layers.get(i).volumeFraction();
            boundaries[i] = i == 0 ? Double.POSITIVE_INFINITY : depthEnclosingShare(semiAxesUm, inner);
        }
        for (int k = 0; k < n; k++) {
            depth[k] = Math.min(k * STEP_UM, maxDepth);
            int layer = layers.size() - 1;
            while (layer > 0 && depth[k] > boundaries[layer]) {
                layer--;
            }
            TmFractions feed = layers.get(layer).feed();
            f[0][k] = feed.ni();
            f[1][k] = feed.mn();
            f[2][k] = feed.co();
        }
        double[] sigma = { niDiffusionUm, mnDiffusionUm, coDiffusionUm };
        for (int e = 0; e < 3; e++) {
            f[e] = smooth(f[e], sigma[e] / STEP_UM);
        }
        double[] weight = new double[n];
        for (int k = 0; k < n; k++) {
            double a = semiAxesUm[0] - depth[k];
            double b = semiAxesUm[1] - depth[k];
            double c = semiAxesUm[2] - depth[k];
            weight[k] = Math.max(0, a * b + b * c + a * c); // -dV/dd, up to a constant
        }
        double[] target = { bulk.ni(), bulk.mn(), bulk.co() };
        for (int pass = 0; pass < 20; pass++) {
            normalise(f);
            for (int e = 0; e < 3; e++) {
                double mean = weightedMean(f[e], weight);
                for (int k = 0; k < n; k++) {
                    f[e][k] = Math.max(0, f[e][k] + target[e] - mean);
                }
            }
        }
        normalise(f);
        TmFractions[] values = new TmFractions[n];
        for (int k = 0; k < n; k++) {
            values[k] = new TmFractions(f[0][k], f[1][k], f[2][k]);
        }
        return new TabulatedProfile(name, dedupe(depth), values);
    }

    private static double[] dedupe(double[] depth) {
        // the last sample is clamped to maxDepth; keep the grid strictly increasing
        double[] d = depth.clone();
        for (int k = 1; k < d.length; k++) {
            if (d[k] <= d[k - 1]) {
                d[k] = d[k - 1] + 1e-9;
            }
        }
        return d;
    }

    private static void normalise(double[][] f) {
        for (int k = 0; k < f[0].length; k++) {
            double s = f[0][k] + f[1][k] + f[2][k];
            for (int e = 0; e < 3; e++) {
                f[e][k] /= s;
            }
        }
    }

    private static double weightedMean(double[] v, double[] w) {
        double sw = 0;
        double s = 0;
        for (int k = 0; k < v.length; k++) {
            s += v[k] * w[k];
            sw += w[k];
        }
        return s / sw;
    }

    /** Gaussian smoothing with mirror boundaries; sigma in samples. */
    static double[] smooth(double[] v, double sigma) {
        if (sigma <= 0 || v.length < 2) {
            return v.clone();
        }
        int n = v.length;
        int half = (int) Math.ceil(4 * sigma);
        double[] kernel = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            kernel[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + half];
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double acc = 0;
            for (int i = -half; i <= half; i++) {
                int j = k + i;
                while (j < 0 || j >= n) {
                    j = j < 0 ? -j : 2 * (n - 1) - j;
                }
                acc += kernel[i + half] * v[j];
            }
            out[k] = acc / sum;
        }
        return out;
    }

    /** @return the element's smoothing length, µm */
    public double diffusionUm(Element element) {
        return switch (element) {
            case NI -> niDiffusionUm;
            case MN -> mnDiffusionUm;
            case CO -> coDiffusionUm;
        };
    }
}
