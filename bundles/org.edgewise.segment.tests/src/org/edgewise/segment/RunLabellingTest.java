package org.edgewise.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Run-length labelling fed slab by slab against {@link Labelling#label} on the whole mask: the same labels voxel for
 * voxel (so the same partition and numbering), and the boxes, counts and face contacts of the labels.
 */
class RunLabellingTest {

    @Test
    void givesTheLabelsOfTheWholeVolumeLabellingOnRandomMasks() {
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        for (double density : new double[] { 0.05, 0.2, 0.35, 0.5 }) {
            for (int slab : new int[] { 1, 3, 7, 40 }) {
                int nz = 23;
                int ny = 17;
                int nx = 29;
                byte[] mask = new byte[nz * ny * nx];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = random.nextDouble() < density ? (byte) 1 : 0;
                }
                int[] expected = new int[mask.length];
                int n = Labelling.label(mask, nz, ny, nx, expected);
                RunLabelling runs = new RunLabelling(nz, ny, nx);
                for (int z0 = 0; z0 < nz; z0 += slab) {
                    int planes = Math.min(slab, nz - z0);
                    runs.add(Arrays.copyOfRange(mask, z0 * ny * nx, (z0 + planes) * ny * nx), planes);
                }
                List<RunLabelling.Component> components = runs.components();
                assertEquals(n, components.size(), "density " + density + ", slab " + slab);
                int[] labels = new int[mask.length];
                runs.paint(labels, new int[3], new int[] { nz, ny, nx });
                assertArrayEquals(expected, labels, "density " + density + ", slab " + slab);
                long[] sizes = Labelling.sizes(expected, n);
                boolean[] touching = Labelling.touchingBorder(expected, nz, ny, nx, n);
                for (RunLabelling.Component c : components) {
                    assertEquals(sizes[c.label()], c.voxels());
                    assertEquals(touching[c.label()], c.touchesFace());
                    assertArrayEquals(box(expected, nz, ny, nx, c.label()), c.box());
                }
                // a region painted alone holds the same labels as that region of the whole
                int[] origin = { 5, 3, 11 };
                int[] size = { 9, 10, 14 };
                int[] region = new int[size[0] * size[1] * size[2]];
                runs.paint(region, origin, size);
                for (int z = 0; z < size[0]; z++) {
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[2]; x++) {
                            assertEquals(expected[((z + origin[0]) * ny + y + origin[1]) * nx + x + origin[2]],
                                    region[(z * size[1] + y) * size[2] + x]);
                        }
                    }
                }
                checked += n;
            }
        }
        assertTrue(checked > 1000, "components compared: " + checked);
    }

    private static int[] box(int[] labels, int nz, int ny, int nx, int label) {
        int[] b = { Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1 };
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (labels[(z * ny + y) * nx + x] == label) {
                        b[0] = Math.min(b[0], z);
                        b[1] = Math.max(b[1], z);
                        b[2] = Math.min(b[2], y);
                        b[3] = Math.max(b[3], y);
                        b[4] = Math.min(b[4], x);
                        b[5] = Math.max(b[5], x);
                    }
                }
            }
        }
        return b;
    }
}
