package org.edgewise.physics.phantom;

/**
 * Exact geometry of axis-aligned ellipsoids centred at the origin: ray chords and the Euclidean distance from an
 * interior point to the surface.
 */
public final class Ellipsoids {

    private Ellipsoids() {
    }

    /**
     * The parameter interval where the line {@code p + t·u} lies inside the ellipsoid
     * {@code (x/a)² + (y/b)² + (z/c)² ≤ 1}.
     *
     * @param p   a point on the line (3 values, µm)
     * @param u   the direction (3 values; with a unit vector, t is a length in µm)
     * @param a   semi-axis along x
     * @param b   semi-axis along y
     * @param c   semi-axis along z
     * @param out receives {@code t0 ≤ t1} when the line hits
     * @return whether the line meets the ellipsoid
     */
    public static boolean chord(double[] p, double[] u, double a, double b, double c, double[] out) {
        double ia = 1 / (a * a);
        double ib = 1 / (b * b);
        double ic = 1 / (c * c);
        double qa = u[0] * u[0] * ia + u[1] * u[1] * ib + u[2] * u[2] * ic;
        double qb = p[0] * u[0] * ia + p[1] * u[1] * ib + p[2] * u[2] * ic; // half of B
        double qc = p[0] * p[0] * ia + p[1] * p[1] * ib + p[2] * p[2] * ic - 1;
        double disc = qb * qb - qa * qc;
        if (disc <= 0) {
            return false;
        }
        double root = Math.sqrt(disc);
        // numerically stable pair of roots
        double q = qb >= 0 ? -(qb + root) : -(qb - root);
        double t0 = q / qa;
        double t1 = q != 0 ? qc / q : -t0;
        out[0] = Math.min(t0, t1);
        out[1] = Math.max(t0, t1);
        return true;
    }

    /**
     * The parameter interval of the line {@code p + t·u} inside a sphere.
     *
     * @return whether the line meets the sphere
     */
    public static boolean sphereChord(double[] p, double[] u, double cx, double cy, double cz, double r,
            double[] out) {
        double dx = p[0] - cx;
        double dy = p[1] - cy;
        double dz = p[2] - cz;
        double qa = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
        double qb = dx * u[0] + dy * u[1] + dz * u[2];
        double qc = dx * dx + dy * dy + dz * dz - r * r;
        double disc = qb * qb - qa * qc;
        if (disc <= 0) {
            return false;
        }
        double root = Math.sqrt(disc);
        out[0] = (-qb - root) / qa;
        out[1] = (-qb + root) / qa;
        return true;
    }

    /**
     * Euclidean distance from a point inside (or on) an ellipsoid to its surface, by Newton's method on the Lagrange
     * parameter (Eberly, "Distance from a point to an ellipse, an ellipsoid, or a hyperellipsoid").
     *
     * @param x point, µm (any signs)
     * @param y point, µm
     * @param z point, µm
     * @param a semi-axis along x, µm
     * @param b semi-axis along y, µm
     * @param c semi-axis along z, µm
     * @return the distance, µm; 0 for points outside
     */
    public static double depthBelowSurface(double x, double y, double z, double a, double b, double c) {
        double[] e = { a, b, c };
        double[] yv = { Math.abs(x), Math.abs(y), Math.abs(z) };
        if (yv[0] * yv[0] / (a * a) + yv[1] * yv[1] / (b * b) + yv[2] * yv[2] / (c * c) >= 1) {
            return 0;
        }
        double emax = Math.max(a, Math.max(b, c));
        double emin = Math.min(a, Math.min(b, c));
        for (int i = 0; i < 3; i++) {
            // a zero coordinate along the shortest axis makes the root degenerate; a tiny offset keeps it regular
            yv[i] = Math.max(yv[i], 1e-12 * emax);
        }
        // solve for s = t + emin² > 0 rather than t: this keeps full relative precision when the root lies close
        // to −emin² (points near the shortest axis)
        double[] offset = new double[3];
        for (int i = 0; i < 3; i++) {
            offset[i] = e[i] * e[i] - emin * emin;
        }
        // F(s) = Σ (e_i y_i / (s + offset_i))² − 1 is convex and decreasing in s. Newton started at the largest
        // single-term root (where one term alone is 1, so F ≥ 0: left of the root) converges monotonically.
        double s = Double.MIN_NORMAL;
        for (int i = 0; i < 3; i++) {
            s = Math.max(s, e[i] * yv[i] - offset[i]);
        }
        for (int iter = 0; iter < 100; iter++) {
            double f = -1;
            double df = 0;
            for (int i = 0; i < 3; i++) {
                double q = e[i] * yv[i] / (s + offset[i]);
                f += q * q;
                df -= 2 * q * q / (s + offset[i]);
            }
            if (f <= 0) {
                break;
            }
            double step = -f / df;
            s += step;
            if (step <= 1e-15 * s) {
                break;
            }
        }
        double d2 = 0;
        for (int i = 0; i < 3; i++) {
            double xi = e[i] * e[i] * yv[i] / (s + offset[i]);
            d2 += (xi - yv[i]) * (xi - yv[i]);
        }
        return Math.sqrt(d2);
    }

