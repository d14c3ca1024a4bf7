package org.edgewise.segment;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Connected components of binary volumes {@code [z, y, x]} (26-connectivity) and label bookkeeping.
 * <p>
 * Two-pass union–find: z slabs are labelled in parallel with provisional labels, the slab boundaries are merged,
 * and the final labels are numbered 1..n in raster order of each component's first voxel (the same numbering as
 * SciPy's {@code ndimage.label}).
 * <pre>{@code
 * int[] labels = new int[mask.length];
 * int n = Labelling.label(mask, nz, ny, nx, labels);
 * }</pre>
 */
public final class Labelling {

    private Labelling() {
    }

    /**
     * Labels the 26-connected components of the non-zero voxels.
     *
     * @param mask   flat {@code [z, y, x]}, non-zero = foreground
     * @param labels receives 0 for background and 1..n for the components (same length as mask)
     * @return n, the number of components
     */
    public static int label(byte[] mask, int nz, int ny, int nx, int[] labels) {
        int plane = ny * nx;
        if ((long) nz * plane != mask.length || labels.length != mask.length) {
            throw new IllegalArgumentException("shape [" + nz + ", " + ny + ", " + nx + "] does not match the arrays");
        }
        int threads = Math.max(1, Math.min(nz, Runtime.getRuntime().availableProcessors() * 2));
        int[] slabStart = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            slabStart[t] = (int) ((long) nz * t / threads);
        }
        // pass 1: each slab uses provisional labels in its own range, starting at the slab's first voxel index + 1
        // (so ranges never collide), with union–find on a per-slab parent table
        int[][] parents = new int[threads][];
        IntStream.range(0, threads).parallel().forEach(t -> parents[t] = labelSlab(mask, ny, nx, slabStart[t],
                slabStart[t + 1], labels));
        // global parent table indexed by provisional label: concatenate the slabs' tables
        int[] offsets = new int[threads + 1];
        for (int t = 0; t < threads; t++) {
            offsets[t + 1] = offsets[t] + parents[t].length;
        }
        int[] parent = new int[offsets[threads] + 1];
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < parents[t].length; i++) {
                parent[offsets[t] + i + 1] = parents[t][i] + offsets[t] + 1;
            }
        }
        // relabel provisional (slab-local, 0-based + 1) labels to global ones
        IntStream.range(0, threads).parallel().forEach(t -> {
            int shift = offsets[t];
            for (int i = slabStart[t] * plane; i < slabStart[t + 1] * plane; i++) {
                if (labels[i] != 0) {
                    labels[i] += shift;
                }
            }
        });
        // pass 2: merge across slab boundaries (plane z−1 of the previous slab with plane z)
        for (int t = 1; t < threads; t++) {
            int z = slabStart[t];
            if (z == 0 || z >= nz) {
                continue;
            }
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = z * plane + y * nx + x;
                    if (labels[i] == 0) {
                        continue;
                    }
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= ny) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx >= 0 && xx < nx) {
                                int j = (z - 1) * plane + yy * nx + xx;
                                if (labels[j] != 0) {
                                    union(parent, labels[i], labels[j]);
                                }
                            }
                        }
                    }
                }
            }
        }
        // pass 3: consecutive labels in raster order of the roots; roots are the smallest provisional label of a
        // component, and provisional labels increase in raster order, so numbering the roots in order is enough
        int[] finalLabel = new int[parent.length];
        int n = 0;
        for (int p = 1; p < parent.length; p++) {
            int r = find(parent, p);
            if (r == p) {
                finalLabel[p] = ++n;
            } else {
                finalLabel[p] = finalLabel[r];
            }
        }
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int i = z * plane; i < (z + 1) * plane; i++) {
                if (labels[i] != 0) {
                    labels[i] = finalLabel[labels[i]];
                }
            }
        });
        return n;
    }

    /** Labels z in [z0, z1) with provisional labels 1..m; returns the parent table (0-based: parent[l-1] = root-1). */
    private static int[] labelSlab(byte[] mask, int ny, int nx, int z0, int z1, int[] labels) {
        int plane = ny * nx;
        int[] parent = new int[1024];
        int count = 0;
        for (int z = z0; z < z1; z++) {
            for (int y = 0; y < ny; y++) {
                int rowBase = z * plane + y * nx;
                for (int x = 0; x < nx; x++) {
                    int i = rowBase + x;
                    if (mask[i] == 0) {
                        labels[i] = 0;
                        continue;
                    }
                    int current = 0;
                    // the 13 neighbours already visited in raster order within the slab
                    for (int dz = -1; dz <= 0; dz++) {
                        int zz = z + dz;
                        if (zz < z0) {
                            continue;
                        }
                        for (int dy = -1; dy <= 1; dy++) {
                            int yy = y + dy;
                            if (yy < 0 || yy >= ny || (dz == 0 && dy > 0)) {
                                continue;
                            }
                            for (int dx = -1; dx <= 1; dx++) {
                                if (dz == 0 && dy == 0 && dx >= 0) {
                                    break;
                                }
                                int xx = x + dx;
                                if (xx < 0 || xx >= nx) {
                                    continue;
                                }
                                int l = labels[zz * plane + yy * nx + xx];
                                if (l == 0) {
                                    continue;
                                }
                                if (current == 0) {
                                    current = l;
                                } else if (l != current) {
                                    unionLocal(parent, current, l);
                                }
                            }
                        }
                    }
                    if (current == 0) {
                        if (count == parent.length) {
                            parent = Arrays.copyOf(parent, parent.length * 2);
                        }
                        parent[count] = count;
                        current = ++count;
                    }
                    labels[i] = current;
                }
            }
        }
        return Arrays.copyOf(parent, count);
    }

    private static void unionLocal(int[] parent, int a, int b) {
        int ra = findLocal(parent, a - 1);
        int rb = findLocal(parent, b - 1);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int findLocal(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    /**
     * @param labels flat labels, 0 = background
     * @param n      the largest label
     * @return voxel count per label, index 0..n
     */
    public static long[] sizes(int[] labels, int n) {
        long[] sizes = new long[n + 1];
        for (int l : labels) {
            sizes[l]++;
        }
        return sizes;
    }

    /**
     * Removes the objects of fewer than {@code minVoxels} voxels (26-connected).
     *
     * @param mask flat mask, not modified
     * @return a new mask without the small objects
     */
    public static byte[] removeSmall(byte[] mask, int nz, int ny, int nx, long minVoxels) {
        int[] labels = new int[mask.length];
        int n = label(mask, nz, ny, nx, labels);
        long[] sizes = sizes(labels, n);
        byte[] out = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = labels[i] != 0 && sizes[labels[i]] >= minVoxels ? (byte) 1 : 0;
        }
        return out;
    }

    /**
     * @param labels flat labels [z, y, x]
     * @param n      the largest label
     * @return per label (index 0..n) whether it has a voxel on a face of the volume (cut by the field of view)
     */
    public static boolean[] touchingBorder(int[] labels, int nz, int ny, int nx, int n) {
        boolean[] cut = new boolean[n + 1];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                boolean faceRow = z == 0 || z == nz - 1 || y == 0 || y == ny - 1;
                int base = (z * ny + y) * nx;
                if (faceRow) {
                    for (int x = 0; x < nx; x++) {
                        cut[labels[base + x]] = true;
                    }
                } else {
                    cut[labels[base]] = true;
                    cut[labels[base + nx - 1]] = true;
                }
            }
        }
        cut[0] = false;
        return cut;
    }

    /**
     * Grows every label by a Euclidean distance: a background voxel within {@code radius} voxels of some label
     * takes the label of the nearest one (ties: the smaller label); labelled voxels keep their label. Used to cover
     * the Mn and Co data around a particle found on the Ni volume.
     *
     * @param labels flat labels 1..n, not modified
     * @param n      the largest label
     * @param radius voxels, ≥ 0
     * @return the expanded labels
     */
    public static int[] expand(int[] labels, int nz, int ny, int nx, int n, double radius) {
        int[] out = labels.clone();
        if (!(radius > 0)) {
            return out;
        }
        long r2 = (long) Math.floor(radius * radius + 1e-9);
        int pad = (int) Math.floor(radius + 1e-9);
        int[][] box = DepthMaps.boxes(labels, nz, ny, nx, n);
        int[] best = new int[labels.length];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        for (int l = 1; l <= n; l++) {
            int[] b = box[l];
            if (b == null) {
                continue;
            }
            int z0 = Math.max(0, b[0] - pad);
            int z1 = Math.min(nz - 1, b[1] + pad);
            int y0 = Math.max(0, b[2] - pad);
            int y1 = Math.min(ny - 1, b[3] + pad);
            int x0 = Math.max(0, b[4] - pad);
            int x1 = Math.min(nx - 1, b[5] + pad);
            int bz = z1 - z0 + 1;
            int by = y1 - y0 + 1;
            int bx = x1 - x0 + 1;
            byte[] mine = new byte[bz * by * bx];
            for (int z = b[0]; z <= b[1]; z++) {
                for (int y = b[2]; y <= b[3]; y++) {
                    for (int x = b[4]; x <= b[5]; x++) {
                        if (labels[(z * ny + y) * nx + x] == l) {
                            mine[((z - z0) * by + (y - y0)) * bx + (x - x0)] = 1;
                        }
                    }
                }
            }
            int[] d2 = DistanceTransforms.squaredToForeground(mine, bz, by, bx);
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int g = (z * ny + y) * nx + x;
                        int d = d2[((z - z0) * by + (y - y0)) * bx + (x - x0)];
                        if (labels[g] == 0 && d <= r2 && d < best[g]) {
                            best[g] = d;
                            out[g] = l;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Grows label {@code l}'s bounding box {@code {zMin, zMax, yMin, yMax, xMin, xMax}} to include a voxel; voxels
     * must be visited in z-major order (so zMax is simply the current z).
     */
    static void extendBox(int[][] box, int l, int z, int y, int x) {
        int[] b = box[l];
        if (b == null) {
            box[l] = new int[] { z, z, y, y, x, x };
        } else {
            b[1] = z;
            b[2] = Math.min(b[2], y);
            b[3] = Math.max(b[3], y);
            b[4] = Math.min(b[4], x);
            b[5] = Math.max(b[5], x);
        }
    }
}
