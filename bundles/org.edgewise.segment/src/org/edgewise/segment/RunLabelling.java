package org.edgewise.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected components of a mask too large to hold, fed slab by slab in z order: each row's runs of foreground
 * voxels are stored (not the voxels), runs are joined across rows, planes and slab borders with a union–find, and the
 * components come out with the numbering of {@link Labelling#label} (26-connectivity, numbered in raster order of
 * their first voxel), so the two give the same labels.
 * <pre>{@code
 * RunLabelling runs = new RunLabelling(nz, ny, nx);
 * for (int z0 = 0; z0 < nz; z0 += 16) {
 *     runs.add(slabMask, Math.min(16, nz - z0));        // flat [planes, ny, nx], planes z0, z0 + 1 ...
 * }
 * List<RunLabelling.Component> components = runs.components();
 * runs.paint(labels, new int[] { z0, y0, x0 }, new int[] { dz, dy, dx }); // the labels of a region
 * }</pre>
 * Memory: 20 bytes per run.
 */
public final class RunLabelling {

    /**
     * One connected component.
     *
     * @param label       its label 1..n
     * @param voxels      its voxel count
     * @param box         {z0, z1, y0, y1, x0, x1}, inclusive voxel indices
     * @param touchesFace whether a voxel lies on a face of the volume (the component is cut by the field of view)
     */
    public record Component(int label, long voxels, int[] box, boolean touchesFace) {
    }

    private final int nz;
    private final int ny;
    private final int nx;
    private int planes;
    /** Index of the first run of row (z, y) at [z·ny + y]; rowStart[z·ny + y + 1] ends it. */
    private final int[] rowStart;
    private int count;
    private int[] runY = new int[1024];
    private int[] runX0 = new int[1024];
    private int[] runX1 = new int[1024];
    private int[] parent = new int[1024];
    private int[] runLabel;
    private List<Component> components;

    /** @param nz planes, @param ny rows, @param nx columns of the whole volume */
    public RunLabelling(int nz, int ny, int nx) {
        if (nz < 1 || ny < 1 || nx < 1 || (long) nz * ny + 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad volume shape [" + nz + ", " + ny + ", " + nx + "]");
        }
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
        this.rowStart = new int[nz * ny + 1];
    }

    /**
     * Adds the next planes of the mask.
     *
     * @param mask   flat {@code [planes, ny, nx]} (or longer; only the first {@code planes·ny·nx} are read),
     *               non-zero = foreground
     * @param planes how many planes follow the ones added so far
     */
    public void add(byte[] mask, int planes) {
        if (components != null || this.planes + planes > nz) {
            throw new IllegalStateException("more planes than the volume has, or added after components()");
        }
        for (int p = 0; p < planes; p++) {
            int z = this.planes + p;
            for (int y = 0; y < ny; y++) {
                int base = (p * ny + y) * nx;
                int row = z * ny + y;
                rowStart[row] = count;
                int x = 0;
                while (x < nx) {
                    if (mask[base + x] == 0) {
                        x++;
                        continue;
                    }
                    int x0 = x;
                    while (x < nx && mask[base + x] != 0) {
                        x++;
                    }
                    addRun(y, x0, x - 1);
                    int run = count - 1;
                    if (y > 0) {
                        join(run, row - 1);
                    }
                    if (z > 0) {
                        for (int dy = -1; dy <= 1; dy++) {
                            if (y + dy >= 0 && y + dy < ny) {
                                join(run, row - ny + dy);
                            }
                        }
                    }
                }
                rowStart[row + 1] = count;
            }
        }
        this.planes += planes;
    }

    private void addRun(int y, int x0, int x1) {
        if (count == parent.length) {
            int size = count * 2;
            runY = Arrays.copyOf(runY, size);
            runX0 = Arrays.copyOf(runX0, size);
            runX1 = Arrays.copyOf(runX1, size);
            parent = Arrays.copyOf(parent, size);
        }
        runY[count] = y;
        runX0[count] = x0;
        runX1[count] = x1;
        parent[count] = count;
        count++;
    }

    /** Joins a run with the runs of an earlier row that touch it (columns overlapping or diagonal). */
    private void join(int run, int row) {
        int a0 = runX0[run] - 1;
        int a1 = runX1[run] + 1;
        for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
            if (runX0[r] > a1) {
                break;
            }
            if (runX1[r] >= a0) {
                union(run, r);
            }
        }
    }

    private int find(int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    /**
     * @return the components, label 1..n in raster order of their first voxel (every plane must have been added)
     */
    public List<Component> components() {
        if (components != null) {
            return components;
        }
        if (planes != nz) {
            throw new IllegalStateException(planes + " of " + nz + " planes added");
        }
        runLabel = new int[count];
        List<long[]> stats = new ArrayList<>(); // voxels, z0, z1, y0, y1, x0, x1, face
        int z = 0;
        for (int r = 0; r < count; r++) {
            while (rowStart[(z + 1) * ny] <= r) {
                z++;
            }
            int root = find(r);
            long[] s;
            if (root == r) {
                runLabel[r] = stats.size() + 1;
                s = new long[] { 0, z, z, runY[r], runY[r], runX0[r], runX1[r], 0 };
                stats.add(s);
            } else {
                runLabel[r] = runLabel[root];
                s = stats.get(runLabel[r] - 1);
            }
            s[0] += runX1[r] - runX0[r] + 1;
            s[2] = Math.max(s[2], z);
            s[3] = Math.min(s[3], runY[r]);
            s[4] = Math.max(s[4], runY[r]);
            s[5] = Math.min(s[5], runX0[r]);
            s[6] = Math.max(s[6], runX1[r]);
            if (z == 0 || z == nz - 1 || runY[r] == 0 || runY[r] == ny - 1 || runX0[r] == 0 || runX1[r] == nx - 1) {
                s[7] = 1;
            }
        }
        List<Component> out = new ArrayList<>(stats.size());
        for (int i = 0; i < stats.size(); i++) {
            long[] s = stats.get(i);
            out.add(new Component(i + 1, s[0], new int[] { (int) s[1], (int) s[2], (int) s[3], (int) s[4],
                (int) s[5], (int) s[6] }, s[7] != 0));
        }
        components = List.copyOf(out);
        return components;
    }

    /**
     * Writes the labels of a region.
     *
     * @param labels receives the labels, flat {@code [size[0], size[1], size[2]]}, 0 for background
     * @param origin {z0, y0, x0} of the region in the volume, voxels
     * @param size   {dz, dy, dx} of the region, voxels
     */
    public void paint(int[] labels, int[] origin, int[] size) {
        components();
        Arrays.fill(labels, 0, size[0] * size[1] * size[2], 0);
        for (int dz = 0; dz < size[0]; dz++) {
            int z = origin[0] + dz;
            if (z < 0 || z >= nz) {
                continue;
            }
            for (int dy = 0; dy < size[1]; dy++) {
                int y = origin[1] + dy;
                if (y < 0 || y >= ny) {
                    continue;
                }
                int row = z * ny + y;
                int base = (dz * size[1] + dy) * size[2] - origin[2];
                for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
                    int x0 = Math.max(runX0[r], origin[2]);
                    int x1 = Math.min(runX1[r], origin[2] + size[2] - 1);
                    for (int x = x0; x <= x1; x++) {
                        labels[base + x] = runLabel[r];
                    }
                }
            }
        }
    }

    /** @return the number of runs stored */
    public int runs() {
        return count;
    }
}
