package org.edgewise.recon.internal.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.edgewise.recon.ParallelBeamGeometry;

/**
 * A sum of uniform ellipsoids whose parallel-beam line integrals are known exactly, for tests and benchmarks
 * without the inverse crime (the sinogram never comes from our own projector). Internal: not part of the bundle's
 * API (the package is not exported); the tests of this bundle and its benchmark use it.
 * <p>
 * Coordinates are in voxels, measured from the volume centre as in {@link ParallelBeamGeometry}: {@code x} along
 * the last axis, {@code y} along the middle axis, {@code z} along the rotation axis (detector rows). Each
 * ellipsoid is rotated only about {@code z}, so its cross-section at any height is an ellipse and the line
 * integral along {@code x·cos θ + y·sin θ = s} is {@code 2ρab·√(A² - s'²)/A²} with {@code A² = a²cos²(θ-φ) +
 * b²sin²(θ-φ)} and {@code s'} the offset from the ellipse centre.
 */
public final class AnalyticPhantom {

    /**
     * One uniform ellipsoid.
     *
     * @param x0 centre x (voxels from the volume centre)
     * @param y0 centre y
     * @param z0 centre z
     * @param a semi-axis along the rotated x direction (voxels)
     * @param b semi-axis along the rotated y direction
     * @param c semi-axis along z; {@link Double#POSITIVE_INFINITY} for an infinite cylinder (a 2D ellipse)
     * @param phiDeg rotation about z, from +x towards +y, degrees
     * @param value attenuation added inside, per voxel length
     */
    public record Ellipsoid(double x0, double y0, double z0, double a, double b, double c, double phiDeg,
            double value) {

        /** Validates the semi-axes. */
        public Ellipsoid {
            if (!(a > 0 && b > 0 && c > 0)) {
                throw new IllegalArgumentException("semi-axes must be positive: " + a + ", " + b + ", " + c);
            }
        }

        /**
         * A 2D ellipse (infinite along z).
         *
         * @param x0 centre x
         * @param y0 centre y
         * @param a semi-axis along rotated x
         * @param b semi-axis along rotated y
         * @param phiDeg rotation in degrees
         * @param value attenuation per voxel length
         * @return the ellipse
         */
        public static Ellipsoid ellipse(double x0, double y0, double a, double b, double phiDeg, double value) {
            return new Ellipsoid(x0, y0, 0, a, b, Double.POSITIVE_INFINITY, phiDeg, value);
        }

        /** Squared scale of the cross-section at height z, or a negative number when z misses it. */
        double sectionScale2(double z) {
            if (Double.isInfinite(c)) {
                return 1;
            }
            double dz = (z - z0) / c;
            return 1 - dz * dz;
        }
    }

    // Modified Shepp-Logan (Toft 1996): value, a, b, x0, y0, phi, on [-1, 1] with y pointing up.
    private static final double[][] MODIFIED_SHEPP_LOGAN = {
        {1.0, 0.69, 0.92, 0, 0, 0},
        {-0.8, 0.6624, 0.8740, 0, -0.0184, 0},
        {-0.2, 0.1100, 0.3100, 0.22, 0, -18},
        {-0.2, 0.1600, 0.4100, -0.22, 0, 18},
        {0.1, 0.2100, 0.2500, 0, 0.35, 0},
        {0.1, 0.0460, 0.0460, 0, 0.1, 0},
        {0.1, 0.0460, 0.0460, 0, -0.1, 0},
        {0.1, 0.0460, 0.0230, -0.08, -0.605, 0},
        {0.1, 0.0230, 0.0230, 0, -0.606, 0},
        {0.1, 0.0230, 0.0460, 0.06, -0.605, 0},
    };

    private final List<Ellipsoid> ellipsoids;

    /**
     * @param ellipsoids the components (copied)
     */
    public AnalyticPhantom(List<Ellipsoid> ellipsoids) {
        this.ellipsoids = List.copyOf(Objects.requireNonNull(ellipsoids, "ellipsoids"));
    }

    /**
     * A uniform disc (infinite cylinder).
     *
     * @param x0 centre x in voxels from the slice centre
     * @param y0 centre y
     * @param radius radius in voxels
     * @param value attenuation per voxel length
     * @return the phantom
     */
    public static AnalyticPhantom disc(double x0, double y0, double radius, double value) {
        return new AnalyticPhantom(List.of(Ellipsoid.ellipse(x0, y0, radius, radius, 0, value)));
    }

    /**
     * The modified Shepp-Logan head phantom (Toft), as infinite cylinders, scaled so that the unit square maps to
     * {@code scale} voxels (use {@code n/2} for an {@code n}-wide slice) and drawn the usual way up when row 0 is
     * shown at the top.
     *
     * @param scale voxels per unit of the classic {@code [-1, 1]} coordinates
     * @param valueScale factor on the classic values (1 for the outer skull)
     * @return the phantom
     */
    public static AnalyticPhantom sheppLogan(double scale, double valueScale) {
        return sheppLogan3d(scale, Double.POSITIVE_INFINITY, valueScale);
    }

