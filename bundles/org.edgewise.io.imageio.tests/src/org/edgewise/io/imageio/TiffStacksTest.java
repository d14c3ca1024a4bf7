package org.edgewise.io.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffStacksTest {

    @TempDir
    Path dir;

    private static FloatDataset floats(int slices, int rows, int columns) {
        float[] v = new float[slices * rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(i * 0.37) * 1e3 + i * 1e-3);
        }
        v[5] = -0.0f;
        v[6] = 1.0e-30f;
        v[7] = Float.NaN;
        return DatasetFactory.createFromObject(FloatDataset.class, v, slices, rows, columns);
    }

    private static IntegerDataset ushorts(int slices, int rows, int columns) {
        int[] v = new int[slices * rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 2731) % 65536;
        }
        v[0] = 65535;
        return DatasetFactory.createFromObject(IntegerDataset.class, v, slices, rows, columns);
    }

    private static void assertSame3d(Dataset expected, Dataset actual) {
        assertArrayEquals(expected.getShape(), actual.getShape());
        int[] s = expected.getShape();
        for (int z = 0; z < s[0]; z++) {
            for (int r = 0; r < s[1]; r++) {
                for (int c = 0; c < s[2]; c++) {
                    assertEquals(expected.getDouble(z, r, c), actual.getDouble(z, r, c), 0, z + "," + r + "," + c);
                }
            }
        }
    }

    @Test
    void multiPageFloat32RoundTripsBitForBitWithPixelSize() throws IOException {
        FloatDataset stack = floats(5, 7, 9);
        Path file = dir.resolve("volume.tif");
        TiffStacks.write(file, stack, 0.0487);
        TiffStacks.Stack back = TiffStacks.read(file);
        assertTrue(back.data() instanceof FloatDataset);
        assertSame3d(stack, back.data());
        assertEquals(0.0487, back.pixelSizeUm(), 1e-12);
    }

    @Test
    void multiPageUint16RoundTripsIncludingTheTopOfTheRange() throws IOException {
        IntegerDataset stack = ushorts(4, 6, 3);
        Path file = dir.resolve("counts.tif");
        TiffStacks.write(file, stack, Double.NaN);
        TiffStacks.Stack back = TiffStacks.read(file);
        assertTrue(back.data() instanceof IntegerDataset);
        assertSame3d(stack, back.data());
        assertEquals(65535, back.data().getInt(0, 0, 0));
        assertTrue(Double.isNaN(back.pixelSizeUm()));
    }

    @Test
    void oneFilePerSliceRoundTripsInOrder() throws IOException {
        FloatDataset stack = floats(12, 4, 5);
        List<Path> files = TiffStacks.writeSlices(dir.resolve("slices"), "rec", stack, 0.1);
        assertEquals(12, files.size());
        assertEquals("rec_0011.tif", files.get(11).getFileName().toString());
        TiffStacks.Stack back = TiffStacks.readAll(TiffStacks.list(dir.resolve("slices")));
        assertSame3d(stack, back.data());
        assertEquals(0.1, back.pixelSizeUm(), 1e-12);
    }

    @Test
    void slicesOfDifferentSizeAreRefusedNamingTheFile() throws IOException {
        TiffStacks.write(dir.resolve("a.tif"), floats(1, 4, 4), Double.NaN);
        TiffStacks.write(dir.resolve("b.tif"), floats(1, 4, 5), Double.NaN);
        DataFileException e = assertThrows(DataFileException.class,
                () -> TiffStacks.readAll(List.of(dir.resolve("a.tif"), dir.resolve("b.tif"))));
        assertTrue(e.getMessage().contains("b.tif") && e.getMessage().contains("differs"), e.getMessage());
    }

    @Test
    void notATiffAndMissingFilesAreNamed() throws IOException {
        Path text = dir.resolve("x.tif");
        Files.writeString(text, "hello");
        DataFileException e = assertThrows(DataFileException.class, () -> TiffStacks.read(text));
        assertTrue(e.getMessage().contains("x.tif"), e.getMessage());
        DataFileException missing = assertThrows(DataFileException.class, () -> TiffStacks.read(dir.resolve("no.tif")));
        assertTrue(missing.getMessage().contains("no.tif: file does not exist"), missing.getMessage());
    }

    @Test
    void uint16OverflowIsRefused() {
        IntegerDataset stack = ushorts(1, 2, 2);
        stack.set(70000, 0, 1, 1);
        assertThrows(DataFileException.class, () -> TiffStacks.write(dir.resolve("o.tif"), stack, 1));
        assertTrue(!Files.exists(dir.resolve("o.tif")));
    }
}
