package org.edgewise.segment;

/**
 * Separation of touching particles: a marker-controlled watershed of the inverted distance map, with the markers
 * taken from the h-maxima of the distance map.
 * <p>
 * The foreground voxels are flooded from the highest distance down (a bucket sort of the exact squared distances).
 * A voxel with no flooded neighbour starts a basin; otherwise it joins the basin of its highest flooded 26-neighbour
 * (steepest ascent). When a voxel touches several basins, the basins whose peak rises less than {@code h} above the
 * current level are merged into the higher one: exactly the maxima that the h-maxima transform removes. Basins
 * that both rise at least {@code h} above their meeting level stay apart: they are the particles.
 * <pre>{@code
 * int[] labels = new int[mask.length];
 * int n = Watersheds.separate(mask, nz, ny, nx, 4.0, labels);   // h = 4 voxels
 * }</pre>
 */
public final class Watersheds {

    private Watersheds() {
    }

    /**
     * Labels the particles of a mask, splitting touching ones.
     *
     * @param mask   flat {@code [z, y, x]}, non-zero = particle (holes should be filled first)
     * @param h      marker dynamic in voxels: a distance-map maximum must rise at least this much above the saddle
     *               towards a higher one to seed its own particle
     * @param labels receives 0 for background and 1..n, numbered in raster order of each particle's first voxel
     * @return n
     */
    public static int separate(byte[] mask, int nz, int ny, int nx, double h, int[] labels) {
        int[] d2 = DistanceTransforms.squaredToBackground(mask, nz, ny, nx);
        int plane = ny * nx;
        int maxD2 = 0;
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                count++;
                if (d2[i] != DistanceTransforms.INFINITE && d2[i] > maxD2) {
                    maxD2 = d2[i];
                }
            }
        }
        // bucket sort of the foreground voxels by squared distance, descending; ties in raster order
        int[] start = new int[maxD2 + 2];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                start[key(d2[i], maxD2)]++;
            }
        }
        int sum = 0;
        for (int k = 0; k < start.length; k++) {
            int c = start[k];
            start[k] = sum;
            sum += c;
        }
        int[] order = new int[count];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                order[start[key(d2[i], maxD2)]++] = i;
            }
        }
        // union–find over voxels; basin data kept at the root
        int[] parent = labels; // reuse the output: −1 = not flooded yet, else the parent voxel index
        java.util.Arrays.fill(parent, -1);
        java.util.Map<Integer, Double> peaks = new java.util.HashMap<>();
        int[] roots = new int[26];
        for (int i : order) {
            int z = i / plane;
            int y = (i / nx) % ny;
            int x = i % nx;
            double level = Math.sqrt(Math.min(d2[i], maxD2));
            int best = -1;
            int bestD2 = -1;
            int nRoots = 0;
            for (int dz = -1; dz <= 1; dz++) {
                int zz = z + dz;
                if (zz < 0 || zz >= nz) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= ny) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= nx || (dx == 0 && dy == 0 && dz == 0)) {
                            continue;
                        }
                        int j = zz * plane + yy * nx + xx;
                        if (parent[j] < 0) {
                            continue;
                        }
                        if (d2[j] > bestD2) {
                            bestD2 = d2[j];
                            best = j;
                        }
                        int r = find(parent, j);
                        boolean seen = false;
                        for (int k = 0; k < nRoots && !seen; k++) {
                            seen = roots[k] == r;
                        }
                        if (!seen) {
                            roots[nRoots++] = r;
                        }
                    }
                }
            }
            if (best < 0) {
                parent[i] = i; // a new basin
                peaks.put(i, level);
                continue;
            }
            int home = find(parent, best);
            parent[i] = home;
            for (int k = 0; k < nRoots; k++) {
                int r = roots[k];
                int a = find(parent, home);
                int b = find(parent, r);
                if (a == b) {
                    continue;
                }
                double pa = peaks.get(a);
                double pb = peaks.get(b);
                if (Math.min(pa, pb) - level < h) {
                    // the lower maximum is not significant: merge it into the higher basin
                    if (pa >= pb) {
                        parent[b] = a;
                        peaks.remove(b);
                    } else {
                        parent[a] = b;
                        peaks.remove(a);
                    }
                }
            }
        }
        // number the basins in raster order of their first voxel
        java.util.Map<Integer, Integer> numbers = new java.util.HashMap<>();
        int n = 0;
        int[] result = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            int r = find(parent, i);
            Integer l = numbers.get(r);
            if (l == null) {
                l = ++n;
                numbers.put(r, l);
            }
            result[i] = l;
        }
        System.arraycopy(result, 0, labels, 0, labels.length);
        return n;
    }

    private static int key(int d2, int maxD2) {
        return maxD2 - Math.min(d2, maxD2);
    }

    private static int find(int[] parent, int a) {
        int r = a;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[a] != r) {
            int next = parent[a];
            parent[a] = r;
            a = next;
        }
        return r;
    }
}
