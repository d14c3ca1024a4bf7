package org.edgewise.ui.image;

import java.util.Locale;

/**
 * Physical coordinates along one axis of a stack: a constant step (µm per voxel) or a table (projection angles).
 *
 * @param name   axis name, e.g. {@code x}, {@code angle}
 * @param unit   unit of the coordinate, e.g. {@code µm}, {@code °}; empty for bare indices
 * @param stepPerIndex coordinate per index step (used when {@code table} is null)
 * @param table  the coordinate of every index, or {@code null}
 */
public record AxisCalibration(String name, String unit, double stepPerIndex, double[] table) {

    /**
     * @param name      axis name
     * @param sizeUm    µm per index (pixel or voxel size); NaN or ≤ 0 for bare indices
     * @return a linear calibration in µm, or plain indices when the size is unknown
     */
    public static AxisCalibration micrometres(String name, double sizeUm) {
        return sizeUm > 0 ? new AxisCalibration(name, "µm", sizeUm, null) : indices(name);
    }

    /** @param name axis name @return bare indices */
    public static AxisCalibration indices(String name) {
        return new AxisCalibration(name, "", 1, null);
    }

    /** @param name axis name @param anglesDeg one angle per index, degrees @return angles */
    public static AxisCalibration degrees(String name, double[] anglesDeg) {
        return new AxisCalibration(name, "°", 1, anglesDeg.clone());
    }

    /**
     * @param index position along the axis (centre of the pixel); fractional positions interpolate
     * @return its coordinate, 0 at the centre of index 0 for linear calibrations
     */
    public double valueAt(double index) {
        if (table == null) {
            return index * stepPerIndex;
        }
        if (table.length == 0) {
            return index;
        }
        int low = (int) Math.floor(Math.max(0, Math.min(table.length - 1, index)));
        int high = Math.min(table.length - 1, low + 1);
        double t = Math.max(0, Math.min(1, index - low));
        return table[low] * (1 - t) + table[high] * t;
    }

    /** @param index an index @return e.g. {@code x 12.35 µm} or {@code row 34} */
    public String describe(int index) {
        if (unit.isEmpty()) {
            return name + " " + index;
        }
        double value = valueAt(index);
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3f", value);
        return name + " " + number + ("°".equals(unit) ? "°" : " " + unit);
    }
}
