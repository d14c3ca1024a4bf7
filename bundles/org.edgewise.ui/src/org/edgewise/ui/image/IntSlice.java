package org.edgewise.ui.image;

/**
 * One 2-D slice of a label image, row-major; 0 is background.
 *
 * @param values {@code [height, width]}, row-major
 * @param width  columns
 * @param height rows
 */
public record IntSlice(int[] values, int width, int height) {

    public IntSlice {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + width + " × " + height + " slice");
        }
    }

    /** @param column 0 … width−1 @param row 0 … height−1 @return the label there */
    public int value(int column, int row) {
        return values[row * width + column];
    }
}
