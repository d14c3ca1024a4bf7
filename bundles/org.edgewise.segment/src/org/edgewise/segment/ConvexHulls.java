package org.edgewise.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 3-D convex hulls of voxel sets by quickhull (Barber, Dobkin and Huhdanpaa 1996) with exact integer predicates.
 * <p>
 * Points live on the half-voxel lattice (coordinates are integers in units of half a voxel: a voxel centre
 * {@code [z, y, x]} is {@code (2x, 2y, 2z)}, its corners {@code (2x±1, 2y±1, 2z±1)}), so every orientation test is
 * an exact {@code long} computation: the hull contains every input point, and no hull vertex lies strictly inside it,
 * whatever the degeneracies (coplanar faces are kept as separate triangles). A voxel set is reduced to the first and
 * last voxel of each x row before the hull is built.
 * <pre>{@code
 * ConvexHulls.Hull hull = ConvexHulls.ofVoxels(mask, nz, ny, nx, label, labels, false); // voxel centres
 * boolean inside = hull.containsVoxel(z, y, x);
 * }</pre>
 */
public final class ConvexHulls {

    private ConvexHulls() {
    }

    /**
     * A convex polyhedron: triangles with outward normals, on the half-voxel lattice.
     *
     * @param x      vertex x, half-voxels (points referenced by the faces)
     * @param y      vertex y, half-voxels
     * @param z      vertex z, half-voxels
     * @param faces  triangles as vertex index triples, counter-clockwise seen from outside
     * @param normal per face {nx, ny, nz}, not normalised
     * @param offset per face: a point p is inside the face's half-space when {@code normal·p ≤ offset}
     */
    public record Hull(int[] x, int[] y, int[] z, int[][] faces, long[][] normal, long[] offset) {

        /** @return number of triangles */
        public int faceCount() {
            return faces.length;
        }

        /** @return the indices of the points that are vertices of some face, ascending */
        public int[] vertices() {
            return Arrays.stream(faces).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        }

