package org.edgewise.gradient;

import org.edgewise.api.Element;

/**
 * One particle, element and depth bin of a depth profile: what {@code profiles.csv} holds, plus the effective sample
 * size and the reliable-region flag.
 *
 * @param particle       particle label
 * @param element        the element
 * @param depthLowUm     bin start, µm
 * @param depthHighUm    bin end, µm
 * @param n              voxels in the bin
 * @param nEff           effective sample size of the element's Δμ mean
 * @param intensity      mean Δμ of the element, 1/µm, with its confidence interval
 * @param ratio          the paper's Eq. 1, Δμ_e / ΣΔμ, with its confidence interval
 * @param fraction       calibrated atomic fraction on the transition-metal site, with its confidence interval
 * @param totalIntensity ΣΔμ of the three elements in the bin, 1/µm
 * @param reliable       whether the bin lies in the particle's reliable region ({@link ReliableRegions})
 */
public record ProfileRow(int particle, Element element, double depthLowUm, double depthHighUm, long n, double nEff,
        Estimate intensity, Estimate ratio, Estimate fraction, double totalIntensity, boolean reliable) {

    /** @return the bin centre, µm */
    public double depthUm() {
        return 0.5 * (depthLowUm + depthHighUm);
    }

    /** @return the ratio or the fraction */
    public Estimate quantity(Quantity quantity) {
        return quantity == Quantity.RATIO ? ratio : fraction;
    }

    /** The two compositional quantities every profile reports. */
    public enum Quantity {
        /** The paper's ratio Δμ_e / ΣΔμ (its Eq. 1). */
        RATIO,
        /** The calibrated atomic fraction. */
        FRACTION;

        /** @return {@code ratio} or {@code fraction}, as in the files */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
