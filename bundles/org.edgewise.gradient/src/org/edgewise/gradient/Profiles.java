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
        return rows(profiles, calibration, confidence, reliable, 0);
    }

    /**
     * As {@link #rows(List, Calibration, double, ReliableRegions.Settings)}, with the depth-resolution term: a bin
     * mean is the profile seen through the depth error of its voxels (hull discretisation, reconstruction blur,
     * interpolation), which for a curved profile {@code f} is biased by about {@code ½·f''·σ²}. The bound
     * {@code ½·|Δ²f|·σ²} from the second difference of the measured bin values is added in quadrature to each
     * standard error.
     *
     * @param resolutionBins σ of the depth error in bins (0 = none)
     */
    public static List<ProfileRow> rows(List<DepthStatistics.Profile> profiles, Calibration calibration,
            double confidence, ReliableRegions.Settings reliable, double resolutionBins) {
        List<ProfileRow> rows = new ArrayList<>();
        for (DepthStatistics.Profile profile : profiles) {
            boolean[] marks = ReliableRegions.mark(profile, reliable);
            int bins = profile.bins().size();
            double[][][] values = new double[3][bins][3]; // [quantity: intensity, ratio, fraction][bin][element]
            for (int b = 0; b < bins; b++) {
                double[] mean = profile.bins().get(b).mean();
                values[0][b] = mean.clone();
                values[1][b] = Calibration.ratios(mean);
                values[2][b] = calibration.fractions(mean);
            }
            double half = 0.5 * resolutionBins * resolutionBins;
            for (Element element : ELEMENTS) {
                int e = element.ordinal();
                for (int b = 0; b < bins; b++) {
                    DepthStatistics.Bin bin = profile.bins().get(b);
                    double t = bin.tFactor(confidence);
                    double[] mean = bin.mean();
                    double[][] ratioCov = Calibration.ratioCovariance(mean, bin.covariance());
                    double[][] fractionCov = calibration.fractionCovariance(mean, bin.covariance());
                    double[] blur = new double[3];
                    for (int q = 0; q < 3; q++) {
                        blur[q] = half * Math.abs(curvature(values[q], b, e));
                    }
                    Estimate intensity = Estimate.of(mean[e], Math.hypot(bin.standardError(e), blur[0]), t);
                    Estimate ratio = Estimate.of(values[1][b][e], Math.hypot(Math.sqrt(ratioCov[e][e]), blur[1]), t);
                    Estimate fraction = Estimate.of(values[2][b][e], Math.hypot(Math.sqrt(fractionCov[e][e]),
                            blur[2]), t);
                    rows.add(new ProfileRow(profile.label(), element, bin.depthLowUm(), bin.depthHighUm(), bin.n(),
                            bin.nEff()[e], intensity, ratio, fraction, mean[0] + mean[1] + mean[2], marks[b]));
                }
            }
        }
        return rows;
    }

    /** Second difference at bin b (the neighbour's for the first and last bin); 0 with fewer than three bins. */
    static double curvature(double[][] v, int b, int e) {
        int n = v.length;
        if (n < 3) {
            return 0;
        }
        int c = Math.max(1, Math.min(n - 2, b));
        double d = v[c - 1][e] - 2 * v[c][e] + v[c + 1][e];
        return Double.isFinite(d) ? d : 0;
    }

    /** @return the rows of one particle and element, by depth */
    public static List<ProfileRow> select(List<ProfileRow> rows, int particle, Element element) {
        return rows.stream().filter(r -> r.particle() == particle && r.element() == element).toList();
    }
}