        /** @return whether the half-voxel lattice point lies inside or on the hull */
        public boolean contains(long px, long py, long pz) {
            for (int f = 0; f < faces.length; f++) {
                long[] n = normal[f];
                if (n[0] * px + n[1] * py + n[2] * pz > offset[f]) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether the centre of voxel {@code [z, y, x]} lies inside or on the hull */
        public boolean containsVoxel(int vz, int vy, int vx) {
            return contains(2L * vx, 2L * vy, 2L * vz);
        }

        /** @return whether the lattice point lies strictly inside (inside every face's half-space, off every plane) */
        public boolean strictlyInside(long px, long py, long pz) {
            for (int f = 0; f < faces.length; f++) {
                long[] n = normal[f];
                if (n[0] * px + n[1] * py + n[2] * pz >= offset[f]) {
                    return false;
                }
            }
            return true;
        }

        /** @return the enclosed volume, voxels³ */
        public double volume() {
            double six = 0;
            for (int[] f : faces) {
                long ax = x[f[0]], ay = y[f[0]], az = z[f[0]];
                long bx = x[f[1]], by = y[f[1]], bz = z[f[1]];
                long cx = x[f[2]], cy = y[f[2]], cz = z[f[2]];
                six += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
            }
            return six / 6.0 / 8.0; // half-voxel units cubed
        }

        /**
         * The x range of voxel centres inside the hull on row {@code (z, y)}.
         *
         * @return {xFirst, xLast}, with xFirst > xLast when the row misses the hull
         */
        public int[] rowSpan(int vz, int vy) {
            long lo = Long.MIN_VALUE / 4;
            long hi = Long.MAX_VALUE / 4;
            long py = 2L * vy;
            long pz = 2L * vz;
            for (int f = 0; f < faces.length; f++) {
                long[] n = normal[f];
                long rhs = offset[f] - n[1] * py - n[2] * pz; // need 2·n0·x ≤ rhs
                long a = 2 * n[0];
                if (a > 0) {
                    hi = Math.min(hi, Math.floorDiv(rhs, a));
                } else if (a < 0) {
                    lo = Math.max(lo, ceilDiv(-rhs, -a));
                } else if (rhs < 0) {
                    return new int[] { 1, 0 };
                }
            }
            return new int[] { (int) Math.max(Integer.MIN_VALUE / 2, lo), (int) Math.min(Integer.MAX_VALUE / 2, hi) };
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * The hull of the voxels with {@code labels[i] == label} (or of the non-zero mask voxels when labels is null).
     *
     * @param corners true: hull of the voxels' cube corners (contains every voxel cube); false: hull of the voxel
     *                centres (falls back to corners when the centres are coplanar)
     * @return the hull
     * @throws IllegalArgumentException if there is no such voxel
     */
    public static Hull ofVoxels(byte[] mask, int nz, int ny, int nx, int label, int[] labels, boolean corners) {
        List<int[]> rows = new ArrayList<>(); // {z, y, xFirst, xLast}
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                int first = -1;
                int last = -1;
                for (int x = 0; x < nx; x++) {
                    boolean in = labels != null ? labels[base + x] == label : mask[base + x] != 0;
                    if (in) {
                        if (first < 0) {
                            first = x;
                        }
                        last = x;
                    }
                }
                if (first >= 0) {
                    rows.add(new int[] { z, y, first, last });
                }
            }
        }
        return ofRows(rows, corners);
    }

    /**
     * The hull of voxel rows.
     *
     * @param rows    {z, y, xFirst, xLast} per row (the voxels between count too)
     * @param corners see {@link #ofVoxels}
     */
    public static Hull ofRows(List<int[]> rows, boolean corners) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no voxel to take the hull of");
        }
        if (!corners) {
            int n = rows.size() * 2;
            int[] px = new int[n];
            int[] py = new int[n];
            int[] pz = new int[n];
            int k = 0;
            for (int[] r : rows) {
                for (int x : new int[] { r[2], r[3] }) {
                    px[k] = 2 * x;
                    py[k] = 2 * r[1];
                    pz[k] = 2 * r[0];
                    k++;
                }
            }
            try {
                return of(px, py, pz);
            } catch (IllegalArgumentException coplanar) {
                return ofRows(rows, true);
            }
        }
        int n = rows.size() * 8;
        int[] px = new int[n];
        int[] py = new int[n];
        int[] pz = new int[n];
        int k = 0;
        for (int[] r : rows) {
            for (int s = 0; s < 8; s++) {
                px[k] = (s & 1) == 0 ? 2 * r[2] - 1 : 2 * r[3] + 1;
                py[k] = 2 * r[1] + ((s & 2) == 0 ? -1 : 1);
                pz[k] = 2 * r[0] + ((s & 4) == 0 ? -1 : 1);
                k++;
            }
        }
        return of(px, py, pz);
    }

    /**
     * Quickhull of integer points (|coordinate| ≤ 2²⁰).
     *
     * @return the hull; its arrays are the given points
     * @throws IllegalArgumentException if the points are all coplanar
     */
    public static Hull of(int[] px, int[] py, int[] pz) {
        return new Builder(px, py, pz).build();
    }

    private static final class Builder {
        final int[] px;
        final int[] py;
        final int[] pz;
        final int n;
        // faces
        int[][] tri = new int[64][];
        long[][] nrm = new long[64][];
        long[] off = new long[64];
        boolean[] alive = new boolean[64];
        int[][] outside = new int[64][];
        int[] outsideCount = new int[64];
        int faceCount;
        final Map<Long, Integer> edges = new HashMap<>(); // directed edge (a→b) → face

        Builder(int[] px, int[] py, int[] pz) {
            if (px.length != py.length || px.length != pz.length) {
                throw new IllegalArgumentException("coordinate arrays differ in length");
            }
            this.px = px;
            this.py = py;
            this.pz = pz;
            this.n = px.length;
        }

