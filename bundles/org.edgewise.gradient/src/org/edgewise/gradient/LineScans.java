package org.edgewise.gradient;

import java.util.ArrayList;
import java.util.List;

/**
 * Radial line scans through a particle's centre, as in the paper's Figure 4: one line along each volume axis
 * (x in the axial plane, y and z in the two vertical planes), Δμ of every element averaged over a small square
 * cross-section ({@code widthVoxels}) around the line, with the ratio and the calibrated fraction formed from those
 * averages and the depth below the hull at each point.
 * <pre>{@code
 * List<LineScans.Scan> scans = LineScans.through(deltaMu, hulls, depthUm, nz, ny, nx, label, centreVoxel, 3, cal);
 * }</pre>
 */
public final class LineScans {

    /** Axis names in the order of the scans: along x, y, z. */
    public static final List<String> AXES = List.of("x", "y", "z");

    private LineScans() {
    }

    /**
     * One line.
     *
     * @param particle   the particle
     * @param axis       {@code x}, {@code y} or {@code z}
     * @param positionUm signed distance from the centre along the axis, µm
     * @param depthUm    depth below the hull at each point, µm (0 outside)
     * @param deltaMu    [element by {@code Element.ordinal()}][point], 1/µm
     * @param ratio      [element][point]
     * @param fraction   [element][point]
     */
    public record Scan(int particle, String axis, double[] positionUm, double[] depthUm, double[][] deltaMu,
            double[][] ratio, double[][] fraction) {
    }

    /**
     * @param deltaMu     three flat Δμ volumes by {@code Element.ordinal()}
     * @param hulls       flat hull labels
     * @param depthUm     flat depth map, µm
     * @param label       the particle
     * @param centreVoxel its centre {z, y, x}, voxels
     * @param widthVoxels edge of the averaged cross-section, voxels (1 = the line alone)
     * @param voxelUm     voxel size, µm
     * @param calibration the calibration for the fractions
     * @return the scans along x, y and z, each over the points inside the particle's hull plus two voxels either side
     */
    public static List<Scan> through(float[][] deltaMu, int[] hulls, float[] depthUm, int nz, int ny, int nx,
            int label, double[] centreVoxel, int widthVoxels, double voxelUm, Calibration calibration) {
        int[] n = { nz, ny, nx };
        int[] c = { (int) Math.round(centreVoxel[0]), (int) Math.round(centreVoxel[1]),
            (int) Math.round(centreVoxel[2]) };
        for (int a = 0; a < 3; a++) {
            c[a] = Math.max(0, Math.min(n[a] - 1, c[a]));
        }
        List<Scan> scans = new ArrayList<>();
        int half = widthVoxels / 2;
        for (int axis = 2; axis >= 0; axis--) { // x, y, z
            int lo = c[axis];
            int hi = c[axis];
            while (lo > 0 && hulls[index(c, axis, lo - 1, n)] == label) {
                lo--;
            }
            while (hi < n[axis] - 1 && hulls[index(c, axis, hi + 1, n)] == label) {
                hi++;
            }
            lo = Math.max(0, lo - 2);
            hi = Math.min(n[axis] - 1, hi + 2);
            int points = hi - lo + 1;
            double[] position = new double[points];
            double[] depth = new double[points];
            double[][] d = new double[3][points];
            double[][] ratio = new double[3][points];
            double[][] fraction = new double[3][points];
            int[] p1 = new int[3];
            for (int k = 0; k < points; k++) {
                int t = lo + k;
                position[k] = (t - centreVoxel[axis]) * voxelUm;
                depth[k] = depthUm[index(c, axis, t, n)];
                int count = 0;
                // the two axes across the line
                int u = (axis + 1) % 3;
                int v = (axis + 2) % 3;
                for (int du = -half; du <= half; du++) {
                    for (int dv = -half; dv <= half; dv++) {
                        p1[axis] = t;
                        p1[u] = c[u] + du;
                        p1[v] = c[v] + dv;
                        if (p1[u] < 0 || p1[u] >= n[u] || p1[v] < 0 || p1[v] >= n[v]) {
                            continue;
                        }
                        int i = (p1[0] * ny + p1[1]) * nx + p1[2];
                        for (int e = 0; e < 3; e++) {
                            d[e][k] += deltaMu[e][i];
                        }
                        count++;
                    }
                }
                double[] mean = new double[3];
                for (int e = 0; e < 3; e++) {
                    d[e][k] /= Math.max(1, count);
                    mean[e] = d[e][k];
                }
                double[] r = Calibration.ratios(mean);
                double[] x = calibration.fractions(mean);
                boolean in = depth[k] > 0;
                for (int e = 0; e < 3; e++) {
                    ratio[e][k] = in ? r[e] : Double.NaN;
                    fraction[e][k] = in ? x[e] : Double.NaN;
                }
            }
            scans.add(new Scan(label, AXES.get(2 - axis), position, depth, d, ratio, fraction));
        }
        return scans;
    }

    private static int index(int[] centre, int axis, int t, int[] n) {
        int[] p = centre.clone();
        p[axis] = t;
        return (p[0] * n[1] + p[1]) * n[2] + p[2];
    }
}
