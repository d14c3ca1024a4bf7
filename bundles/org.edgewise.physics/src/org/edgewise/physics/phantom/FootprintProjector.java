package org.edgewise.physics.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact parallel-beam projections of many particles, fast enough for a full-size field: at each angle every particle
 * is projected once into its own footprint (the detector rectangle its ellipsoid can shade), and only the rays in
 * that rectangle are traced through its shells and pores. The values are the same analytic line integrals as
 * {@link Projector}'s (same ray per pixel, see {@link ScanGeometry}); only the arithmetic is arranged differently:
 * <ul>
 * <li>each ray is written in the particle's frame as {@code σ·e + ζ·w + τ·u} with σ, ζ its detector coordinates
 * relative to the particle's projected centre, so the discriminant of shell k is a quadratic in σ whose coefficients
 * are set once per detector row, and the chord through shell k costs one square root;</li>
 * <li>pores are checked only where the ray passes within their radius, via their projected centres;</li>
 * <li>where two particles interpenetrate ({@link Field.Contact} with scale below 1) the shared lens is counted once,
 * as material of the lower id: the higher id's material inside the other's envelope is subtracted ray by ray.</li>
 * </ul>
 * Rays are in {@code double}; a pixel is the sum over particles in id order, stored as {@code float}, as in
 * {@link Projector}.
 */
public final class FootprintProjector {

    private final Body[] bodies;
    private final int maxShells;
    private final int maxPores;
    private final int maxPartners;

