package org.edgewise.physics.phantom;

import java.util.List;

/**
 * Everything {@link FieldSimulator} needs besides the output folder.
 *
 * @param spec                  the particles and how they are packed
 * @param columns               detector columns (the reconstruction is rows × columns × columns)
 * @param rows                  detector rows
 * @param angles                projections over [0°, 180°)
 * @param flux                  incident counts per pixel at the beam centre
 * @param seed                  random seed; equal settings and seed give identical files
 * @param pixelSizeUm           pixel size at the lowest energy, µm; ≤ 0 makes the field
 *                              {@value FieldSimulator#DEFAULT_WIDTH_UM} µm wide
 * @param jitterPx              σ of the per-projection stage jitter, pixels (rows and columns)
 * @param maxCentreOffsetPx     rotation-centre offsets are uniform in ±this, pixels
 * @param maxMagnificationError per-scan magnification errors are uniform in ±this (0.003 = 0.3%)
 * @param energyScaledPixel     whether the stated pixel size grows in proportion to the energy (TXM optics)
 * @param subsamples            rays per pixel along each direction (1–4)
 * @param gzipLevel             0 = uncompressed projections, 1..9 = shuffle + gzip
 */
public record FieldSettings(FieldSpec spec, int columns, int rows, int angles, double flux, long seed,
        double pixelSizeUm, double jitterPx, double maxCentreOffsetPx, double maxMagnificationError,
        boolean energyScaledPixel, int subsamples, int gzipLevel) {

    public FieldSettings {
        if (spec == null || columns < 8 || rows < 8 || angles < 2 || !(flux > 0)) {
            throw new IllegalArgumentException("a field spec, at least 8 columns and rows, angles >= 2 and flux > 0"
                    + " are required");
        }
        if ((long) columns * rows > Integer.MAX_VALUE / 16) {
            throw new IllegalArgumentException("a detector of " + columns + " × " + rows + " pixels is too large");
        }
        if (!(jitterPx >= 0) || !(maxCentreOffsetPx >= 0) || !(maxMagnificationError >= 0 && maxMagnificationError
                < 0.1) || subsamples < 1 || subsamples > 4 || gzipLevel < 0 || gzipLevel > 9) {
            throw new IllegalArgumentException("jitter and centre offset must be >= 0, the magnification error in"
                    + " [0, 0.1), subsamples in 1..4 and the gzip level in 0..9");
        }
    }

    /**
     * A 32-ID-C scan after the usual 2 × 2 binning: 1224 × 1024 pixels, 721 angles, a 50 µm wide field of 24
     * paper-like particles, the same errors as {@link SimulationSettings#defaults}.
     *
     * @param architectures the composition models to draw from
     * @return the settings
     */
    public static FieldSettings defaults(List<ProfileModel> architectures) {
        return new FieldSettings(FieldSpec.paperLike(architectures, 24), 1224, 1024, 721, 2e4, 7, 0, 0.5, 3, 0.003,
                false, 1, 0);
    }
}
