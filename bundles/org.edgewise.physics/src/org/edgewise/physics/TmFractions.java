package org.edgewise.physics;

import org.edgewise.api.Element;

/**
 * Atomic fractions of the transition metals on the TM site of LiTMO<sub>2</sub>: {@code ni + mn + co = 1}.
 *
 * @param ni nickel fraction, 0..1
 * @param mn manganese fraction, 0..1
 * @param co cobalt fraction, 0..1
 */
public record TmFractions(double ni, double mn, double co) {

    /** Tolerance on the sum of the three fractions. */
    public static final double SUM_TOLERANCE = 1e-6;

    public TmFractions {
        if (!(ni >= 0) || !(mn >= 0) || !(co >= 0)) {
            throw new IllegalArgumentException("fractions must be non-negative numbers: Ni " + ni + ", Mn " + mn
                    + ", Co " + co);
        }
        if (Math.abs(ni + mn + co - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("Ni + Mn + Co fractions must sum to 1, was " + (ni + mn + co));
        }
    }

    /**
     * Scales three non-negative amounts so that they sum to one.
     *
     * @return the normalised fractions
     */
    public static TmFractions normalised(double ni, double mn, double co) {
        double sum = ni + mn + co;
        if (!(sum > 0)) {
            throw new IllegalArgumentException("at least one transition-metal amount must be positive");
        }
        return new TmFractions(ni / sum, mn / sum, co / sum);
    }

    /** A feed ratio in the usual Ni:Co:Mn order of the synthesis literature, e.g. {@code 8:1:1}. */
    public static TmFractions ofNiCoMn(double ni, double co, double mn) {
        return normalised(ni, mn, co);
    }

    /** @return the fraction of one element */
    public double of(Element element) {
        return switch (element) {
            case NI -> ni;
            case MN -> mn;
            case CO -> co;
        };
    }
}
