package org.edgewise.segment;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;

/**
 * Conversions between January datasets {@code [z, y, x]} and the flat primitive arrays the algorithms of this
 * package work on (index {@code (z·ny + y)·nx + x}).
 * <pre>{@code
 * byte[] mask = Volumes.mask(dataset);
 * Dataset labels = Volumes.labels(result, dataset.getShape());
 * }</pre>
 */
public final class Volumes {

    private Volumes() {
    }

    /**
     * @return the shape of a 3-D dataset
     * @throws IllegalArgumentException if it is not 3-D
     */
    public static int[] shape(Dataset dataset) {
        int[] s = dataset.getShape();
        if (s.length != 3) {
            throw new IllegalArgumentException("a volume [z, y, x] is 3-D, this one has shape "
                    + java.util.Arrays.toString(s));
        }
        return s;
    }

    /** @return the values as float, flat (a copy) */
    public static float[] floats(Dataset dataset) {
        shape(dataset);
        return DatasetUtils.copy(FloatDataset.class, dataset).getData();
    }

    /** @return 1 where the value is non-zero, flat */
    public static byte[] mask(Dataset dataset) {
        shape(dataset);
        IntegerDataset ints = DatasetUtils.copy(IntegerDataset.class, dataset);
        int[] v = ints.getData();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] != 0 ? (byte) 1 : 0;
        }
        return out;
    }

    /** @return the integer values, flat (a copy) */
    public static int[] ints(Dataset dataset) {
        shape(dataset);
        return DatasetUtils.copy(IntegerDataset.class, dataset).getData().clone();
    }

    /** @return an integer dataset of 0/1 values */
    public static IntegerDataset fromMask(byte[] mask, int[] shape) {
        int[] v = new int[mask.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = mask[i];
        }
        return DatasetFactory.createFromObject(IntegerDataset.class, v, shape);
    }

    /** @return an integer dataset wrapping the array */
    public static IntegerDataset fromInts(int[] values, int[] shape) {
        return DatasetFactory.createFromObject(IntegerDataset.class, values, shape);
    }

    /** @return a float dataset wrapping the array */
    public static FloatDataset fromFloats(float[] values, int[] shape) {
        return DatasetFactory.createFromObject(FloatDataset.class, values, shape);
    }
}
