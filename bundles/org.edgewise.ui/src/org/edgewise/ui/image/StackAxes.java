package org.edgewise.ui.image;

import java.util.List;
import java.util.Objects;

/**
 * What the three axes of a stack mean and the unit of its values: {@code [z, y, x]} in µm for volumes,
 * {@code [angle, row, column]} with the angles in degrees for projections.
 *
 * @param axes      one calibration per stack axis, in array order
 * @param valueUnit unit of the values, e.g. {@code 1/µm}, {@code counts}; empty (or {@code 1}) when dimensionless
 */
public record StackAxes(List<AxisCalibration> axes, String valueUnit) {

    public StackAxes {
        if (axes.size() != 3) {
            throw new IllegalArgumentException("a stack has three axes, got " + axes.size());
        }
        axes = List.copyOf(axes);
        valueUnit = Objects.requireNonNullElse(valueUnit, "");
        if (valueUnit.equals("1")) {
            valueUnit = ""; // dimensionless (ratios, fractions, line integrals): no unit to print
        }
    }

    /**
     * @param voxelUm   voxel size, µm
     * @param valueUnit unit of the values
     * @return the axes of a volume {@code [z, y, x]}
     */
    public static StackAxes volume(double voxelUm, String valueUnit) {
        return new StackAxes(List.of(AxisCalibration.micrometres("z", voxelUm), AxisCalibration.micrometres("y",
                voxelUm), AxisCalibration.micrometres("x", voxelUm)), valueUnit);
    }

    /**
     * @param anglesDeg one angle per projection (may be empty when unknown)
     * @param pixelUm   pixel size, µm
     * @param valueUnit unit of the values
     * @return the axes of projections {@code [angle, row, column]}
     */
    public static StackAxes projections(double[] anglesDeg, double pixelUm, String valueUnit) {
        AxisCalibration angle = anglesDeg.length > 0 ? AxisCalibration.degrees("angle", anglesDeg)
                : AxisCalibration.indices("projection");
        return new StackAxes(List.of(angle, AxisCalibration.micrometres("row", pixelUm),
                AxisCalibration.micrometres("column", pixelUm)), valueUnit);
    }

    /** @param axis 0, 1 or 2 @return its calibration */
    public AxisCalibration axis(int axis) {
        return axes.get(axis);
    }
}
