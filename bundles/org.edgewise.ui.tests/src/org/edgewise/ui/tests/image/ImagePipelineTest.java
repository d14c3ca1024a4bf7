package org.edgewise.ui.tests.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.edgewise.ui.image.AxisCalibration;
import org.edgewise.ui.image.ColourBar;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.DisplayRange;
import org.edgewise.ui.image.FloatSlice;
import org.edgewise.ui.image.Histogram;
import org.edgewise.ui.image.IntSlice;
import org.edgewise.ui.image.LabelColours;
import org.edgewise.ui.image.SliceRenderer;
import org.edgewise.ui.image.StackSlicer;
import org.junit.jupiter.api.Test;

/** The display-free half of the image canvas: slicing, colour maps, histograms, rendering into pixels. */
class ImagePipelineTest {

    @Test
    void everyOrthosliceEqualsDirectIndexingForContiguousViewsAndIntegerStacks() throws Exception {
        Random random = new Random(3);
        float[] values = new float[5 * 6 * 7];
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
            labels[i] = random.nextInt(9);
        }
        FloatDataset volume = DatasetFactory.createFromObject(FloatDataset.class, values, 5, 6, 7);
        IntegerDataset labelVolume = DatasetFactory.createFromObject(IntegerDataset.class, labels, 5, 6, 7);
        // a strided view takes January's general path instead of the buffer
        Dataset view = DatasetFactory.createFromObject(FloatDataset.class, values, 5, 6, 7)
                .getSliceView(new Slice(0, 5), new Slice(0, 6), new Slice(0, 7, 1));
        Dataset stepped = volume.getSliceView(new Slice(0, 5), new Slice(0, 6, 2), new Slice(0, 7));
        for (int axis = 0; axis < 3; axis++) {
            int[] shown = StackSlicer.displayedAxes(axis);
            for (int index = 0; index < volume.getShape()[axis]; index++) {
                FloatSlice fast = StackSlicer.floats(volume, axis, index);
                FloatSlice general = StackSlicer.floats(view, axis, index);
                IntSlice ints = StackSlicer.ints(labelVolume, axis, index);
                assertEquals(volume.getShape()[shown[0]], fast.height());
                assertEquals(volume.getShape()[shown[1]], fast.width());
                for (int row = 0; row < fast.height(); row++) {
                    for (int column = 0; column < fast.width(); column++) {
                        int[] voxel = new int[3];
                        voxel[axis] = index;
                        voxel[shown[0]] = row;
                        voxel[shown[1]] = column;
                        assertEquals(volume.getFloat(voxel), fast.value(column, row));
                        assertEquals(volume.getFloat(voxel), general.value(column, row));
                        assertEquals(labelVolume.getInt(voxel), ints.value(column, row));
                    }
                }
            }
        }
        FloatSlice everyOtherRow = StackSlicer.floats(stepped, 0, 2);
        assertEquals(3, everyOtherRow.height());
        assertEquals(volume.getFloat(2, 4, 5), everyOtherRow.value(5, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> StackSlicer.floats(volume, 2, 7));
    }

    @Test
    void colourMapsRunThroughTheirAnchorColours() {
        assertEquals(0x440154, ColourMap.VIRIDIS.rgb(0));
        assertEquals(0xfde725, ColourMap.VIRIDIS.rgb(255));
        assertEquals(0x000004, ColourMap.MAGMA.rgb(0));
        int middle = ColourMap.COOL_WARM.rgb(128);
        for (int shift : new int[] { 0, 8, 16 }) {
            assertEquals(0xdd, (middle >> shift) & 0xff, 2, "cool-warm is grey in the middle");
        }
        for (int i = 0; i < ColourMap.SIZE; i++) {
            assertEquals(i * 0x010101, ColourMap.GRAY.rgb(i), "grey level " + i);
        }
        assertEquals(ColourMap.VIRIDIS, ColourMap.named("viridis"));
        assertEquals(ColourMap.GRAY, ColourMap.named("no such map"));
    }

    @Test
    void histogramPercentilesAndAutoRangeIgnoreNanAndOutliers() {
        float[] values = new float[1000 + 3];
        for (int i = 0; i < 1000; i++) {
            values[i] = i;
        }
        values[1000] = Float.NaN;
        values[1001] = Float.POSITIVE_INFINITY;
        values[1002] = Float.NEGATIVE_INFINITY;
        Histogram histogram = Histogram.of(values, 1000);
        assertEquals(1000, histogram.total());
        assertEquals(0, histogram.min());
        assertEquals(999, histogram.max());
        assertEquals(500, histogram.percentile(0.5), 1.0);
        DisplayRange auto = histogram.autoRange();
        assertEquals(5, auto.min(), 1.0);
        assertEquals(995, auto.max(), 1.0);

        // two hot pixels a million times brighter do not wash the range out
        float[] withHotPixels = new float[1002];
        for (int i = 0; i < 1000; i++) {
            withHotPixels[i] = i / 1000f;
        }
        withHotPixels[1000] = 1e6f;
        withHotPixels[1001] = 1e6f;
        assertTrue(Histogram.of(withHotPixels, 4096).autoRange().max() > 100,
                "one equal-bin histogram puts all the sample in its first bin");
        DisplayRange robust = Histogram.autoRange(withHotPixels, 1);
        assertEquals(0.005, robust.min(), 0.002, "range " + robust);
        assertEquals(0.995, robust.max(), 0.002, "range " + robust);
    }

