package org.edgewise.ui.image;

/**
 * A distinct colour for every label: hues a golden angle apart, so neighbouring labels (which usually have
 * neighbouring numbers) never look alike. Label 0 is background and has no colour.
 */
public final class LabelColours {

    private static final double GOLDEN = 0.6180339887498949;

    private LabelColours() {
    }

    /**
     * @param label a label ≥ 1
     * @return its colour, packed {@code 0xRRGGBB}; the same label always gets the same colour
     */
    public static int rgb(int label) {
        double hue = (0.11 + label * GOLDEN) % 1.0;
        return hsv(hue, 0.75, 0.98);
    }

    /** @return a packed RGB colour from hue, saturation and value, each 0 … 1 */
    static int hsv(double hue, double saturation, double value) {
        double h = hue * 6;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = value * (1 - saturation);
        double q = value * (1 - f * saturation);
        double t = value * (1 - (1 - f) * saturation);
        double[] rgb = switch (sector) {
        case 0 -> new double[] { value, t, p };
        case 1 -> new double[] { q, value, p };
        case 2 -> new double[] { p, value, t };
        case 3 -> new double[] { p, q, value };
        case 4 -> new double[] { t, p, value };
        default -> new double[] { value, p, q };
        };
        return ((int) Math.round(rgb[0] * 255) << 16) | ((int) Math.round(rgb[1] * 255) << 8)
                | (int) Math.round(rgb[2] * 255);
    }
}
