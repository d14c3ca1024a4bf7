package org.edgewise.io;

import java.lang.reflect.Array;
import java.util.Arrays;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.eclipse.january.dataset.LongDataset;

/**
 * January datasets to and from the Java arrays that jhdf reads and writes. jhdf writes whole nested arrays
 * ({@code float[z][y][x]}) and reads flat ones ({@code getDataFlat}), so each conversion copies the data once.
 */
final class HdfArrays {

    private HdfArrays() {
    }

    /**
     * @param dataset a dataset of rank ≥ 1 with no empty axis
     * @param name    for messages
     * @return nested Java arrays in the dataset's shape: {@code float} for float32, {@code double} for float64,
     *         {@code byte} (to be written unsigned) for booleans, {@code long} for 64-bit integers and {@code int}
     *         for the other integers
     * @throws IllegalArgumentException if the dataset is empty (HDF5 through jhdf cannot hold it)
     */
    static Object nested(Dataset dataset, String name) {
        int[] shape = dataset.getRank() == 0 ? new int[] { 1 } : dataset.getShape();
        if (Arrays.stream(shape).anyMatch(n -> n == 0)) {
            throw new IllegalArgumentException("result '" + name + "' is empty: shape " + Arrays.toString(shape));
        }
        Dataset contiguous = DatasetUtils.copy(storageType(dataset), dataset);
        Object flat = contiguous.getBuffer();
        if (contiguous instanceof BooleanDataset) {
            boolean[] values = (boolean[]) flat;
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = values[i] ? (byte) 1 : 0;
            }
            flat = bytes;
        }
        if (shape.length == 1) {
            return flat;
        }
        Object nested = Array.newInstance(flat.getClass().getComponentType(), shape);
        fill(nested, flat, shape, 0, new int[] { 0 });
        return nested;
    }

    /** @return the January type a dataset is stored as (see {@link #nested}) */
    static Class<? extends Dataset> storageType(Dataset dataset) {
        if (dataset instanceof FloatDataset) {
            return FloatDataset.class;
        }
        if (dataset instanceof BooleanDataset) {
            return BooleanDataset.class;
        }
        if (dataset instanceof LongDataset) {
            return LongDataset.class;
        }
        if (InterfaceUtils.isInteger(dataset.getClass())) {
            return IntegerDataset.class;
        }
        return DoubleDataset.class;
    }

    /**
     * @param flat  what jhdf's {@code getDataFlat()} returned
     * @param shape the dataset's shape
     * @return float32 as {@link FloatDataset}, float64 as {@link DoubleDataset}, 64-bit integers as
     *         {@link LongDataset}, every other integer (uint8 masks included) as {@link IntegerDataset}
     */
    static Dataset fromFlat(Object flat, int[] shape) {
        Dataset dataset = DatasetFactory.createFromObject(flat).reshape(shape);
        if (dataset instanceof FloatDataset || dataset instanceof DoubleDataset || dataset instanceof LongDataset
                || dataset instanceof IntegerDataset) {
            return dataset;
        }
        if (dataset instanceof ByteDataset || InterfaceUtils.isInteger(dataset.getClass())) {
            return DatasetUtils.cast(IntegerDataset.class, dataset);
        }
        return DatasetUtils.cast(DoubleDataset.class, dataset);
    }

    private static void fill(Object target, Object flat, int[] shape, int axis, int[] offset) {
        int n = shape[axis];
        if (axis == shape.length - 1) {
            System.arraycopy(flat, offset[0], target, 0, n);
            offset[0] += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            fill(Array.get(target, i), flat, shape, axis + 1, offset);
        }
    }
}
