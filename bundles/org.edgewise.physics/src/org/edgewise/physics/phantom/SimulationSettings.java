package org.edgewise.physics.phantom;

/**
 * Everything {@link Simulator} needs besides the output folder.
 *
 * @param profile               composition model (a preset {@link Architecture} or a {@link TabulatedProfile})
 * @param size                  detector rows = columns (the reconstruction is size³)
 * @param angles                projections over [0°, 180°)
 * @param flux                  incident counts per pixel at the beam centre
 * @param particles             number of particles
 * @param seed                  random seed; equal settings and seed give identical files
 * @param pixelSizeUm           pixel size at the lowest energy, µm; ≤ 0 chooses the smallest that fits the particles
 * @param jitterPx              σ of the per-projection stage jitter, pixels (rows and columns)
 * @param maxCentreOffsetPx     rotation-centre offsets are uniform in ±this, pixels
 * @param maxMagnificationError per-scan magnification errors are uniform in ±this (0.003 = 0.3%)
 * @param energyScaledPixel     whether the stated pixel size grows in proportion to the energy (TXM optics)
 * @param subsamples            rays per pixel along each direction (1 or 2)
 * @param float32               store float32 counts instead of uint16
 */
public record SimulationSettings(ProfileModel profile, int size, int angles, double flux, int particles, long seed,
        double pixelSizeUm, double jitterPx, double maxCentreOffsetPx, double maxMagnificationError,
        boolean energyScaledPixel, int subsamples, boolean float32) {

    public SimulationSettings {
        if (profile == null || size < 8 || angles < 2 || !(flux > 0) || particles < 1) {
            throw new IllegalArgumentException("a profile, size >= 8, angles >= 2, flux > 0 and at least one"
                    + " particle are required");
        }
        if (!(jitterPx >= 0) || !(maxCentreOffsetPx >= 0) || !(maxMagnificationError >= 0 && maxMagnificationError
                < 0.1) || subsamples < 1 || subsamples > 4) {
            throw new IllegalArgumentException("jitter and centre offset must be >= 0, the magnification error in"
                    + " [0, 0.1) and subsamples in 1..4");
        }
    }

    /** Defaults of {@code edgewise simulate}: 128³, 180 angles, flux 2e4, 2 particles, seed 7, realistic errors. */
    public static SimulationSettings defaults(ProfileModel profile) {
        return new SimulationSettings(profile, 128, 180, 2e4, 2, 7, 0, 0.5, 3, 0.003, false, 1, false);
    }
}
