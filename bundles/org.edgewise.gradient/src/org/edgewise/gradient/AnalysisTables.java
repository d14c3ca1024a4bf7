package org.edgewise.gradient;

import java.util.List;

import org.edgewise.api.Element;
import org.edgewise.io.CsvTable;
import org.edgewise.segment.ParticleMetrics;

/**
 * The comma-separated files of {@code edgewise analyze} with exactly their documented columns
 * ({@code docs/data-formats.md}): {@code particles.csv}, {@code profiles.csv} and {@code metrics.csv}. Lengths in µm,
 * Δμ in 1/µm; ratios and fractions dimensionless; every interval 99 % unless the analysis was asked otherwise.
 * <pre>{@code
 * AnalysisTables.profiles(result.rows()).write(out.resolve("profiles.csv"));
 * }</pre>
 */
public final class AnalysisTables {

    /** Columns of {@code particles.csv}. */
    public static final String[] PARTICLE_COLUMNS = { "particle", "voxels", "volume_um3", "solid_volume_um3",
        "equiv_diameter_um", "feret_min_um", "feret_max_orth_um", "feret_ratio", "centroid_z_um", "centroid_y_um",
        "centroid_x_um", "mean_ratio_Ni", "mean_ratio_Mn", "mean_ratio_Co", "mean_fraction_Ni", "mean_fraction_Mn",
        "mean_fraction_Co", "cut_by_fov" };

    /** Columns of {@code profiles.csv}. */
    public static final String[] PROFILE_COLUMNS = { "particle", "element", "depth_um", "n", "intensity_mean",
        "intensity_ci_low", "intensity_ci_high", "ratio", "ratio_ci_low", "ratio_ci_high", "fraction",
        "fraction_ci_low", "fraction_ci_high" };

    /** Columns of {@code metrics.csv}. */
    public static final String[] METRIC_COLUMNS = { "particle", "element", "quantity", "edge_depth_um", "edge_value",
        "edge_ci", "core_depth_um", "core_value", "core_ci", "d_core_edge", "max_depth_um", "max_value", "max_ci",
        "d_max_min" };

    private AnalysisTables() {
    }

    /**
     * @param particles   shape metrics
     * @param profiles    bin statistics per particle (for the whole-particle means)
     * @param calibration for the mean fractions
     * @return {@code particles.csv}
     */
    public static CsvTable particles(List<ParticleMetrics.Metrics> particles, List<DepthStatistics.Profile> profiles,
            Calibration calibration) {
        CsvTable t = new CsvTable(PARTICLE_COLUMNS);
        for (ParticleMetrics.Metrics m : particles) {
            double[] mean = wholeParticleMean(profiles, m.label());
            double[] r = Calibration.ratios(mean);
            double[] x = calibration.fractions(mean);
            t.addRow(m.label(), m.voxels(), m.volumeUm3(), m.solidVolumeUm3(), m.equivDiameterUm(), m.feretMinUm(),
                    m.feretMaxOrthUm(), m.feretRatio(), m.centroidUm()[0], m.centroidUm()[1], m.centroidUm()[2],
                    r[Element.NI.ordinal()], r[Element.MN.ordinal()], r[Element.CO.ordinal()],
                    x[Element.NI.ordinal()], x[Element.MN.ordinal()], x[Element.CO.ordinal()],
                    m.cutByFieldOfView() ? 1 : 0);
        }
        return t;
    }

    /**
     * The paper's particle average: the mean Δμ of each element over every voxel of the particle's hull.
     *
     * @return by {@code Element.ordinal()}, 1/µm; NaN when the particle has no profile
     */
    public static double[] wholeParticleMean(List<DepthStatistics.Profile> profiles, int label) {
        double[] sum = new double[3];
        long n = 0;
        for (DepthStatistics.Profile p : profiles) {
            if (p.label() != label) {
                continue;
            }
            for (DepthStatistics.Bin b : p.bins()) {
                for (int e = 0; e < 3; e++) {
                    sum[e] += b.n() * b.mean()[e];
                }
                n += b.n();
            }
        }
        for (int e = 0; e < 3; e++) {
            sum[e] = n > 0 ? sum[e] / n : Double.NaN;
        }
        return sum;
    }

    /** @return {@code profiles.csv}: one row per particle, element and depth bin (depth = bin centre) */
    public static CsvTable profiles(List<ProfileRow> rows) {
        CsvTable t = new CsvTable(PROFILE_COLUMNS);
        for (ProfileRow r : rows) {
            t.addRow(r.particle(), r.element().symbol(), r.depthUm(), r.n(), r.intensity().value(),
                    r.intensity().low(), r.intensity().high(), r.ratio().value(), r.ratio().low(), r.ratio().high(),
                    r.fraction().value(), r.fraction().low(), r.fraction().high());
        }
        return t;
    }

    /** @return {@code metrics.csv}: Table 1 per particle, element and quantity; {@code *_ci} are half-widths */
    public static CsvTable metrics(List<ProfileMetrics.Metric> metrics) {
        CsvTable t = new CsvTable(METRIC_COLUMNS);
        for (ProfileMetrics.Metric m : metrics) {
            t.addRow(m.particle(), m.element().symbol(), m.quantity().id(), m.edgeDepthUm(), m.edge().value(),
                    m.edge().halfWidth(), m.coreDepthUm(), m.core().value(), m.core().halfWidth(),
                    m.coreMinusEdge().value(), m.maxDepthUm(), m.max().value(), m.max().halfWidth(),
                    m.maxMinusMin());
        }
        return t;
    }
}
