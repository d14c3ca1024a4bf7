package org.edgewise.io.imageio.charts;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Axis ranges that end on round numbers and tick labels with as many decimals as the tick step needs, the way a
 * reader expects them (0 to 2 µm in steps of 0.2, not 0.049 to 1.911 in steps of 0.735).
 */
final class NiceAxis {

    /** Name of the invisible helper series (see {@link #keepTicksRound}). */
    static final String HELPER = "\u0000axis";

    private NiceAxis() {
    }

    /**
     * @param min smallest value shown (finite)
     * @param max largest value shown (finite, ≥ min)
     * @return {lower, upper, step}: the range widened to whole steps, about six steps over the data
     */
    static double[] range(double min, double max) {
        if (max <= min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = step((max - min) / 6);
        double lower = Math.floor(min / step + 1e-9) * step;
        double upper = Math.ceil(max / step - 1e-9) * step;
        return new double[] { lower, upper, step };
    }

    /** @return 1, 2 or 5 × a power of ten, the nearest to {@code raw} on a log scale */
    static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = magnitude;
        for (double f : new double[] { 2, 5, 10 }) {
            if (Math.abs(Math.log(f * magnitude / raw)) < Math.abs(Math.log(best / raw))) {
                best = f * magnitude;
            }
        }
        return best;
    }

    /**
     * @return a {@link java.text.DecimalFormat} pattern for ticks about {@code step} apart. XChart may choose a
     *         finer step than this, so the decimals are optional up to one more than the step needs (0, 0.25, 0.5 ...
     *         print as such, never rounded); E notation for very small or very large steps
     */
    static String pattern(double step) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) + 1;
        if (decimals > 6 || step >= 1e6) {
            return "0.##E0";
        }
        return "0." + "#".repeat(decimals);
    }

    /**
     * XChart places ticks on the data's own x values when they are equally spaced (a depth grid every 0.049 µm
     * gets ticks at 0.735, 1.47 ...). One invisible point off that spacing, inside the plot, keeps its ordinary
     * round ticks.
     */
    static void keepTicksRound(XYChart chart, double[] xRange, double[] yRange) {
        double golden = 0.3819660112501051;
        XYSeries helper = chart.addSeries(HELPER, new double[] { xRange[0] + golden * (xRange[1] - xRange[0]) },
                new double[] { yRange[0] + golden * (yRange[1] - yRange[0]) });
        helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        helper.setMarker(SeriesMarkers.NONE);
        helper.setShowInLegend(false);
    }
}
