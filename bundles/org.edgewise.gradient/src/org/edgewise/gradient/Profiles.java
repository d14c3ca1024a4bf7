package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.List;

import org.edgewise.api.Element;

/**
 * Depth-profile rows (Δμ, the paper's ratio and the calibrated fraction, each with its confidence interval) from the
 * bin statistics of {@link DepthStatistics}.
 * <p>
 * The ratio and the fraction are formed from the bin means; their standard errors come from the covariance of the
 * three means (which the cluster estimate of {@link DepthStatistics} gives in full) by linear propagation, and the
 * intervals use the bin's Student-t factor.
 * <pre>{@code
 * List<ProfileRow> rows = Profiles.rows(profiles, calibration, 0.99, ReliableRegions.Settings.defaults());
 * }</pre>
 */
public final class Profiles {

    /** Element order of every table and file: Ni, Mn, Co (the paper's). */
    public static final List<Element> ELEMENTS = List.of(Element.NI, Element.MN, Element.CO);

    private Profiles() {
    }

    /**
     * @param profiles    per particle bin statistics
     * @param calibration the calibration for the fractions
     * @param confidence  two-sided confidence level, e.g. 0.99
     * @param reliable    how to find the reliable region
     * @return rows by particle, element (Ni, Mn, Co), depth
     */
    public static List<ProfileRow> rows(List<DepthStatistics.Profile> profiles, Calibration calibration,
            double confidence, ReliableRegions.Settings reliable) {
        List<ProfileRow> rows = new ArrayList<>();
        for (DepthStatistics.Profile profile : profiles) {
            boolean[] marks = ReliableRegions.mark(profile, reliable);
            for (Element element : ELEMENTS) {
                int e = element.ordinal();
                for (int b = 0; b < profile.bins().size(); b++) {
                    DepthStatistics.Bin bin = profile.bins().get(b);
                    double t = bin.tFactor(confidence);
                    double[] mean = bin.mean();
                    double[][] ratioCov = Calibration.ratioCovariance(mean, bin.covariance());
                    double[][] fractionCov = calibration.fractionCovariance(mean, bin.covariance());
                    Estimate intensity = Estimate.of(mean[e], bin.standardError(e), t);
                    Estimate ratio = Estimate.of(Calibration.ratios(mean)[e], Math.sqrt(ratioCov[e][e]), t);
                    Estimate fraction = Estimate.of(calibration.fractions(mean)[e], Math.sqrt(fractionCov[e][e]), t);
                    rows.add(new ProfileRow(profile.label(), element, bin.depthLowUm(), bin.depthHighUm(), bin.n(),
                            bin.nEff()[e], intensity, ratio, fraction, mean[0] + mean[1] + mean[2], marks[b]));
                }
            }
        }
        return rows;
    }

    /** @return the rows of one particle and element, by depth */
    public static List<ProfileRow> select(List<ProfileRow> rows, int particle, Element element) {
        return rows.stream().filter(r -> r.particle() == particle && r.element() == element).toList();
    }
}
