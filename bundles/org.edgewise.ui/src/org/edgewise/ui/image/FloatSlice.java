package org.edgewise.ui.image;

/**
 * One 2-D slice of a stack, row-major.
 *
 * @param values {@code [height, width]}, row-major
 * @param width  columns
 * @param height rows
 */
public record FloatSlice(float[] values, int width, int height) {

    public FloatSlice {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + width + " × " + height + " slice");
        }
    }

    /** @param column 0 … width−1 @param row 0 … height−1 @return the value there */
    public float value(int column, int row) {
        return values[row * width + column];
    }
}
