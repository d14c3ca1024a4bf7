package org.edgewise.ui.image;

import java.util.List;
import java.util.Locale;

/**
 * A colour map: 256 colours from the low to the high end of the display range, as packed {@code 0xRRGGBB}.
 * The perceptually uniform maps (viridis, magma, inferno) are the matplotlib maps interpolated linearly between
 * nine of their colours; cool-warm is Moreland's diverging map, for signed data such as Δμ.
 */
public final class ColourMap {

    /** Number of colours in every map. */
    public static final int SIZE = 256;

    /** Grey levels, black to white. */
    public static final ColourMap GRAY = of("Gray", 0x000000, 0xffffff);
    /** Viridis (matplotlib). */
    public static final ColourMap VIRIDIS = of("Viridis", 0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
            0x1f9e89, 0x35b779, 0x6ece58, 0xfde725);
    /** Magma (matplotlib). */
    public static final ColourMap MAGMA = of("Magma", 0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064,
            0xfb8761, 0xfec287, 0xfcfdbf);
    /** Inferno (matplotlib). */
    public static final ColourMap INFERNO = of("Inferno", 0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655,
            0xe35933, 0xf98e09, 0xf9cb35, 0xfcffa4);
    /** Moreland's cool-warm diverging map. */
    public static final ColourMap COOL_WARM = of("Cool-warm", 0x3b4cc0, 0x6282ea, 0x8db0fe, 0xb8d0f9, 0xdddddd,
            0xf5c4ad, 0xf49a7b, 0xde604d, 0xb40426);
    /** Red channel of a composite: black to red. */
    public static final ColourMap RED = of("Red", 0x000000, 0xff0000);
    /** Green channel of a composite: black to green. */
    public static final ColourMap GREEN = of("Green", 0x000000, 0x00ff00);
    /** Blue channel of a composite: black to blue. */
    public static final ColourMap BLUE = of("Blue", 0x000000, 0x0000ff);

    private static final List<ColourMap> CHOICES = List.of(GRAY, VIRIDIS, MAGMA, INFERNO, COOL_WARM);

    private final String name;
    private final int[] rgb;

    private ColourMap(String name, int[] rgb) {
        this.name = name;
        this.rgb = rgb;
    }

    /**
     * @param name    the map's name
     * @param anchors colours at equal spacing from the low end to the high end, packed {@code 0xRRGGBB}
     * @return the map, linear in RGB between the anchors
     */
    public static ColourMap of(String name, int... anchors) {
        if (anchors.length < 2) {
            throw new IllegalArgumentException("a colour map needs at least two colours");
        }
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double position = i * (anchors.length - 1) / (double) (SIZE - 1);
            int low = Math.min((int) position, anchors.length - 2);
            double t = position - low;
            table[i] = mix(anchors[low], anchors[low + 1], t);
        }
        return new ColourMap(name, table);
    }

    /** @return the maps offered for scalar images, grey first */
    public static List<ColourMap> choices() {
        return CHOICES;
    }

    /**
     * @param name a map's name, any case
     * @return that map, or {@link #GRAY} when the name is unknown
     */
    public static ColourMap named(String name) {
        for (ColourMap map : CHOICES) {
            if (map.name.toLowerCase(Locale.ROOT).equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return map;
            }
        }
        return GRAY;
    }

    /** @return the name shown in menus */
    public String name() {
        return name;
    }

    /** @param index 0 (low end) … 255 (high end) @return the colour, {@code 0xRRGGBB} */
    public int rgb(int index) {
        return rgb[index];
    }

    /** @return a copy of the 256 colours */
    public int[] table() {
        return rgb.clone();
    }

    /** @return the table itself, for the renderer's inner loop (not to be modified) */
    int[] tableShared() {
        return rgb;
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    @Override
    public String toString() {
        return name;
    }
}