    /**
     * A 3D variant of the modified Shepp-Logan phantom: each ellipse becomes an ellipsoid with semi-axis
     * {@code zSemiAxis·b/0.92} along z (a rounded head), centred at z = 0.
     *
     * @param scale voxels per unit of the classic coordinates
     * @param zSemiAxis z semi-axis of the outer ellipsoid in voxels (infinite for cylinders)
     * @param valueScale factor on the classic values
     * @return the phantom
     */
    public static AnalyticPhantom sheppLogan3d(double scale, double zSemiAxis, double valueScale) {
        List<Ellipsoid> list = new ArrayList<>();
        for (double[] e : MODIFIED_SHEPP_LOGAN) {
            double c = Double.isInfinite(zSemiAxis) ? zSemiAxis : zSemiAxis * e[2] / 0.92;
            // classic y points up; our y index grows downwards, so mirror y and the rotation
            list.add(new Ellipsoid(e[3] * scale, -e[4] * scale, 0, e[1] * scale, e[2] * scale, c, -e[5],
                    e[0] * valueScale));
        }
        return new AnalyticPhantom(list);
    }

    /** @return the components */
    public List<Ellipsoid> ellipsoids() {
        return ellipsoids;
    }

    /**
     * The exact line integral along {@code x·cos θ + y·sin θ = s} at height {@code z}.
     *
     * @param s signed distance of the ray from the rotation axis, voxels
     * @param angleRad projection angle θ in radians
     * @param z height in voxels from the volume centre
     * @return the line integral, attenuation × voxels
     */
    public double lineIntegral(double s, double angleRad, double z) {
        double cs = Math.cos(angleRad);
        double sn = Math.sin(angleRad);
        double sum = 0;
        for (Ellipsoid e : ellipsoids) {
            double k2 = e.sectionScale2(z);
            if (k2 <= 0) {
                continue;
            }
            double gamma = angleRad - Math.toRadians(e.phiDeg());
            double cg = Math.cos(gamma);
            double sg = Math.sin(gamma);
            double a2 = e.a() * e.a() * k2;
            double b2 = e.b() * e.b() * k2;
            double w2 = a2 * cg * cg + b2 * sg * sg;
            double sp = s - (e.x0() * cs + e.y0() * sn);
            double d = w2 - sp * sp;
            if (d > 0) {
                sum += 2 * e.value() * Math.sqrt(a2 * b2) * Math.sqrt(d) / w2;
            }
        }
        return sum;
    }

    /**
     * The attenuation at a point.
     *
     * @param x voxels from the centre along x
     * @param y voxels from the centre along y
     * @param z voxels from the centre along z
     * @return attenuation per voxel length
     */
    public double value(double x, double y, double z) {
        double sum = 0;
        for (Ellipsoid e : ellipsoids) {
            double k2 = e.sectionScale2(z);
            if (k2 <= 0) {
                continue;
            }
            double phi = Math.toRadians(e.phiDeg());
            double dx = x - e.x0();
            double dy = y - e.y0();
            double u = (dx * Math.cos(phi) + dy * Math.sin(phi)) / e.a();
            double v = (-dx * Math.sin(phi) + dy * Math.cos(phi)) / e.b();
            if (u * u + v * v <= k2) {
                sum += e.value();
            }
        }
        return sum;
    }

    /**
     * The exact sinogram of one detector row, point-sampled at the column centres, for the given geometry
     * (centre and per-projection shifts included: projection {@code a} sees the object's axis at column
     * {@code centerColumn(a)}).
     *
     * @param geometry scan geometry
     * @param z height of the row in voxels from the volume centre
     * @return {@code [angle, column]} line integrals
     */
    public float[] sinogram(ParallelBeamGeometry geometry, double z) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        double[] anglesDeg = geometry.anglesDeg();
        float[] sino = new float[angles * columns];
        for (int a = 0; a < angles; a++) {
            double rad = Math.toRadians(anglesDeg[a]);
            double c = geometry.centerColumn(a);
            for (int u = 0; u < columns; u++) {
                sino[a * columns + u] = (float) lineIntegral(u - c, rad, z);
            }
        }
        return sino;
    }

    /**
     * The projections of detector rows {@code row0..row0+rows-1} of a detector with {@code totalRows} rows (row
     * {@code r} is at height {@code r - (totalRows-1)/2}).
     *
     * @param geometry scan geometry
     * @param totalRows detector height
     * @param row0 first row
     * @param rows number of rows
     * @return {@code [angle, row, column]}
     */
    public float[] projections(ParallelBeamGeometry geometry, int totalRows, int row0, int rows) {
        int angles = geometry.angleCount();
        int columns = geometry.columns();
        float[] out = new float[angles * rows * columns];
        for (int r = 0; r < rows; r++) {
            float[] sino = sinogram(geometry, row0 + r - (totalRows - 1) / 2.0);
            for (int a = 0; a < angles; a++) {
                System.arraycopy(sino, a * columns, out, (a * rows + r) * columns, columns);
            }
        }
        return out;
    }

    /**
     * The true slice, each voxel the mean of {@code supersample²} point samples.
     *
     * @param n slice size
     * @param z height in voxels from the volume centre
     * @param supersample samples per voxel and axis, {@code >= 1}
     * @return {@code [y, x]} attenuation per voxel length
     */
    public float[] slice(int n, double z, int supersample) {
        float[] out = new float[n * n];
        double vc = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double sum = 0;
                for (int sy = 0; sy < supersample; sy++) {
                    for (int sx = 0; sx < supersample; sx++) {
                        double px = x - vc - 0.5 + (sx + 0.5) / supersample;
                        double py = y - vc - 0.5 + (sy + 0.5) / supersample;
                        sum += value(px, py, z);
                    }
                }
                out[y * n + x] = (float) (sum / (supersample * supersample));
            }
        }
        return out;
    }
}
