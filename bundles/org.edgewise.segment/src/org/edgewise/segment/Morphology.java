package org.edgewise.segment;

import java.util.stream.IntStream;

/**
 * Binary morphology on flat volumes {@code [z, y, x]} with a Euclidean ball: dilation, erosion, opening, closing
 * (all through the exact distance transform, so the cost does not grow with the radius) and 3-D hole filling.
 * <p>
 * The ball of radius r holds the voxel offsets with {@code dx² + dy² + dz² ≤ r²}. Voxels outside the volume count
 * as neither foreground nor background: an erosion does not eat into objects cut by the field of view.
 * <pre>{@code
 * byte[] opened = Morphology.open(mask, nz, ny, nx, 3.0);
 * byte[] filled = Morphology.fillHoles(opened, nz, ny, nx);
 * }</pre>
 */
public final class Morphology {

    private Morphology() {
    }

    /**
     * @param radius ball radius, voxels (≥ 0)
     * @return the voxels within {@code radius} of a foreground voxel
     */
    public static byte[] dilate(byte[] mask, int nz, int ny, int nx, double radius) {
        int[] d2 = DistanceTransforms.squaredToForeground(mask, nz, ny, nx);
        return atMost(d2, radius);
    }

    /**
     * @param radius ball radius, voxels (≥ 0)
     * @return the foreground voxels farther than {@code radius} from every background voxel
     */
    public static byte[] erode(byte[] mask, int nz, int ny, int nx, double radius) {
        int[] d2 = DistanceTransforms.squaredToBackground(mask, nz, ny, nx);
        long r2 = (long) Math.floor(radius * radius + 1e-9);
        byte[] out = new byte[mask.length];
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int i = z * ny * nx; i < (z + 1) * ny * nx; i++) {
                out[i] = mask[i] != 0 && d2[i] > r2 ? (byte) 1 : 0;
            }
        });
        return out;
    }

    /** Erosion then dilation: removes parts narrower than the ball. */
    public static byte[] open(byte[] mask, int nz, int ny, int nx, double radius) {
        return dilate(erode(mask, nz, ny, nx, radius), nz, ny, nx, radius);
    }

    /** Dilation then erosion: closes gaps narrower than the ball. */
    public static byte[] close(byte[] mask, int nz, int ny, int nx, double radius) {
        return erode(dilate(mask, nz, ny, nx, radius), nz, ny, nx, radius);
    }

    private static byte[] atMost(int[] d2, double radius) {
        long r2 = (long) Math.floor(radius * radius + 1e-9);
        byte[] out = new byte[d2.length];
        for (int i = 0; i < d2.length; i++) {
            out[i] = d2[i] <= r2 ? (byte) 1 : 0;
        }
        return out;
    }

    /**
     * Fills the cavities: background voxels not 6-connected to a face of the volume become foreground.
     *
     * @return a new mask
     */
    public static byte[] fillHoles(byte[] mask, int nz, int ny, int nx) {
        int plane = ny * nx;
        byte[] outside = new byte[mask.length]; // 1 = background reached from the border
        int[] queue = new int[Math.max(16, mask.length / 8)];
        int head = 0;
        int tail = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (z == 0 || z == nz - 1 || y == 0 || y == ny - 1 || x == 0 || x == nx - 1) {
                        int i = z * plane + y * nx + x;
                        if (mask[i] == 0 && outside[i] == 0) {
                            outside[i] = 1;
                            if (tail == queue.length) {
                                queue = grow(queue, head, tail);
                                tail -= head;
                                head = 0;
                            }
                            queue[tail++] = i;
                        }
                    }
                }
            }
        }
        while (head < tail) {
            int i = queue[head++];
            int z = i / plane;
            int y = (i / nx) % ny;
            int x = i % nx;
            for (int k = 0; k < 6; k++) {
                int j;
                switch (k) {
                    case 0 -> j = x > 0 ? i - 1 : -1;
                    case 1 -> j = x < nx - 1 ? i + 1 : -1;
                    case 2 -> j = y > 0 ? i - nx : -1;
                    case 3 -> j = y < ny - 1 ? i + nx : -1;
                    case 4 -> j = z > 0 ? i - plane : -1;
                    default -> j = z < nz - 1 ? i + plane : -1;
                }
                if (j >= 0 && mask[j] == 0 && outside[j] == 0) {
                    outside[j] = 1;
                    if (tail == queue.length) {
                        queue = grow(queue, head, tail);
                        tail -= head;
                        head = 0;
                    }
                    queue[tail++] = j;
                }
            }
        }
        byte[] out = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = outside[i] == 0 ? (byte) 1 : 0;
        }
        return out;
    }

    private static int[] grow(int[] queue, int head, int tail) {
        int live = tail - head;
        int[] bigger = new int[Math.max(queue.length, live * 2 + 16)];
        System.arraycopy(queue, head, bigger, 0, live);
        return bigger;
    }
}
