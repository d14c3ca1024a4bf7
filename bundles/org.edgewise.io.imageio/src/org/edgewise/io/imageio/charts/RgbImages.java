package org.edgewise.io.imageio.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Small colour images (orthoslices, composite elemental maps) encoded as PNG in memory, for reports that embed them
 * as data URIs. The signature uses no AWT type, so headless bundles can encode images without touching AWT.
 * <pre>{@code
 * byte[] png = RgbImages.png(rgb, 128, 96);   // rgb[y * width + x] = 0xRRGGBB, row 0 at the top
 * }</pre>
 */
public final class RgbImages {

    private RgbImages() {
    }

    /**
     * @param rgb    packed {@code 0xRRGGBB} per pixel, rows from the top, {@code [y * width + x]}
     * @param width  columns
     * @param height rows
     * @return the PNG file's bytes
     * @throws IOException              if the JDK has no PNG writer
     * @throws IllegalArgumentException if the array does not hold width × height pixels
     */
    public static byte[] png(int[] rgb, int width, int height) throws IOException {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("an image of " + width + " × " + height + " pixels needs as many"
                    + " values, got " + rgb.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer in this Java");
        }
        return bytes.toByteArray();
    }
}
