package org.edgewise.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shape metrics of labelled particles: volume, equivalent diameter, minimum Feret diameter and the largest Feret
 * diameter orthogonal to it, centroid, and whether the field of view cuts the particle.
 * <p>
 * Feret diameters are calipers of the hull of the voxel centres plus one voxel (a centre stands for a cube; the
 * surface lies half a voxel beyond the outermost centres). The minimum caliper of a polyhedron lies along a face
 * normal or an edge–edge direction: every face normal is tried, then a dense set of directions, and the best
 * directions are refined locally. The largest caliper orthogonal to it is the diameter of the hull projected on the
 * orthogonal plane.
 * <pre>{@code
 * List<ParticleMetrics.Metrics> rows = ParticleMetrics.measure(labels, solid, nz, ny, nx, n, 0.049);
 * }</pre>
 */
public final class ParticleMetrics {

    private static final int DIRECTIONS = 2000;

    private ParticleMetrics() {
    }

    /**
     * Metrics of one particle; lengths in µm, volumes in µm³, centroid {z, y, x} in µm from voxel [0, 0, 0].
     *
     * @param label            the particle's label
     * @param voxels           voxels of the envelope (the label, holes filled)
     * @param solidVoxels      voxels of the label that are material ({@code solid} mask), = voxels without one
     * @param volumeUm3        envelope volume
     * @param solidVolumeUm3   material volume
     * @param equivDiameterUm  diameter of the sphere of the envelope volume
     * @param feretMinUm       smallest caliper diameter
     * @param feretMaxOrthUm   largest caliper diameter orthogonal to the smallest
     * @param feretRatio       feretMin / feretMaxOrth
     * @param centroidUm       envelope centroid {z, y, x}
     * @param cutByFieldOfView whether the particle touches a face of the volume
     */
    public record Metrics(int label, long voxels, long solidVoxels, double volumeUm3, double solidVolumeUm3,
            double equivDiameterUm, double feretMinUm, double feretMaxOrthUm, double feretRatio, double[] centroidUm,
            boolean cutByFieldOfView) {
    }