        Hull build() {
            int[] simplex = simplex();
            int a = simplex[0];
            int b = simplex[1];
            int c = simplex[2];
            int d = simplex[3];
            // orient so that d is below face (a, b, c)
            if (side(normal(a, b, c), a, d) > 0) {
                int t = b;
                b = c;
                c = t;
            }
            int f0 = addFace(a, b, c);
            int f1 = addFace(a, d, b);
            int f2 = addFace(b, d, c);
            int f3 = addFace(c, d, a);
            int[] first = { f0, f1, f2, f3 };
            int[] all = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (i != a && i != b && i != c && i != d) {
                    all[m++] = i;
                }
            }
            assign(Arrays.copyOf(all, m), first);
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (int f : first) {
                work.add(f);
            }
            while (!work.isEmpty()) {
                int f = work.poll();
                if (!alive[f] || outsideCount[f] == 0) {
                    continue;
                }
                int eye = farthest(f);
                int[] created = addPoint(f, eye);
                for (int g : created) {
                    if (outsideCount[g] > 0) {
                        work.add(g);
                    }
                }
            }
            List<int[]> faces = new ArrayList<>();
            List<long[]> normals = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            for (int f = 0; f < faceCount; f++) {
                if (alive[f]) {
                    faces.add(tri[f]);
                    normals.add(nrm[f]);
                    offsets.add(off[f]);
                }
            }
            return new Hull(px, py, pz, faces.toArray(int[][]::new), normals.toArray(long[][]::new),
                    offsets.stream().mapToLong(Long::longValue).toArray());
        }

        private int[] simplex() {
            if (n < 4) {
                throw new IllegalArgumentException("fewer than 4 points");
            }
            int a = 0;
            for (int i = 1; i < n; i++) {
                if (px[i] < px[a] || (px[i] == px[a] && (py[i] < py[a] || (py[i] == py[a] && pz[i] < pz[a])))) {
                    a = i;
                }
            }
            int b = -1;
            long best = 0;
            for (int i = 0; i < n; i++) {
                long dx = px[i] - px[a];
                long dy = py[i] - py[a];
                long dz = pz[i] - pz[a];
                long d2 = dx * dx + dy * dy + dz * dz;
                if (d2 > best) {
                    best = d2;
                    b = i;
                }
            }
            if (b < 0) {
                throw new IllegalArgumentException("all points coincide");
            }
            int c = -1;
            best = 0;
            for (int i = 0; i < n; i++) {
                long[] cr = cross(a, b, i);
                long c2 = cr[0] * cr[0] + cr[1] * cr[1] + cr[2] * cr[2];
                if (c2 > best) {
                    best = c2;
                    c = i;
                }
            }
            if (c < 0) {
                throw new IllegalArgumentException("all points are collinear");
            }
            long[] nabc = normal(a, b, c);
            int d = -1;
            best = 0;
            for (int i = 0; i < n; i++) {
                long s = Math.abs(side(nabc, a, i));
                if (s > best) {
                    best = s;
                    d = i;
                }
            }
            if (d < 0) {
                throw new IllegalArgumentException("all points are coplanar");
            }
            return new int[] { a, b, c, d };
        }

        private long[] cross(int a, int b, int c) {
            long ux = px[b] - px[a];
            long uy = py[b] - py[a];
            long uz = pz[b] - pz[a];
            long vx = px[c] - px[a];
            long vy = py[c] - py[a];
            long vz = pz[c] - pz[a];
            return new long[] { uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx };
        }

        private long[] normal(int a, int b, int c) {
            return cross(a, b, c);
        }

        /** n·(p_i − p_a): > 0 above the plane. */
        private long side(long[] nv, int a, int i) {
            return nv[0] * (px[i] - px[a]) + nv[1] * (py[i] - py[a]) + nv[2] * (pz[i] - pz[a]);
        }

