package org.edgewise.gradient;

/**
 * A value with its standard error and two-sided confidence interval.
 *
 * @param value the estimate
 * @param standardError its standard error (same unit)
 * @param low   lower confidence limit
 * @param high  upper confidence limit
 */
public record Estimate(double value, double standardError, double low, double high) {

    /** @return an estimate {@code value ± t·standardError} */
    public static Estimate of(double value, double standardError, double t) {
        double half = t * standardError;
        return new Estimate(value, standardError, value - half, value + half);
    }

    /** @return whether {@code truth} lies in [low, high] */
    public boolean covers(double truth) {
        return truth >= low && truth <= high;
    }

    /** @return half the interval's width */
    public double halfWidth() {
        return 0.5 * (high - low);
    }
}
