package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.datasets.FlatArrays;
import org.junit.jupiter.api.Test;

class FlatArraysTest {

    @Test
    void floatsAreRowMajorCopies() {
        Dataset volume = DatasetFactory.createRange(DoubleDataset.class, 24).reshape(2, 3, 4);
        float[] values = FlatArrays.floats(volume);
        assertEquals(24, values.length);
        assertEquals(1 * 12 + 2 * 4 + 3, values[23]); // [1, 2, 3] at (z·ny + y)·nx + x
        values[0] = 99;
        assertEquals(0, volume.getDouble(0, 0, 0));
    }

    @Test
    void readOnlyFloatsShareAContiguousBufferButCopyAView() {
        FloatDataset volume = FlatArrays.wrap(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 2, 2, 2);
        assertSame(volume.getData(), FlatArrays.floatsReadOnly(volume));
        Dataset view = volume.getSliceView(new Slice(1, 2), null, null);
        float[] second = FlatArrays.floatsReadOnly(view);
        assertNotSame(volume.getData(), second);
        assertArrayEquals(new float[] { 5, 6, 7, 8 }, second);
    }

    @Test
    void masksAndWrapping() {
        Dataset labels = FlatArrays.wrap(new int[] { 0, 2, 0, 5 }, 1, 2, 2);
        assertArrayEquals(new byte[] { 0, 1, 0, 1 }, FlatArrays.mask(labels));
        assertArrayEquals(new int[] { 0, 1, 0, 1 }, FlatArrays.ints(FlatArrays.wrapMask(FlatArrays.mask(labels),
                1, 2, 2)));
        assertArrayEquals(new int[] { 1, 2, 2 }, FlatArrays.volumeShape(labels));
        assertThrows(IllegalArgumentException.class, () -> FlatArrays.wrap(new float[5], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> FlatArrays.volumeShape(DatasetFactory.zeros(2, 2)));
    }
}
