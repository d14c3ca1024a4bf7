package org.edgewise.ui.image;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * Turns slices into pixels: a colour-mapped scalar slice or an RGB composite of three slices, with an optional
 * label overlay, into a 24-bit {@link ImageData}. Needs no display, so it runs on a worker thread; only the
 * final {@code new Image(display, data)} happens on the display thread.
 */
public final class SliceRenderer {

    /** Colour of NaN pixels (outside a reconstruction's circle, masked values). */
    public static final int NAN_RGB = 0x202020;

    /** How labels are drawn over the image. */
    public enum OverlayMode {
        /** Each label's area tinted with its colour. */
        FILL,
        /** Only each label's boundary, opaque. */
        OUTLINE
    }

    /**
     * A label overlay.
     *
     * @param labels         the label slice, same size as the image
     * @param mode           fill or outline
     * @param alpha          opacity of a filled label, 0 … 1
     * @param highlightLabel a label drawn emphasised (opaque fill, white outline), or 0 for none
     */
    public record Overlay(IntSlice labels, OverlayMode mode, double alpha, int highlightLabel) {
    }

    private SliceRenderer() {
    }

    /**
     * @param slice the values
     * @param map   the colour map
     * @param range values mapped to the ends of the map
     * @return packed {@code 0xRRGGBB} per pixel, row-major
     */
    public static int[] colourMap(FloatSlice slice, ColourMap map, DisplayRange range) {
        int[] table = map.tableShared();
        float[] values = slice.values();
        int[] rgb = new int[values.length];
        double min = range.min();
        double scale = (ColourMap.SIZE - 1) / (range.max() - range.min());
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v != v) { // NaN
                rgb[i] = NAN_RGB;
                continue;
            }
            double position = (v - min) * scale + 0.5;
            int index = position <= 0 ? 0 : position >= ColourMap.SIZE - 1 ? ColourMap.SIZE - 1 : (int) position;
            rgb[i] = table[index];
        }
        return rgb;
    }

    /**
     * An RGB composite: each channel's values scaled over its own range into red, green and blue.
     *
     * @param channels three slices of equal size (red, green, blue); a {@code null} channel stays dark
     * @param ranges   the display range of each channel
     * @return packed {@code 0xRRGGBB} per pixel
     */
    public static int[] composite(FloatSlice[] channels, DisplayRange[] ranges) {
        int size = -1;
        for (FloatSlice channel : channels) {
            if (channel != null) {
                if (size >= 0 && channel.values().length != size) {
                    throw new IllegalArgumentException("the channels of a composite differ in size");
                }
                size = channel.values().length;
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("a composite needs at least one channel");
        }
        int[] rgb = new int[size];
        for (int c = 0; c < 3; c++) {
            if (channels[c] == null) {
                continue;
            }
            float[] values = channels[c].values();
            double min = ranges[c].min();
            double scale = 255 / (ranges[c].max() - min);
            int shift = 16 - 8 * c;
            for (int i = 0; i < size; i++) {
                double level = (values[i] - min) * scale + 0.5; // NaN → 0 below
                int byteLevel = level >= 255 ? 255 : level > 0 ? (int) level : 0;
                rgb[i] |= byteLevel << shift;
            }
        }
        return rgb;
    }

    /**
     * Draws labels over rendered pixels, in place.
     *
     * @param rgb     packed pixels of the image, row-major
     * @param width   image width
     * @param overlay the labels and how to draw them
     */
    public static void overlay(int[] rgb, int width, Overlay overlay) {
        int[] labels = overlay.labels().values();
        if (labels.length != rgb.length) {
            throw new IllegalArgumentException("label slice " + overlay.labels().width() + " × "
                    + overlay.labels().height() + " does not match the image");
        }
        int height = rgb.length / width;
        double alpha = Math.max(0, Math.min(1, overlay.alpha()));
        int lastLabel = 0;
        int lastColour = 0;
        for (int row = 0, i = 0; row < height; row++) {
            for (int column = 0; column < width; column++, i++) {
                int label = labels[i];
                if (label == 0) {
                    continue;
                }
                if (label != lastLabel) {
                    lastLabel = label;
                    lastColour = LabelColours.rgb(label);
                }
                boolean highlighted = label == overlay.highlightLabel();
                if (overlay.mode() == OverlayMode.FILL) {
                    rgb[i] = blend(rgb[i], lastColour, highlighted ? Math.max(alpha, 0.8) : alpha);
                } else if (isBoundary(labels, width, height, row, column, label)) {
                    rgb[i] = highlighted ? 0xffffff : lastColour;
                }
            }
        }
    }

    /**
     * @param rgb    packed pixels, row-major
     * @param width  columns
     * @param height rows
     * @return a 24-bit image
     */
    public static ImageData toImageData(int[] rgb, int width, int height) {
        ImageData image = new ImageData(width, height, 24, new PaletteData(0xff0000, 0x00ff00, 0x0000ff));
        byte[] bytes = image.data;
        int stride = image.bytesPerLine;
        for (int row = 0, i = 0; row < height; row++) {
            int o = row * stride;
            for (int column = 0; column < width; column++, i++) {
                int pixel = rgb[i];
                bytes[o++] = (byte) (pixel >> 16);
                bytes[o++] = (byte) (pixel >> 8);
                bytes[o++] = (byte) pixel;
            }
        }
        return image;
    }

    private static boolean isBoundary(int[] labels, int width, int height, int row, int column, int label) {
        int i = row * width + column;
        return column == 0 || column == width - 1 || row == 0 || row == height - 1 || labels[i - 1] != label
                || labels[i + 1] != label || labels[i - width] != label || labels[i + width] != label;
    }

    private static int blend(int base, int colour, double alpha) {
        int r = (int) (((base >> 16) & 0xff) * (1 - alpha) + ((colour >> 16) & 0xff) * alpha + 0.5);
        int g = (int) (((base >> 8) & 0xff) * (1 - alpha) + ((colour >> 8) & 0xff) * alpha + 0.5);
        int b = (int) ((base & 0xff) * (1 - alpha) + (colour & 0xff) * alpha + 0.5);
        return (r << 16) | (g << 8) | b;
    }
}
