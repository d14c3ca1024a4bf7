package org.edgewise.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round axis tick values (1, 2 or 5 × a power of ten) and their labels. */
public final class Ticks {

    private Ticks() {
    }

    /**
     * @param low  range start
     * @param high range end
     * @return round tick values within [low, high], 3 to 7 of them; empty for an empty or infinite range
     */
    public static List<Double> nice(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        double span = high - low;
        if (!(span > 0) || !Double.isFinite(span)) {
            return ticks;
        }
        double raw = span / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : 5);
        // integer multiples of the step, so 0.003 is 3 × 0.001 and not 0.001 + 0.001 + 0.001
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** @param value a tick value @return a short label: {@code 0.25}, {@code 1500}, {@code 2.5e-05} */
    public static String label(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
