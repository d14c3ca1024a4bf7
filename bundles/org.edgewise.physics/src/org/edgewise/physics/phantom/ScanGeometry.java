package org.edgewise.physics.phantom;

import java.util.SplittableRandom;

/**
 * Where the detector sees the phantom during one scan: the true geometry that the analysis must recover.
 * <p>
 * Parallel beam, rotation axis along the detector's vertical (rows = world z). For projection {@code i} at angle
 * θ, detector pixel {@code (row, col)} sees the line integral along direction {@code (−sinθ, cosθ, 0)} through
 * <pre>
 *   s = (col − rotationCentrePx − jitterColPx[i]) · pixel,  z = (row − (rows−1)/2 − jitterRowPx[i]) · pixel,
 *   origin = (s·cosθ, s·sinθ, z),   pixel = statedPixelUm / scale
 * </pre>
 * so a positive jitter moves the image of the sample towards higher row/column indices.
 *
 * @param rows             detector rows
 * @param columns          detector columns
 * @param anglesDeg        projection angles, degrees
 * @param statedPixelUm    the pixel size the file states, µm
 * @param scale            true magnification over stated (1 + magnification error): the sample appears
 *                         {@code scale} times larger than the stated pixel size implies
 * @param rotationCentrePx detector column (0-based, may be fractional) onto which the rotation axis projects
 * @param jitterRowPx      per-projection stage shift along rows, pixels
 * @param jitterColPx      per-projection stage shift along columns, pixels
 */
public record ScanGeometry(int rows, int columns, double[] anglesDeg, double statedPixelUm, double scale,
        double rotationCentrePx, double[] jitterRowPx, double[] jitterColPx) {

    public ScanGeometry {
        if (rows < 1 || columns < 1 || anglesDeg.length < 1) {
            throw new IllegalArgumentException("detector and angle counts must be positive");
        }
        if (jitterRowPx.length != anglesDeg.length || jitterColPx.length != anglesDeg.length) {
            throw new IllegalArgumentException("one jitter value per angle is required");
        }
        if (!(statedPixelUm > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("pixel size and scale must be positive");
        }
    }

    /** An ideal scan: no jitter, axis on the central column, no magnification error. */
    public static ScanGeometry ideal(int rows, int columns, double[] anglesDeg, double pixelUm) {
        return new ScanGeometry(rows, columns, anglesDeg, pixelUm, 1.0, (columns - 1) / 2.0,
                new double[anglesDeg.length], new double[anglesDeg.length]);
    }

    /**
     * A scan with random errors of the kind a TXM run has: a magnification error uniform in
     * ±{@code maxMagnificationError}, a rotation centre uniform within ±{@code maxCentreOffsetPx} of the central
     * column, and Gaussian per-projection jitter of σ {@code jitterPx} along rows and columns (drawn in that order).
     *
     * @param rows                  detector rows
     * @param columns               detector columns
     * @param anglesDeg             projection angles, degrees
     * @param statedPixelUm         the pixel size the file states, µm
     * @param maxMagnificationError e.g. 0.003
     * @param maxCentreOffsetPx     pixels
     * @param jitterPx              pixels
     * @param random                the scan's random stream
     * @return the geometry
     */
    public static ScanGeometry drawn(int rows, int columns, double[] anglesDeg, double statedPixelUm,
            double maxMagnificationError, double maxCentreOffsetPx, double jitterPx, SplittableRandom random) {
        double scale = 1 + maxMagnificationError * (2 * random.nextDouble() - 1);
        double centre = (columns - 1) / 2.0 + maxCentreOffsetPx * (2 * random.nextDouble() - 1);
        double[] jitterRow = new double[anglesDeg.length];
        double[] jitterCol = new double[anglesDeg.length];
        for (int a = 0; a < anglesDeg.length; a++) {
            jitterRow[a] = jitterPx * Phantom.normal(random);
            jitterCol[a] = jitterPx * Phantom.normal(random);
        }
        return new ScanGeometry(rows, columns, anglesDeg, statedPixelUm, scale, centre, jitterRow, jitterCol);
    }

    /** @return the true pixel size in the sample plane, µm */
    public double truePixelUm() {
        return statedPixelUm / scale;
    }

    /** @return {@code n} angles evenly covering [0°, 180°) */
    public static double[] anglesOver180(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 180.0 * i / n;
        }
        return a;
    }
}
