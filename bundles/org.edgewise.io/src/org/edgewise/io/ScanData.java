package org.edgewise.io;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;

/**
 * One energy scan in memory: projections, flats and darks with their angles, energy and pixel size.
 *
 * @param projections {@code [angle, row, column]}, counts (integer datasets are stored as uint16, floating ones
 *                    as float32)
 * @param flats       flat (white) frames, {@code [frame, row, column]}, counts
 * @param darks       dark frames, {@code [frame, row, column]}, counts
 * @param anglesDeg   one angle per projection, degrees
 * @param energyKev   beam energy, keV
 * @param pixelSizeUm pixel size in the sample plane, µm
 * @param source      the file it came from, or {@code null} for data made in memory
 */
public record ScanData(Dataset projections, Dataset flats, Dataset darks, double[] anglesDeg, double energyKev,
        double pixelSizeUm, Path source) {

    public ScanData {
        if (projections == null || flats == null || darks == null || anglesDeg == null) {
            throw new IllegalArgumentException("projections, flats, darks and angles are all required");
        }
        if (projections.getRank() != 3 || flats.getRank() != 3 || darks.getRank() != 3) {
            throw new IllegalArgumentException("projections, flats and darks must be 3-D [frame, row, column], were "
                    + Arrays.toString(projections.getShape()) + ", " + Arrays.toString(flats.getShape()) + ", "
                    + Arrays.toString(darks.getShape()));
        }
        int[] p = projections.getShape();
        if (!sameFrame(p, flats.getShape()) || !sameFrame(p, darks.getShape())) {
            throw new IllegalArgumentException("flats " + Arrays.toString(flats.getShape()) + " and darks "
                    + Arrays.toString(darks.getShape()) + " must have the projections' rows and columns "
                    + Arrays.toString(p));
        }
        if (anglesDeg.length != p[0]) {
            throw new IllegalArgumentException(anglesDeg.length + " angles for " + p[0] + " projections");
        }
        if (!(energyKev > 0) || !(pixelSizeUm > 0)) {
            throw new IllegalArgumentException("energy and pixel size must be positive, were " + energyKev + " keV, "
                    + pixelSizeUm + " µm");
        }
        anglesDeg = anglesDeg.clone();
    }

    private static boolean sameFrame(int[] a, int[] b) {
        return a[1] == b[1] && a[2] == b[2];
    }

    @Override
    public double[] anglesDeg() {
        return anglesDeg.clone();
    }

    /** @return the number of projections */
    public int angleCount() {
        return projections.getShape()[0];
    }
}
