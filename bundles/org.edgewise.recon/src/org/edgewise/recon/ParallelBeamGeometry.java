package org.edgewise.recon;

import java.util.Arrays;
import java.util.Objects;

/**
 * Parallel-beam acquisition geometry of one tomographic scan: the projection angles, the detector width, the
 * rotation centre and optional per-projection column shifts.
 * <p>
 * <b>Convention</b> (shared by every class in this package):
 * <ul>
 * <li>Projections are {@code [angle, row, column]}. The rotation axis is parallel to the detector's row
 * direction (vertical), so a detector row index is the volume's {@code z}; a sinogram for one row is
 * {@code [angle, column]}.</li>
 * <li>A volume is {@code [z, y, x]}, a slice {@code [y, x]}, with an isotropic voxel equal to one detector
 * pixel.</li>
 * <li>With the rotation centre at column {@code c} (pixels, may be fractional; default {@code (columns-1)/2})
 * and angle θ, the ray that hits column {@code u} integrates along the line
 * {@code u - c = x·cos θ + y·sin θ}, where {@code x} and {@code y} are measured in voxels from the slice
 * centre {@code ((n-1)/2, (n-1)/2)}, {@code x} along the last axis and {@code y} along the middle axis.</li>
 * <li>A per-projection column shift {@code s[a]} (pixels, e.g. from alignment) is added to the centre for that
 * projection: projection {@code a} uses {@code c + s[a]}. Nothing is resampled; the shift is applied when the
 * projection is back-projected.</li>
 * <li>Angles are in degrees in this API; radians are used only internally.</li>
 * </ul>
 * Instances are immutable.
 */
public final class ParallelBeamGeometry {

    private final double[] anglesDeg;
    private final int columns;
    private final double centerColumn;
    private final double[] shiftsPx;

    /**
     * @param anglesDeg projection angles in degrees, one per projection (copied)
     * @param columns detector width in pixels, {@code >= 2}
     * @param centerColumn rotation-centre column in pixels (fractional allowed)
     * @param shiftsPx per-projection column shifts in pixels added to the centre, or {@code null} for none
     *            (copied)
     */
    public ParallelBeamGeometry(double[] anglesDeg, int columns, double centerColumn, double[] shiftsPx) {
        Objects.requireNonNull(anglesDeg, "anglesDeg");
        if (anglesDeg.length == 0) {
            throw new IllegalArgumentException("at least one projection angle is needed");
        }
        if (columns < 2) {
            throw new IllegalArgumentException("detector width must be at least 2 columns, was " + columns);
        }
        if (!Double.isFinite(centerColumn)) {
            throw new IllegalArgumentException("rotation centre must be finite, was " + centerColumn);
        }
        if (shiftsPx != null && shiftsPx.length != anglesDeg.length) {
            throw new IllegalArgumentException(
                    "one shift per projection is needed: " + shiftsPx.length + " shifts for " + anglesDeg.length
                            + " angles");
        }
        for (double angle : anglesDeg) {
            if (!Double.isFinite(angle)) {
                throw new IllegalArgumentException("projection angles must be finite");
            }
        }
        this.anglesDeg = anglesDeg.clone();
        this.columns = columns;
        this.centerColumn = centerColumn;
        this.shiftsPx = shiftsPx == null ? new double[anglesDeg.length] : shiftsPx.clone();
    }

    /**
     * The geometry with the centre in the middle of the detector, {@code (columns-1)/2}, and no shifts.
     *
     * @param anglesDeg projection angles in degrees
     * @param columns detector width in pixels
     * @return the geometry
     */
    public static ParallelBeamGeometry of(double[] anglesDeg, int columns) {
        return new ParallelBeamGeometry(anglesDeg, columns, (columns - 1) / 2.0, null);
    }

    /**
     * Evenly spaced angles {@code i·rangeDeg/count}, {@code i = 0..count-1} (the end point excluded), centred
     * detector, no shifts.
     *
     * @param count number of projections
     * @param rangeDeg angular range in degrees, usually 180 or 360
     * @param columns detector width in pixels
     * @return the geometry
     */
    public static ParallelBeamGeometry uniform(int count, double rangeDeg, int columns) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one projection is needed, was " + count);
        }
        double[] angles = new double[count];
        for (int i = 0; i < count; i++) {
            angles[i] = i * rangeDeg / count;
        }
        return of(angles, columns);
    }

    /**
     * @param newCenterColumn rotation-centre column in pixels
     * @return a copy with another rotation centre
     */
    public ParallelBeamGeometry withCenter(double newCenterColumn) {
        return new ParallelBeamGeometry(anglesDeg, columns, newCenterColumn, shiftsPx);
    }

    /**
     * @param newShiftsPx per-projection column shifts in pixels, or {@code null} for none
     * @return a copy with other per-projection shifts
     */
    public ParallelBeamGeometry withShifts(double[] newShiftsPx) {
        return new ParallelBeamGeometry(anglesDeg, columns, centerColumn, newShiftsPx);
    }

    /** @return number of projections */
    public int angleCount() {
        return anglesDeg.length;
    }

    /** @return detector width in pixels */
    public int columns() {
        return columns;
    }

    /** @return rotation-centre column in pixels */
    public double centerColumn() {
        return centerColumn;
    }

    /** @return a copy of the projection angles in degrees */
    public double[] anglesDeg() {
        return anglesDeg.clone();
    }

    /** @return a copy of the per-projection column shifts in pixels (zeros when none were given) */
    public double[] shiftsPx() {
        return shiftsPx.clone();
    }

    /**
     * @param projection projection index
     * @return the effective rotation-centre column of that projection, {@code centerColumn + shiftsPx[a]}
     */
    public double centerColumn(int projection) {
        return centerColumn + shiftsPx[projection];
    }

    /** @return the default reconstruction size, the detector width */
    public int defaultSize() {
        return columns;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ParallelBeamGeometry other && columns == other.columns
                && Double.compare(centerColumn, other.centerColumn) == 0 && Arrays.equals(anglesDeg, other.anglesDeg)
                && Arrays.equals(shiftsPx, other.shiftsPx);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, centerColumn, Arrays.hashCode(anglesDeg), Arrays.hashCode(shiftsPx));
    }

    @Override
    public String toString() {
        return "ParallelBeamGeometry[" + anglesDeg.length + " angles " + anglesDeg[0] + ".."
                + anglesDeg[anglesDeg.length - 1] + " deg, " + columns + " columns, centre " + centerColumn + " px]";
    }
}