    /**
     * @param labels  flat labels [z, y, x], 1..n
     * @param solid   flat material mask, or null when the labels are all material
     * @param n       the largest label
     * @param voxelUm isotropic voxel size, µm
     * @return one entry per label that has voxels, in label order
     */
    public static List<Metrics> measure(int[] labels, byte[] solid, int nz, int ny, int nx, int n, double voxelUm) {
        long[] count = new long[n + 1];
        long[] solidCount = new long[n + 1];
        double[][] sum = new double[n + 1][3];
        int[][] box = new int[n + 1][];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                for (int x = 0; x < nx; x++) {
                    int l = labels[base + x];
                    if (l <= 0) {
                        continue;
                    }
                    count[l]++;
                    if (solid == null || solid[base + x] != 0) {
                        solidCount[l]++;
                    }
                    sum[l][0] += z;
                    sum[l][1] += y;
                    sum[l][2] += x;
                    Labelling.extendBox(box, l, z, y, x);
                }
            }
        }
        boolean[] cut = Labelling.touchingBorder(labels, nz, ny, nx, n);
        double voxel3 = voxelUm * voxelUm * voxelUm;
        Metrics[] out = new Metrics[n + 1];
        IntStream.rangeClosed(1, n).parallel().filter(l -> count[l] > 0).forEach(l -> {
            ConvexHulls.Hull hull = hullOf(labels, nz, ny, nx, l, box[l], false);
            double[] feret = feret(hull);
            double volume = count[l] * voxel3;
            out[l] = new Metrics(l, count[l], solidCount[l], volume, solidCount[l] * voxel3,
                    Math.cbrt(6 * volume / Math.PI), feret[0] * voxelUm, feret[1] * voxelUm, feret[0] / feret[1],
                    new double[] { sum[l][0] / count[l] * voxelUm, sum[l][1] / count[l] * voxelUm,
                        sum[l][2] / count[l] * voxelUm },
                    cut[l]);
        });
        List<Metrics> list = new ArrayList<>();
        for (int l = 1; l <= n; l++) {
            if (out[l] != null) {
                list.add(out[l]);
            }
        }
        return list;
    }

    /**
     * The hull of one label inside its bounding box.
     *
     * @param box {z0, z1, y0, y1, x0, x1} inclusive
     */
    static ConvexHulls.Hull hullOf(int[] labels, int nz, int ny, int nx, int label, int[] box, boolean corners) {
        List<int[]> rows = new ArrayList<>();
        for (int z = box[0]; z <= box[1]; z++) {
            for (int y = box[2]; y <= box[3]; y++) {
                int base = (z * ny + y) * nx;
                int first = -1;
                int last = -1;
                for (int x = box[4]; x <= box[5]; x++) {
                    if (labels[base + x] == label) {
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
        return ConvexHulls.ofRows(rows, corners);
    }

    /**
     * Minimum caliper and the largest caliper orthogonal to it of a hull of voxel centres, plus one voxel each.
     *
     * @return {feretMin, feretMaxOrth, ux, uy, uz} in voxels; u is the direction of the minimum caliper (x, y, z)
     */
    public static double[] feret(ConvexHulls.Hull hull) {
        int[] vi = hull.vertices();
        int m = vi.length;
        double[] vx = new double[m];
        double[] vy = new double[m];
        double[] vz = new double[m];
        for (int k = 0; k < m; k++) {
            vx[k] = hull.x()[vi[k]] / 2.0;
            vy[k] = hull.y()[vi[k]] / 2.0;
            vz[k] = hull.z()[vi[k]] / 2.0;
        }
        List<double[]> candidates = new ArrayList<>();
        for (long[] nrm : hull.normal()) {
            double len = Math.sqrt((double) nrm[0] * nrm[0] + (double) nrm[1] * nrm[1] + (double) nrm[2] * nrm[2]);
            if (len > 0) {
                candidates.add(new double[] { nrm[0] / len, nrm[1] / len, nrm[2] / len });
            }
        }
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < DIRECTIONS; k++) {
            double z = 1 - (k + 0.5) / DIRECTIONS; // upper hemisphere suffices: width(u) = width(−u)
            double r = Math.sqrt(1 - z * z);
            candidates.add(new double[] { r * Math.cos(golden * k), r * Math.sin(golden * k), z });
        }
        double[] widths = new double[candidates.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(candidates.get(c), vx, vy, vz);
        }
        Integer[] idx = new Integer[widths.length];
        for (int c = 0; c < idx.length; c++) {
            idx[c] = c;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(widths[a], widths[b]));
        double best = Double.POSITIVE_INFINITY;
        double[] bestU = null;
        for (int k = 0; k < Math.min(8, idx.length); k++) {
            double[] u = candidates.get(idx[k]).clone();
            double w = refine(u, vx, vy, vz);
            if (w < best) {
                best = w;
                bestU = u;
            }
        }
        double maxOrth = orthogonalDiameter(bestU, vx, vy, vz);
        return new double[] { best + 1, maxOrth + 1, bestU[0], bestU[1], bestU[2] };
    }

    static double width(double[] u, double[] vx, double[] vy, double[] vz) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < vx.length; k++) {
            double p = u[0] * vx[k] + u[1] * vy[k] + u[2] * vz[k];
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        return hi - lo;
    }

    /** Pattern search on the sphere around u (updated in place); returns the width reached. */
    private static double refine(double[] u, double[] vx, double[] vy, double[] vz) {
        double w = width(u, vx, vy, vz);
        double step = 0.05;
        double[] e1 = new double[3];
        double[] e2 = new double[3];
        while (step > 1e-7) {
            basis(u, e1, e2);
            boolean improved = false;
            for (int k = 0; k < 8; k++) {
                double ang = k * Math.PI / 4;
                double[] t = new double[3];
                for (int i = 0; i < 3; i++) {
                    t[i] = u[i] + step * (Math.cos(ang) * e1[i] + Math.sin(ang) * e2[i]);
                }
                double len = Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
                for (int i = 0; i < 3; i++) {
                    t[i] /= len;
                }
                double wt = width(t, vx, vy, vz);
                if (wt < w) {
                    w = wt;
                    System.arraycopy(t, 0, u, 0, 3);
                    improved = true;
                    break;
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return w;
    }

    private static void basis(double[] u, double[] e1, double[] e2) {
        double[] a = Math.abs(u[0]) < 0.9 ? new double[] { 1, 0, 0 } : new double[] { 0, 1, 0 };
        e1[0] = u[1] * a[2] - u[2] * a[1];
        e1[1] = u[2] * a[0] - u[0] * a[2];
        e1[2] = u[0] * a[1] - u[1] * a[0];
        double len = Math.sqrt(e1[0] * e1[0] + e1[1] * e1[1] + e1[2] * e1[2]);
        for (int i = 0; i < 3; i++) {
            e1[i] /= len;
        }
        e2[0] = u[1] * e1[2] - u[2] * e1[1];
        e2[1] = u[2] * e1[0] - u[0] * e1[2];
        e2[2] = u[0] * e1[1] - u[1] * e1[0];
    }

    /** Diameter of the points projected on the plane orthogonal to u. */
    static double orthogonalDiameter(double[] u, double[] vx, double[] vy, double[] vz) {
        double[] e1 = new double[3];
        double[] e2 = new double[3];
        basis(u, e1, e2);
        int m = vx.length;
        double[][] p = new double[m][2];
        for (int k = 0; k < m; k++) {
            p[k][0] = e1[0] * vx[k] + e1[1] * vy[k] + e1[2] * vz[k];
            p[k][1] = e2[0] * vx[k] + e2[1] * vy[k] + e2[2] * vz[k];
        }
        double[][] h = hull2d(p);
        double best = 0;
        for (int i = 0; i < h.length; i++) {
            for (int j = i + 1; j < h.length; j++) {
                double dx = h[i][0] - h[j][0];
                double dy = h[i][1] - h[j][1];
                best = Math.max(best, dx * dx + dy * dy);
            }
        }
        return Math.sqrt(best);
    }

    /** Andrew's monotone chain. */
    private static double[][] hull2d(double[][] p) {
        double[][] s = p.clone();
        Arrays.sort(s, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        if (s.length < 3) {
            return s;
        }
        double[][] h = new double[2 * s.length][];
        int k = 0;
        for (double[] q : s) {
            while (k >= 2 && turn(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        for (int i = s.length - 2, t = k + 1; i >= 0; i--) {
            double[] q = s[i];
            while (k >= t && turn(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        return Arrays.copyOf(h, Math.max(1, k - 1));
    }

    private static double turn(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
