package org.edgewise.ui.image;

/**
 * The values mapped to the low and high ends of a colour map; values outside are clamped to the ends.
 *
 * @param min value shown in the lowest colour
 * @param max value shown in the highest colour; greater than {@code min}
 */
public record DisplayRange(double min, double max) {

    public DisplayRange {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a display range must be finite, was [" + min + ", " + max + "]");
        }
        if (!(max > min)) {
            // a constant image: widen around the value so it still renders (mid-grey)
            double half = Math.max(Math.abs(min) * 1e-6, 1e-12);
            double centre = min;
            min = centre - half;
            max = centre + half;
        }
    }

    /** @param value a value @return its position in the range, 0 at {@link #min()} and 1 at {@link #max()} */
    public double fraction(double value) {
        return (value - min) / (max - min);
    }
}
