package org.edgewise.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What physics allows of an alignment or a registration: the bounds every estimate is checked against, in one place.
 * An estimate outside them is not reported: the registration tries its next method ({@link Registration}), and
 * when none is plausible, or the alignment of a scan is not, the caller gets an error naming the numbers.
 * <ul>
 * <li><b>Scale</b>: the residual scale (total scale over the nominal ratio of the files' pixel sizes) lies within
 * ±{@value #MAX_SCALE_DEVIATION} of 1. The nominal ratio already holds the energy dependence of a TXM's
 * magnification; what remains are magnification errors of a few 0.1 % between scans (the simulator's default is up
 * to 0.3 % per scan). Ten times that still rejects what a failed fit gives: scales near 0, negative, or tens of
 * percent off.</li>
 * <li><b>Shifts and sample translation</b>: at most {@value #MAX_SHIFT_FRACTION} of the axis length in pixels, so
 * that the two images still overlap by three quarters along every axis (the phase-correlation start of the
 * gradient-image fit is unambiguous only below half the field).</li>
 * <li><b>Uncertainties</b>: finite and positive, the scale's at most {@value #MAX_SCALE_UNCERTAINTY} and each shift's
 * at most {@value #MAX_SHIFT_UNCERTAINTY_PX} px: an estimate less certain than the magnification errors or the jitter it
 * is meant to correct is no estimate. A scale that was not estimated but fixed at the nominal ratio has no
 * uncertainty (NaN).</li>
 * <li><b>Match</b>: the gradient images of the two scans, compared at the registered geometry, correlate (Pearson)
 * by at least {@value #MIN_GRADIENT_CORRELATION}: both show the same particle outlines, whatever the edge does to
 * their brightness, and a geometry that lays outlines on background correlates near zero. (Not the fitted gain: the
 * contrast model {@code gain·g + quadratic·g² + offset} can have a negative gain and still be increasing.)
 * Checked by {@link GradientImageRegistration} wherever it fits or compares the images.</li>
 * <li><b>Rotation centre</b>: on the detector, {@code 0 ≤ centre ≤ columns − 1} (a half-turn scan that sees the whole
 * sample has its axis in view), with a finite, positive uncertainty; every shift finite and within
 * {@value #MAX_SHIFT_FRACTION} of the axis length.</li>
 * </ul>
 * <pre>{@code
 * List<String> problems = Plausibility.problems(result, new int[] { rows, columns });
 * if (!problems.isEmpty()) { ... try the next method, or report String.join("; ", problems) }
 * }</pre>
 */
public final class Plausibility {

    /** Largest |scale − 1| of a residual scale (total scale over the nominal ratio), dimensionless. */
    public static final double MAX_SCALE_DEVIATION = 0.03;
    /** Largest shift, or sample translation, as a share of the axis length. */
    public static final double MAX_SHIFT_FRACTION = 0.25;
    /** Largest stated 1σ of an estimated scale, dimensionless. */
    public static final double MAX_SCALE_UNCERTAINTY = 0.005;
    /** Smallest correlation of the two gradient images at a registered geometry. */
    public static final double MIN_GRADIENT_CORRELATION = 0.3;
    /** Largest stated 1σ of an estimated shift, pixels. */
    public static final double MAX_SHIFT_UNCERTAINTY_PX = 0.5;

    private Plausibility() {
    }

    /**
     * @param r           a registration
     * @param axisLengths length of each transformed axis in pixels, in the order of {@link Registration.Result#shiftPx()}
     *                    (rows, columns; or z, y, x)
     * @return what is implausible about it, one phrase with the numbers per problem; empty when nothing is
     */
    public static List<String> problems(Registration.Result r, int[] axisLengths) {
        List<String> problems = new ArrayList<>();
        if (!Double.isFinite(r.scale()) || Math.abs(r.scale() - 1) > MAX_SCALE_DEVIATION) {
            problems.add(String.format(Locale.ROOT, "scale %.6f of the nominal %.6f is not within %.0f %% of it",
                    r.scale(), r.nominalScale(), 100 * MAX_SCALE_DEVIATION));
        }
        if (!r.scaleFixed() && !(r.scaleUncertainty() > 0 && r.scaleUncertainty() <= MAX_SCALE_UNCERTAINTY)) {
            problems.add(String.format(Locale.ROOT, "scale uncertainty %.2g is not in (0, %.2g]",
                    r.scaleUncertainty(), MAX_SCALE_UNCERTAINTY));
        }
        String[] axes = r.shiftPx().length == 2 ? new String[] { "row", "column" } : new String[] { "z", "y", "x" };
        for (int a = 0; a < r.shiftPx().length; a++) {
            double limit = MAX_SHIFT_FRACTION * axisLengths[a];
            double shift = r.shiftPx()[a];
            if (!(Math.abs(shift) <= limit)) {
                problems.add(String.format(Locale.ROOT, "%s shift %.3f px is beyond ±%.1f px (%.0f %% of %d)",
                        axes[a], shift, limit, 100 * MAX_SHIFT_FRACTION, axisLengths[a]));
            }
            double sigma = r.shiftUncertaintyPx()[a];
            if (!(sigma > 0 && sigma <= MAX_SHIFT_UNCERTAINTY_PX)) {
                problems.add(String.format(Locale.ROOT, "%s shift uncertainty %.2g px is not in (0, %.2g]", axes[a],
                        sigma, MAX_SHIFT_UNCERTAINTY_PX));
            }
        }
        if (r.shiftPx().length == 2) {
            double limit = MAX_SHIFT_FRACTION * axisLengths[1];
            double translation = Math.hypot(r.translationPx()[0], r.translationPx()[1]);
            if (!(translation <= limit)) {
                problems.add(String.format(Locale.ROOT, "sample translation (%.3f, %.3f) px is beyond %.1f px",
                        r.translationPx()[0], r.translationPx()[1], limit));
            }
        }
        return problems;
    }

    /**
     * @param a       the alignment of one scan
     * @param rows    detector rows
     * @param columns detector columns
     * @return what is implausible about it, one phrase with the numbers per problem; empty when nothing is
     */
    public static List<String> problems(ProjectionAlignment.Result a, int rows, int columns) {
        List<String> problems = new ArrayList<>();
        double centre = a.centreColumnPx();
        if (!(centre >= 0 && centre <= columns - 1)) {
            problems.add(String.format(Locale.ROOT, "rotation centre %.3f px is not on the detector (columns 0 to %d)",
                    centre, columns - 1));
        }
        double sigma = a.centreUncertaintyPx();
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            problems.add(String.format(Locale.ROOT, "rotation-centre uncertainty %.3g px is not finite and positive",
                    sigma));
        }
        checkShifts(problems, "row", a.shiftRowPx(), rows);
        checkShifts(problems, "column", a.shiftColPx(), columns);
        return problems;
    }

    private static void checkShifts(List<String> problems, String axis, double[] shifts, int length) {
        double limit = MAX_SHIFT_FRACTION * length;
        for (int i = 0; i < shifts.length; i++) {
            if (!(Math.abs(shifts[i]) <= limit)) {
                problems.add(String.format(Locale.ROOT, "%s shift of projection %d, %.3f px, is beyond ±%.1f px (%.0f %%"
                        + " of %d)", axis, i, shifts[i], limit, 100 * MAX_SHIFT_FRACTION, length));
                return; // the first is enough to say so
            }
        }
    }
}