    /**
     * @param particles the particles (any ids; lenses are assigned by id)
     * @param contacts  particle pairs in contact; those with a scale below 1 share a lens
     * @param energyKev beam energy, keV
     */
    public FootprintProjector(List<Particle> particles, List<Field.Contact> contacts, double energyKev) {
        bodies = new Body[particles.size()];
        int shells = 1;
        int pores = 0;
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = new Body(particles.get(i), energyKev);
            shells = Math.max(shells, bodies[i].shells);
            pores = Math.max(pores, bodies[i].poreRadius.length);
        }
        for (Field.Contact contact : contacts) {
            if (contact.scale() < 1) {
                Body first = byId(contact.first());
                Body second = byId(contact.second());
                Body higher = first.id > second.id ? first : second;
                Body lower = higher == first ? second : first;
                higher.lensPartners.add(lower);
            }
        }
        maxShells = shells;
        maxPores = pores;
        int partners = 0;
        for (Body b : bodies) {
            partners = Math.max(partners, b.lensPartners.size());
        }
        maxPartners = partners;
    }

    /** @param phantom particles without contacts (the classic simulator's) */
    public FootprintProjector(Phantom phantom, double energyKev) {
        this(phantom.particles(), List.of(), energyKev);
    }

    private Body byId(int id) {
        for (Body b : bodies) {
            if (b.id == id) {
                return b;
            }
        }
        throw new IllegalArgumentException("contact names particle " + id + ", which is not in the field");
    }

    /** Working memory of one thread. */
    public final class Scratch {
        private double[] fine = new double[0];
        private final double[] qa = new double[maxShells];
        private final double[] inverseQa = new double[maxShells];
        private final double[] be = new double[maxShells];
        private final double[] bw = new double[maxShells];
        private final double[] ee = new double[maxShells];
        private final double[] ew = new double[maxShells];
        private final double[] ww = new double[maxShells];
        private final double[] gain = new double[maxShells];
        private final double[] d0 = new double[maxShells];
        private final double[] d1 = new double[maxShells];
        private final double[] d2 = new double[maxShells];
        private final double[] poreSigma = new double[maxPores];
        private final double[] poreZeta = new double[maxPores];
        private final double[] poreTau = new double[maxPores];
        private final int[] rowPores = new int[maxPores];
        private double[] sigmas = new double[0];
        private double[] rowSum = new double[0];
        private final View[] partners = new View[maxPartners];

        private Scratch() {
            for (int i = 0; i < partners.length; i++) {
                partners[i] = new View();
            }
        }
    }

    /** @return working memory for one thread's calls of {@link #project(ScanGeometry, int, int, Scratch, float[])} */
    public Scratch newScratch() {
        return new Scratch();
    }

    /**
     * All projections of a scan (for small scans and tests; a large scan is projected angle by angle).
     *
     * @param geometry   the scan geometry
     * @param subsamples rays per pixel along each direction (as in {@link Projector})
     * @return line integrals {@code [angle, row, column]}, dimensionless
     */
    public float[][][] project(ScanGeometry geometry, int subsamples) {
        int angles = geometry.anglesDeg().length;
        float[][][] out = new float[angles][geometry.rows()][geometry.columns()];
        IntStream.range(0, angles).parallel().forEach(a -> {
            float[] frame = new float[geometry.rows() * geometry.columns()];
            project(geometry, a, subsamples, newScratch(), frame);
            for (int r = 0; r < geometry.rows(); r++) {
                System.arraycopy(frame, r * geometry.columns(), out[a][r], 0, geometry.columns());
            }
        });
        return out;
    }

    /**
     * One projection.
     *
     * @param geometry   the scan geometry
     * @param angle      projection index
     * @param subsamples rays per pixel along each direction (1 = pixel centre; n = an n×n grid whose transmissions
     *                   are averaged)
     * @param scratch    this thread's working memory
     * @param out        receives {@code −ln(mean transmission)} per pixel, {@code [row, column]} row-major
     */
    public void project(ScanGeometry geometry, int angle, int subsamples, Scratch scratch, float[] out) {
        int n = Math.max(1, subsamples);
        int rows = geometry.rows();
        int columns = geometry.columns();
        int fineRows = rows * n;
        int fineColumns = columns * n;
        if (scratch.fine.length < fineRows * fineColumns) {
            scratch.fine = new double[fineRows * fineColumns];
        }
        double[] fine = scratch.fine;
        Arrays.fill(fine, 0, fineRows * fineColumns, 0);
        double theta = Math.toRadians(geometry.anglesDeg()[angle]);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double pixel = geometry.truePixelUm();
        double columnOrigin = geometry.rotationCentrePx() + geometry.jitterColPx()[angle];
        double rowOrigin = (rows - 1) / 2.0 + geometry.jitterRowPx()[angle];
        Frame frame = new Frame(n, fineRows, fineColumns, pixel, columnOrigin, rowOrigin);
        for (Body body : bodies) {
            body.project(cos, sin, frame, scratch, fine);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (n == 1) {
                    out[r * columns + c] = (float) fine[r * fineColumns + c];
                    continue;
                }
                double transmission = 0;
                for (int sr = 0; sr < n; sr++) {
                    int base = (r * n + sr) * fineColumns + c * n;
                    for (int sc = 0; sc < n; sc++) {
                        transmission += Math.exp(-fine[base + sc]);
                    }
                }
                out[r * columns + c] = (float) -Math.log(transmission / (n * n));
            }
        }
    }

    /** Where the rays of one projection are: fine (sub-sampled) detector indices to s and z, µm. */
    private record Frame(int n, int rows, int columns, double pixel, double columnOrigin, double rowOrigin) {
        double s(int fineColumn) {
            return ((fineColumn + 0.5) / n - 0.5 - columnOrigin) * pixel;
        }

        double z(int fineRow) {
            return ((fineRow + 0.5) / n - 0.5 - rowOrigin) * pixel;
        }

        int firstColumn(double sUm) {
            return Math.max(0, (int) Math.ceil((sUm / pixel + columnOrigin + 0.5) * n - 0.5) - 1);
        }

        int lastColumn(double sUm) {
            return Math.min(columns - 1, (int) Math.floor((sUm / pixel + columnOrigin + 0.5) * n - 0.5) + 1);
        }

        int firstRow(double zUm) {
            return Math.max(0, (int) Math.ceil((zUm / pixel + rowOrigin + 0.5) * n - 0.5) - 1);
        }

        int lastRow(double zUm) {
            return Math.min(rows - 1, (int) Math.floor((zUm / pixel + rowOrigin + 0.5) * n - 0.5) + 1);
        }
    }

    /** One particle's outer envelope seen at one angle (for the lens of an interpenetrating pair). */
    private static final class View {
        double sCentre;
        double zCentre;
        double halfS;
        double halfZ;
        double depthOffset; // c·d: world ray parameter t = τ + depthOffset
        double qa;
        double be;
        double bw;
        double ee;
        double ew;
        double ww;

        void set(Body body, double cos, double sin) {
            double[] e = new double[3];
            double[] w = new double[3];
            double[] u = new double[3];
            body.triad(cos, sin, e, w, u);
            sCentre = body.cx * cos + body.cy * sin;
            zCentre = body.cz;
            depthOffset = -body.cx * sin + body.cy * cos;
            halfS = body.halfExtent(e);
            halfZ = body.halfExtent(w);
            double ia = body.ia[0];
            double ib = body.ib[0];
            double ic = body.ic[0];
            qa = u[0] * u[0] * ia + u[1] * u[1] * ib + u[2] * u[2] * ic;
            be = e[0] * u[0] * ia + e[1] * u[1] * ib + e[2] * u[2] * ic;
            bw = w[0] * u[0] * ia + w[1] * u[1] * ib + w[2] * u[2] * ic;
            ee = e[0] * e[0] * ia + e[1] * e[1] * ib + e[2] * e[2] * ic;
            ew = e[0] * w[0] * ia + e[1] * w[1] * ib + e[2] * w[2] * ic;
            ww = w[0] * w[0] * ia + w[1] * w[1] * ib + w[2] * w[2] * ic;
        }

        /** @return {t0, t1} world ray parameters inside the envelope, or null */
        boolean chord(double s, double z, double[] out) {
            double sigma = s - sCentre;
            double zeta = z - zCentre;
            if (Math.abs(sigma) >= halfS || Math.abs(zeta) >= halfZ) {
                return false;
            }
            double qb = sigma * be + zeta * bw;
            double qc = sigma * sigma * ee + 2 * sigma * zeta * ew + zeta * zeta * ww - 1;
            double disc = qb * qb - qa * qc;
            if (disc <= 0) {
                return false;
            }
            double root = Math.sqrt(disc);
            out[0] = (-qb - root) / qa + depthOffset;
            out[1] = (-qb + root) / qa + depthOffset;
            return true;
        }
    }

    /** A particle's geometry and attenuation, prepared once. */
    private static final class Body {
        final int id;
        final double cx;
        final double cy;
        final double cz;
        final double[] rotation;
        final double[] axes2;
        final int shells;
        final double[] ia;
        final double[] ib;
        final double[] ic;
        final double[] increments;
        final double[] attenuation; // μ of shell k = increments 0..k summed
        final double[] poreX;
        final double[] poreY;
        final double[] poreZ;
        final double[] poreRadius;
        final List<Body> lensPartners = new ArrayList<>();

        Body(Particle particle, double energyKev) {
            id = particle.id();
            cx = particle.centreUm().x();
            cy = particle.centreUm().y();
            cz = particle.centreUm().z();
            rotation = particle.rotation();
            double[] s = particle.semiAxesUm();
            axes2 = new double[] { s[0] * s[0], s[1] * s[1], s[2] * s[2] };
            double[] depths = particle.shellDepthsUm();
            shells = depths.length;
            ia = new double[shells];
            ib = new double[shells];
            ic = new double[shells];
            for (int k = 0; k < shells; k++) {
                double a = s[0] - depths[k];
                double b = s[1] - depths[k];
                double c = s[2] - depths[k];
                ia[k] = 1 / (a * a);
                ib[k] = 1 / (b * b);
                ic[k] = 1 / (c * c);
            }
            increments = particle.attenuationIncrementsPerUm(energyKev);
            attenuation = new double[shells];
            double mu = 0;
            for (int k = 0; k < shells; k++) {
                mu += increments[k];
                attenuation[k] = mu;
            }
            List<Pore> pores = particle.pores();
            poreX = new double[pores.size()];
            poreY = new double[pores.size()];
            poreZ = new double[pores.size()];
            poreRadius = new double[pores.size()];
            for (int h = 0; h < pores.size(); h++) {
                poreX[h] = pores.get(h).centreLocalUm().x();
                poreY[h] = pores.get(h).centreLocalUm().y();
                poreZ[h] = pores.get(h).centreLocalUm().z();
                poreRadius[h] = pores.get(h).radiusUm();
            }
        }

        /** The detector axes s, z and the ray direction d = (−sin θ, cos θ, 0) in the particle's frame. */
        void triad(double cos, double sin, double[] e, double[] w, double[] u) {
            for (int i = 0; i < 3; i++) {
                // local component i of a world vector v is Σ_m R[m][i]·v_m
                e[i] = rotation[i] * cos + rotation[3 + i] * sin;
                w[i] = rotation[6 + i];
                u[i] = -rotation[i] * sin + rotation[3 + i] * cos;
            }
        }

        double halfExtent(double[] local) {
            return Math.sqrt(axes2[0] * local[0] * local[0] + axes2[1] * local[1] * local[1]
                    + axes2[2] * local[2] * local[2]);
        }

        void project(double cos, double sin, Frame frame, Scratch sc, double[] fine) {
            double[] e = new double[3];
            double[] w = new double[3];
            double[] u = new double[3];
            triad(cos, sin, e, w, u);
            double sCentre = cx * cos + cy * sin;
            double halfS = halfExtent(e);
            double halfZ = halfExtent(w);
            int firstColumn = frame.firstColumn(sCentre - halfS);
            int lastColumn = frame.lastColumn(sCentre + halfS);
            int firstRow = frame.firstRow(cz - halfZ);
            int lastRow = frame.lastRow(cz + halfZ);
            if (firstColumn > lastColumn || firstRow > lastRow) {
                return; // outside the detector
            }
            for (int k = 0; k < shells; k++) {
                double qa = u[0] * u[0] * ia[k] + u[1] * u[1] * ib[k] + u[2] * u[2] * ic[k];
                sc.qa[k] = qa;
                sc.inverseQa[k] = 1 / qa;
                sc.be[k] = e[0] * u[0] * ia[k] + e[1] * u[1] * ib[k] + e[2] * u[2] * ic[k];
                sc.bw[k] = w[0] * u[0] * ia[k] + w[1] * u[1] * ib[k] + w[2] * u[2] * ic[k];
                sc.ee[k] = e[0] * e[0] * ia[k] + e[1] * e[1] * ib[k] + e[2] * e[2] * ic[k];
                sc.ew[k] = e[0] * w[0] * ia[k] + e[1] * w[1] * ib[k] + e[2] * w[2] * ic[k];
                sc.ww[k] = w[0] * w[0] * ia[k] + w[1] * w[1] * ib[k] + w[2] * w[2] * ic[k];
                sc.gain[k] = 2 * increments[k] / qa; // chord length = 2·√disc / qa
            }
            int pores = poreRadius.length;
            for (int h = 0; h < pores; h++) {
                sc.poreSigma[h] = poreX[h] * e[0] + poreY[h] * e[1] + poreZ[h] * e[2];
                sc.poreZeta[h] = poreX[h] * w[0] + poreY[h] * w[1] + poreZ[h] * w[2];
                sc.poreTau[h] = poreX[h] * u[0] + poreY[h] * u[1] + poreZ[h] * u[2];
            }
            int width = lastColumn - firstColumn + 1;
            if (sc.sigmas.length < width) {
                sc.sigmas = new double[width];
                sc.rowSum = new double[width];
            }
            double[] sigmas = sc.sigmas;
            double[] rowSum = sc.rowSum;
            for (int i = 0; i < width; i++) {
                sigmas[i] = frame.s(firstColumn + i) - sCentre;
            }
            double depthOffset = -cx * sin + cy * cos;
            double[] lens = new double[2];
            int partners = lensPartners.size();
            for (int q = 0; q < partners; q++) {
                sc.partners[q].set(lensPartners.get(q), cos, sin);
            }
            for (int row = firstRow; row <= lastRow; row++) {
                double zeta = frame.z(row) - cz;
                int hitShells = rowCoefficients(zeta, sc);
                if (hitShells == 0) {
                    continue;
                }
                int rowPores = 0;
                for (int h = 0; h < pores; h++) {
                    if (Math.abs(zeta - sc.poreZeta[h]) < poreRadius[h]) {
                        sc.rowPores[rowPores++] = h;
                    }
                }
                int base = row * frame.columns();
                Arrays.fill(rowSum, 0, width, 0);
                for (int k = 0; k < hitShells; k++) {
                    // the columns whose rays cross shell k: σ between the roots of disc(σ) = 0 (d2 < 0)
                    double d0 = sc.d0[k];
                    double d1 = sc.d1[k];
                    double d2 = sc.d2[k];
                    double root = Math.sqrt(d1 * d1 - 4 * d2 * d0);
                    double sigmaLow = (-d1 + root) / (2 * d2);
                    double sigmaHigh = (-d1 - root) / (2 * d2);
                    int from = Math.max(0, frame.firstColumn(sCentre + sigmaLow) - firstColumn);
                    int to = Math.min(width - 1, frame.lastColumn(sCentre + sigmaHigh) - firstColumn);
                    double gain = sc.gain[k];
                    for (int i = from; i <= to; i++) {
                        double sigma = sigmas[i];
                        // max(0, ·): the margin columns just outside the shell add nothing
                        rowSum[i] += gain * Math.sqrt(Math.max(0, d0 + sigma * (d1 + sigma * d2)));
                    }
                }
                for (int i = 0; i < width; i++) {
                    double sum = rowSum[i];
                    if (sum == 0) {
                        continue;
                    }
                    for (int q = 0; q < partners; q++) {
                        if (sc.partners[q].chord(sCentre + sigmas[i], frame.z(row), lens)) {
                            sum -= material(sigmas[i], zeta, hitShells, lens[0] - depthOffset,
                                    lens[1] - depthOffset, rowPores, sc);
                        }
                    }
                    fine[base + firstColumn + i] += sum;
                }
                // pores, one at a time over the few columns each one shades in this row
                for (int p = 0; p < rowPores; p++) {
                    int h = sc.rowPores[p];
                    double dz = zeta - sc.poreZeta[h];
                    double halfWidth2 = poreRadius[h] * poreRadius[h] - dz * dz;
                    double halfWidth = Math.sqrt(halfWidth2);
                    int from = Math.max(firstColumn, frame.firstColumn(sCentre + sc.poreSigma[h] - halfWidth));
                    int to = Math.min(lastColumn, frame.lastColumn(sCentre + sc.poreSigma[h] + halfWidth));
                    for (int column = from; column <= to; column++) {
                        double sigma = frame.s(column) - sCentre;
                        double ds = sigma - sc.poreSigma[h];
                        double r2 = halfWidth2 - ds * ds;
                        if (r2 > 0) {
                            double half = Math.sqrt(r2);
                            fine[base + column] -= poreMaterial(sigma, zeta, hitShells, sc.poreTau[h] - half,
                                    sc.poreTau[h] + half, sc, e, w, u);
                        }
                    }
                }
            }
        }

        /** @return the deepest shell whose ellipsoid contains the local point σ·e + ζ·w + τ·u, −1 if none */
        private int deepestShell(double sigma, double zeta, double tau, double[] e, double[] w, double[] u) {
            double x = sigma * e[0] + zeta * w[0] + tau * u[0];
            double y = sigma * e[1] + zeta * w[1] + tau * u[1];
            double z = sigma * e[2] + zeta * w[2] + tau * u[2];
            double x2 = x * x;
            double y2 = y * y;
            double z2 = z * z;
            int inside = -1; // shells 0..inside contain the point
            int outside = shells; // shells outside..shells−1 do not
            while (outside - inside > 1) {
                int k = (inside + outside) >>> 1;
                if (x2 * ia[k] + y2 * ib[k] + z2 * ic[k] <= 1) {
                    inside = k;
                } else {
                    outside = k;
                }
            }
            return inside;
        }

        /** Sets the per-row discriminant coefficients; @return how many shells this row's rays can hit. */
        private int rowCoefficients(double zeta, Scratch sc) {
            for (int k = 0; k < shells; k++) {
                double qa = sc.qa[k];
                double d2 = sc.be[k] * sc.be[k] - qa * sc.ee[k];
                double d1 = 2 * zeta * (sc.be[k] * sc.bw[k] - qa * sc.ew[k]);
                double d0 = zeta * zeta * (sc.bw[k] * sc.bw[k] - qa * sc.ww[k]) + qa;
                // disc(σ) = d0 + d1·σ + d2·σ² with d2 < 0: largest at σ = −d1 / (2·d2)
                if (d2 >= 0 || d0 - d1 * d1 / (4 * d2) <= 0) {
                    return k;
                }
                sc.d0[k] = d0;
                sc.d1[k] = d1;
                sc.d2[k] = d2;
            }
            return shells;
        }

        /**
         * ∫ μ over a pore's chord [lo, hi] (τ) as if it were solid. The shells whose chords contain the whole
         * interval form a prefix (chords are nested), found from the shells containing the two ends; together they
         * contribute μ of the deepest of them times the length. Only the few shells whose boundaries cross the
         * interval are clipped one by one.
         */
        private double poreMaterial(double sigma, double zeta, int hitShells, double lo, double hi, Scratch sc,
                double[] e, double[] w, double[] u) {
            // a shell's chord contains [lo, hi] when its (convex) ellipsoid contains both ends
            int containing = Math.min(hitShells, Math.min(deepestShell(sigma, zeta, lo, e, w, u),
                    deepestShell(sigma, zeta, hi, e, w, u)) + 1);
            double sum = containing > 0 ? attenuation[containing - 1] * (hi - lo) : 0;
            for (int k = containing; k < hitShells; k++) {
                double disc = sc.d0[k] + sigma * (sc.d1[k] + sigma * sc.d2[k]);
                if (disc <= 0) {
                    break;
                }
                double root = Math.sqrt(disc);
                double qb = sigma * sc.be[k] + zeta * sc.bw[k];
                double inverse = sc.inverseQa[k];
                double overlap = Math.min(hi, (root - qb) * inverse) - Math.max(lo, -(qb + root) * inverse);
                if (overlap <= 0) {
                    break; // nested: deeper chords miss the interval too
                }
                sum += increments[k] * overlap;
            }
            return sum;
        }

        /** ∫ μ over the ray's local parameter interval [lo, hi] (τ), pores excluded. */
        private double material(double sigma, double zeta, int hitShells, double lo, double hi, int rowPores,
                Scratch sc) {
            double sum = 0;
            for (int k = 0; k < hitShells; k++) {
                double disc = sc.d0[k] + sigma * (sc.d1[k] + sigma * sc.d2[k]);
                if (disc <= 0) {
                    break;
                }
                double root = Math.sqrt(disc);
                double qb = sigma * sc.be[k] + zeta * sc.bw[k];
                double t0 = Math.max(lo, (-qb - root) / sc.qa[k]);
                double t1 = Math.min(hi, (-qb + root) / sc.qa[k]);
                if (t1 <= t0) {
                    continue;
                }
                double length = t1 - t0;
                for (int p = 0; p < rowPores; p++) {
                    int h = sc.rowPores[p];
                    double ds = sigma - sc.poreSigma[h];
                    double dz = zeta - sc.poreZeta[h];
                    double r2 = poreRadius[h] * poreRadius[h] - ds * ds - dz * dz;
                    if (r2 > 0) {
                        double half = Math.sqrt(r2);
                        double overlap = Math.min(t1, sc.poreTau[h] + half) - Math.max(t0, sc.poreTau[h] - half);
                        if (overlap > 0) {
                            length -= overlap;
                        }
                    }
                }
                sum += increments[k] * length;
            }
            return sum;
        }
    }
}