    @Test
    void scalarSlicesMapThroughTheColourMapWithNanInItsOwnColour() {
        FloatSlice slice = new FloatSlice(new float[] { 0, 0.5f, 1, Float.NaN, -3, 7 }, 3, 2);
        int[] rgb = SliceRenderer.colourMap(slice, ColourMap.GRAY, new DisplayRange(0, 1));
        assertArrayEquals(new int[] { 0x000000, 0x808080, 0xffffff, SliceRenderer.NAN_RGB, 0x000000, 0xffffff },
                rgb);
        ImageData image = SliceRenderer.toImageData(rgb, 3, 2);
        assertEquals(3, image.width);
        assertEquals(2, image.height);
        for (int i = 0; i < rgb.length; i++) {
            RGB pixel = image.palette.getRGB(image.getPixel(i % 3, i / 3));
            assertEquals(rgb[i], (pixel.red << 16) | (pixel.green << 8) | pixel.blue, "pixel " + i);
        }
    }

    @Test
    void compositeScalesEachChannelOverItsOwnRange() {
        FloatSlice red = new FloatSlice(new float[] { 0, 10 }, 2, 1);
        FloatSlice blue = new FloatSlice(new float[] { 1, 0.5f }, 2, 1);
        int[] rgb = SliceRenderer.composite(new FloatSlice[] { red, null, blue },
                new DisplayRange[] { new DisplayRange(0, 10), null, new DisplayRange(0, 1) });
        assertEquals(0x0000ff, rgb[0]);
        assertEquals(0xff0080, rgb[1]);
    }

    @Test
    void labelsAreFilledWithTheirColourOrOutlinedOnTheirBoundary() {
        int size = 9;
        int[] labels = new int[size * size];
        for (int row = 2; row < 7; row++) {
            for (int column = 2; column < 7; column++) {
                labels[row * size + column] = 4;
            }
        }
        int[] outline = new int[size * size];
        SliceRenderer.overlay(outline, size, new SliceRenderer.Overlay(new IntSlice(labels, size, size),
                SliceRenderer.OverlayMode.OUTLINE, 0.5, 0));
        int colour = LabelColours.rgb(4);
        long boundary = java.util.Arrays.stream(outline).filter(p -> p == colour).count();
        assertEquals(16, boundary, "the 5 × 5 square's boundary");
        assertEquals(0, outline[4 * size + 4], "inside stays untouched");

        int[] filled = new int[size * size];
        SliceRenderer.overlay(filled, size, new SliceRenderer.Overlay(new IntSlice(labels, size, size),
                SliceRenderer.OverlayMode.FILL, 0.5, 0));
        int expected = (Math.round(((colour >> 16) & 0xff) / 2f) << 16) | (Math.round(((colour >> 8) & 0xff) / 2f) << 8)
                | Math.round((colour & 0xff) / 2f);
        assertEquals(expected, filled[4 * size + 4], "half the label's colour over black");
        assertEquals(0, filled[0], "background");

        int[] highlighted = new int[size * size];
        SliceRenderer.overlay(highlighted, size, new SliceRenderer.Overlay(new IntSlice(labels, size, size),
                SliceRenderer.OverlayMode.OUTLINE, 0.5, 4));
        assertEquals(0xffffff, highlighted[2 * size + 2], "a highlighted label is outlined in white");
    }

    @Test
    void labelColoursDifferBetweenNeighbouringLabels() {
        for (int label = 1; label < 50; label++) {
            int a = LabelColours.rgb(label);
            int b = LabelColours.rgb(label + 1);
            int distance = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) + Math.abs(((a >> 8) & 0xff)
                    - ((b >> 8) & 0xff)) + Math.abs((a & 0xff) - (b & 0xff));
            assertTrue(distance > 60, "labels " + label + " and " + (label + 1) + " look alike");
        }
    }

    @Test
    void calibrationsGiveMicrometresAndAngles() {
        AxisCalibration x = AxisCalibration.micrometres("x", 0.25);
        assertEquals(2.5, x.valueAt(10), 1e-12);
        assertEquals("x 2.500 µm", x.describe(10));
        AxisCalibration angle = AxisCalibration.degrees("angle", new double[] { 0, 1.5, 3 });
        assertEquals("angle 1.500°", angle.describe(1));
        assertEquals("row 3", AxisCalibration.micrometres("row", Double.NaN).describe(3));
    }

    @Test
    void colourBarTicksAreRoundAndInsideTheRange() {
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0), ColourBar.ticks(0, 2));
        assertArrayEquals(new double[] { 0.002, 0.003, 0.004, 0.005, 0.006 },
                ColourBar.ticks(0.0013, 0.0069).stream().mapToDouble(Double::doubleValue).toArray(), 1e-15);
        assertArrayEquals(new double[] { -20, 0, 20, 40 },
                ColourBar.ticks(-25, 41).stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
        assertTrue(ColourBar.ticks(1, 1).isEmpty());
    }
}