    /**
     * The shape matrix of a rotated ellipsoid: {@code Σ = R·diag(a², b², c²)·Rᵀ}, so that the ellipsoid is
     * {@code xᵀ Σ⁻¹ x ≤ 1} about its centre and its half-extent along a unit vector {@code n} is {@code √(nᵀ Σ n)}.
     *
     * @param semiAxesUm the semi-axes along the local axes, µm
     * @param rotation   local-to-world rotation, row-major 3×3 (columns are the local axes in world coordinates)
     * @return Σ, row-major 3×3, µm²
     */
    public static double[] shapeMatrix(double[] semiAxesUm, double[] rotation) {
        double[] sigma = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += rotation[3 * i + k] * semiAxesUm[k] * semiAxesUm[k] * rotation[3 * j + k];
                }
                sigma[3 * i + j] = v;
            }
        }
        return sigma;
    }

    /**
     * The Perram–Wertheim contact scale of two ellipsoids: grown or shrunk by the same factor about their own
     * centres, they touch when the factor equals the returned value. Above 1 they are apart (a value of 1.05 means
     * they could each grow by 5 % before touching), 1 means touching, below 1 overlapping. It scales linearly with
     * the distance of the centres: at {@code t·offset} it is {@code t} times the value at {@code offset}.
     * <p>
     * It is {@code √max F(λ)} over λ ∈ (0, 1) with {@code F(λ) = λ(1−λ)·rᵀ[(1−λ)Σ_A + λΣ_B]⁻¹r}, a concave function
     * with a single maximum (Perram and Wertheim, J. Comput. Phys. 58, 409 (1985)), found here by golden-section
     * search.
     *
     * @param offsetUm centre of B minus centre of A, µm
     * @param sigmaA   A's {@link #shapeMatrix}, µm²
     * @param sigmaB   B's shape matrix, µm²
     * @return the contact scale, ≥ 0
     */
    public static double contactScale(double[] offsetUm, double[] sigmaA, double[] sigmaB) {
        double invPhi = (Math.sqrt(5) - 1) / 2;
        double lo = 0;
        double hi = 1;
        double x1 = hi - invPhi * (hi - lo);
        double x2 = lo + invPhi * (hi - lo);
        double f1 = contactFunction(x1, offsetUm, sigmaA, sigmaB);
        double f2 = contactFunction(x2, offsetUm, sigmaA, sigmaB);
        for (int iter = 0; iter < 80 && hi - lo > 1e-13; iter++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + invPhi * (hi - lo);
                f2 = contactFunction(x2, offsetUm, sigmaA, sigmaB);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - invPhi * (hi - lo);
                f1 = contactFunction(x1, offsetUm, sigmaA, sigmaB);
            }
        }
        return Math.sqrt(Math.max(f1, f2));
    }

    private static double contactFunction(double lambda, double[] r, double[] sigmaA, double[] sigmaB) {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = (1 - lambda) * sigmaA[i] + lambda * sigmaB[i];
        }
        // rᵀ M⁻¹ r through the adjugate: M is symmetric positive definite
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double c11 = m[0] * m[8] - m[2] * m[6];
        double c12 = m[2] * m[3] - m[0] * m[5];
        double c22 = m[0] * m[4] - m[1] * m[3];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        double quadratic = r[0] * r[0] * c00 + r[1] * r[1] * c11 + r[2] * r[2] * c22
                + 2 * (r[0] * r[1] * c01 + r[0] * r[2] * c02 + r[1] * r[2] * c12);
        return lambda * (1 - lambda) * quadratic / det;
    }

    /** @return the volume of an ellipsoid, µm³ */
    public static double volume(double a, double b, double c) {
        return 4.0 / 3.0 * Math.PI * a * b * c;
    }
}
