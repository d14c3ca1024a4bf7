package org.edgewise.ui.image;

import java.util.Arrays;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.datasets.FlatArrays;

/**
 * Cuts one 2-D slice out of a 3-D stack, reading no more than that slice: a projection {@code [angle, row,
 * column]} along axis 0, a sinogram along axis 1; orthoslices of a volume {@code [z, y, x]} along axis 0 (XY),
 * 1 (XZ) or 2 (YZ). The two remaining axes keep their order: the first becomes the slice's rows, the second its
 * columns. In-memory float and int volumes are read straight from their buffer; anything else (lazy file data,
 * other types, views) through January's {@code getSlice}.
 */
public final class StackSlicer {

    private StackSlicer() {
    }

    /**
     * @param shape a stack's shape (rank 3)
     * @param axis  the axis the slice is taken across
     * @return {@code {height, width}} of such a slice
     */
    public static int[] sliceShape(int[] shape, int axis) {
        checkRank(shape);
        return switch (axis) {
        case 0 -> new int[] { shape[1], shape[2] };
        case 1 -> new int[] { shape[0], shape[2] };
        case 2 -> new int[] { shape[0], shape[1] };
        default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
        };
    }

    /**
     * @param axis the axis a slice is taken across
     * @return the stack axes shown as the slice's rows and columns, {@code {rowAxis, columnAxis}}
     */
    public static int[] displayedAxes(int axis) {
        return switch (axis) {
        case 0 -> new int[] { 1, 2 };
        case 1 -> new int[] { 0, 2 };
        case 2 -> new int[] { 0, 1 };
        default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
        };
    }

    /**
     * @param stack a 3-D stack
     * @param axis  0, 1 or 2
     * @param index position along that axis
     * @return the slice as floats
     * @throws DatasetException if lazy data cannot be read
     */
    public static FloatSlice floats(ILazyDataset stack, int axis, int index) throws DatasetException {
        int[] shape = stack.getShape();
        int[] size = sliceShape(shape, axis);
        checkIndex(shape, axis, index);
        float[] out = new float[size[0] * size[1]];
        if (stack instanceof FloatDataset floats && isContiguous(floats)) {
            gather(floats.getData(), shape, axis, index, out);
        } else {
            float[] values = FlatArrays.floats(read(stack, axis, index));
            System.arraycopy(values, 0, out, 0, out.length);
        }
        return new FloatSlice(out, size[1], size[0]);
    }

    /**
     * @param stack a 3-D integer stack (labels)
     * @param axis  0, 1 or 2
     * @param index position along that axis
     * @return the slice as ints
     * @throws DatasetException if lazy data cannot be read
     */
    public static IntSlice ints(ILazyDataset stack, int axis, int index) throws DatasetException {
        int[] shape = stack.getShape();
        int[] size = sliceShape(shape, axis);
        checkIndex(shape, axis, index);
        int[] out = new int[size[0] * size[1]];
        if (stack instanceof IntegerDataset ints && isContiguous(ints)) {
            gather(ints.getData(), shape, axis, index, out);
        } else {
            int[] values = FlatArrays.ints(read(stack, axis, index));
            System.arraycopy(values, 0, out, 0, out.length);
        }
        return new IntSlice(out, size[1], size[0]);
    }

    private static IDataset read(ILazyDataset stack, int axis, int index) throws DatasetException {
        Slice[] slices = { null, null, null };
        slices[axis] = new Slice(index, index + 1);
        return stack.getSlice(slices);
    }

    private static boolean isContiguous(Dataset data) {
        return data.getStrides() == null && data.getOffset() == 0;
    }

    /** Copies the slice from a flat row-major buffer ({@code float[]} or {@code int[]}) into {@code out}. */
    private static void gather(Object data, int[] shape, int axis, int index, Object out) {
        int ny = shape[1];
        int nx = shape[2];
        if (axis == 0) {
            System.arraycopy(data, index * ny * nx, out, 0, ny * nx);
        } else if (axis == 1) {
            for (int z = 0; z < shape[0]; z++) {
                System.arraycopy(data, (z * ny + index) * nx, out, z * nx, nx);
            }
        } else if (data instanceof float[] floats) {
            // across x: one strided read per voxel; the row (z) loop outside keeps the reads moving forward
            float[] target = (float[]) out;
            for (int z = 0, o = 0; z < shape[0]; z++) {
                for (int y = 0, source = z * ny * nx + index; y < ny; y++, source += nx) {
                    target[o++] = floats[source];
                }
            }
        } else {
            int[] ints = (int[]) data;
            int[] target = (int[]) out;
            for (int z = 0, o = 0; z < shape[0]; z++) {
                for (int y = 0, source = z * ny * nx + index; y < ny; y++, source += nx) {
                    target[o++] = ints[source];
                }
            }
        }
    }

    private static void checkRank(int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("a stack must be 3-D, shape was " + Arrays.toString(shape));
        }
    }

    private static void checkIndex(int[] shape, int axis, int index) {
        if (index < 0 || index >= shape[axis]) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (shape[axis] - 1) + " on axis "
                    + axis + " of " + Arrays.toString(shape));
        }
    }
}
