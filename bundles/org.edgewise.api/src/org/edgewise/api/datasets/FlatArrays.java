package org.edgewise.api.datasets;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.IntegerDataset;

/**
 * Conversions between January datasets and the flat, row-major primitive arrays the algorithms work on (for a
 * volume {@code [z, y, x]} the index is {@code (z·ny + y)·nx + x}; for projections {@code [angle, row, column]}
 * likewise).
 * <pre>{@code
 * float[] values = FlatArrays.floats(volume);            // a copy, safe to modify
 * FloatDataset result = FlatArrays.wrap(values, shape);  // no copy
 * }</pre>
 */
public final class FlatArrays {

    private FlatArrays() {
    }

    /**
     * @param data any dataset
     * @return its values as float, flat, row-major (always a copy: the caller may modify it)
     */
    public static float[] floats(IDataset data) {
        return DatasetUtils.copy(FloatDataset.class, data).getData();
    }

    /**
     * @param data any dataset
     * @return its values as float, flat, row-major: the dataset's own buffer when it is a contiguous float dataset
     *         (read only, then), otherwise a copy
     */
    public static float[] floatsReadOnly(Dataset data) {
        if (data instanceof FloatDataset floats && floats.getSize() == floats.getData().length
                && data.getOffset() == 0 && data.getStrides() == null) {
            return floats.getData();
        }
        return floats(data);
    }

    /**
     * @param data any dataset
     * @return its values as int, flat, row-major (a copy)
     */
    public static int[] ints(IDataset data) {
        return DatasetUtils.copy(IntegerDataset.class, data).getData().clone();
    }

    /**
     * @param data any dataset
     * @return 1 where the value is non-zero, 0 elsewhere, flat, row-major
     */
    public static byte[] mask(IDataset data) {
        int[] values = DatasetUtils.copy(IntegerDataset.class, data).getData();
        byte[] mask = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] != 0 ? (byte) 1 : 0;
        }
        return mask;
    }

    /**
     * @param values row-major values (not copied)
     * @param shape  the shape; the product must equal {@code values.length}
     * @return a float dataset over the array
     */
    public static FloatDataset wrap(float[] values, int... shape) {
        checkSize(values.length, shape);
        return DatasetFactory.createFromObject(FloatDataset.class, values, shape);
    }

    /**
     * @param values row-major values (not copied)
     * @param shape  the shape
     * @return an integer dataset over the array
     */
    public static IntegerDataset wrap(int[] values, int... shape) {
        checkSize(values.length, shape);
        return DatasetFactory.createFromObject(IntegerDataset.class, values, shape);
    }

    /**
     * @param mask  0/1 values, row-major
     * @param shape the shape
     * @return an integer dataset of the 0/1 values
     */
    public static IntegerDataset wrapMask(byte[] mask, int... shape) {
        int[] values = new int[mask.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = mask[i];
        }
        return wrap(values, shape);
    }

    /**
     * @param dataset a dataset that must be a volume
     * @return its shape {@code [z, y, x]}
     * @throws IllegalArgumentException if it is not 3-D
     */
    public static int[] volumeShape(IDataset dataset) {
        int[] shape = dataset.getShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("a volume [z, y, x] is 3-D, '" + dataset.getName() + "' has shape "
                    + Arrays.toString(shape));
        }
        return shape;
    }

    private static void checkSize(int length, int[] shape) {
        long size = 1;
        for (int n : shape) {
            size *= n;
        }
        if (size != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, the array has " + length);
        }
    }
}