        private long dot(int f, int i) {
            long[] nv = nrm[f];
            return nv[0] * px[i] + nv[1] * py[i] + nv[2] * pz[i];
        }

        private int addFace(int a, int b, int c) {
            if (faceCount == tri.length) {
                int size = faceCount * 2;
                tri = Arrays.copyOf(tri, size);
                nrm = Arrays.copyOf(nrm, size);
                off = Arrays.copyOf(off, size);
                alive = Arrays.copyOf(alive, size);
                outside = Arrays.copyOf(outside, size);
                outsideCount = Arrays.copyOf(outsideCount, size);
            }
            int f = faceCount++;
            tri[f] = new int[] { a, b, c };
            nrm[f] = normal(a, b, c);
            off[f] = dot(f, a);
            alive[f] = true;
            outside[f] = null;
            outsideCount[f] = 0;
            edges.put(key(a, b), f);
            edges.put(key(b, c), f);
            edges.put(key(c, a), f);
            return f;
        }

        private long key(int a, int b) {
            return (long) a * n + b;
        }

        private void assign(int[] points, int[] faces) {
            for (int i : points) {
                for (int f : faces) {
                    if (dot(f, i) > off[f]) {
                        if (outside[f] == null) {
                            outside[f] = new int[8];
                        } else if (outsideCount[f] == outside[f].length) {
                            outside[f] = Arrays.copyOf(outside[f], outside[f].length * 2);
                        }
                        outside[f][outsideCount[f]++] = i;
                        break;
                    }
                }
            }
        }

        private int farthest(int f) {
            long[] nv = nrm[f];
            double norm = Math.sqrt((double) nv[0] * nv[0] + (double) nv[1] * nv[1] + (double) nv[2] * nv[2]);
            int best = -1;
            double bestDistance = -1;
            for (int k = 0; k < outsideCount[f]; k++) {
                int i = outside[f][k];
                double distance = (dot(f, i) - off[f]) / norm;
                if (distance > bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best;
        }

        /** Adds {@code eye} (outside face f): removes the faces it sees and cones the horizon to it. */
        private int[] addPoint(int f0, int eye) {
            List<Integer> visible = new ArrayList<>();
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            Map<Integer, Boolean> seen = new HashMap<>();
            stack.push(f0);
            seen.put(f0, true);
            List<int[]> horizon = new ArrayList<>();
            while (!stack.isEmpty()) {
                int f = stack.pop();
                visible.add(f);
                int[] t = tri[f];
                for (int e = 0; e < 3; e++) {
                    int a = t[e];
                    int b = t[(e + 1) % 3];
                    Integer g = edges.get(key(b, a));
                    if (g == null) {
                        throw new IllegalStateException("open hull at edge " + a + "-" + b);
                    }
                    Boolean gVisible = seen.get(g);
                    if (gVisible == null) {
                        gVisible = dot(g, eye) > off[g];
                        seen.put(g, gVisible);
                        if (gVisible) {
                            stack.push(g);
                        }
                    }
                    if (!gVisible) {
                        horizon.add(new int[] { a, b });
                    }
                }
            }
            List<Integer> orphans = new ArrayList<>();
            for (int f : visible) {
                alive[f] = false;
                int[] t = tri[f];
                for (int e = 0; e < 3; e++) {
                    long k = key(t[e], t[(e + 1) % 3]);
                    Integer owner = edges.get(k);
                    if (owner != null && owner == f) {
                        edges.remove(k);
                    }
                }
                for (int k = 0; k < outsideCount[f]; k++) {
                    if (outside[f][k] != eye) {
                        orphans.add(outside[f][k]);
                    }
                }
                outside[f] = null;
                outsideCount[f] = 0;
            }
            int[] created = new int[horizon.size()];
            for (int k = 0; k < horizon.size(); k++) {
                int[] e = horizon.get(k);
                created[k] = addFace(e[0], e[1], eye);
            }
            assign(orphans.stream().mapToInt(Integer::intValue).toArray(), created);
            return created;
        }
    }
}
