package org.edgewise.align;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Registration of gradient-magnitude images {@code |∇p|} (dominated by the particle outlines, whatever the contrast)
 * by Gauss-Newton on all pixels: the moving image is modelled as {@code gain·g + quadratic·g² + offset} of the
 * reference's at {@code x' = m + k·(x − m) + shift} (the model of {@link Registration}; for projections the last
 * axis is further displaced by the sample translation {@code x·cos θ + y·sin θ} of each plane), sampled with Keys
 * cubic interpolation ({@link Cubic}). Used when the particle landmarks do not fix the scale, and at the landmark
 * geometry for the contrast and the residual.
 * <p>
 * <b>Robustness</b>: the fit starts from a given geometry (the landmarks') or else from a whole-pixel phase
 * correlation of the summed images at the nominal scale. Each step is shortened as a whole (its direction kept) so
 * that it changes the scale by at most {@value #MAX_SCALE_STEP} and a shift or translation by at most
 * {@value #MAX_SHIFT_STEP_PX} px: a Gauss-Newton step from a poor start on images with few features (one particle,
 * a touching pair) otherwise jumps to scales near zero, where a flat, featureless match fits the gain away. A fit
 * that leaves four times the {@link Plausibility} bounds is stopped and reported as diverged, one that has not
 * settled after {@value #MAX_ITERATIONS} iterations as not converged, and one whose two images correlate by less
 * than {@link Plausibility#MIN_GRADIENT_CORRELATION} at the end as not matching: none of them gives a number.
 */
final class GradientImageRegistration {

    /** Largest change of the residual scale in one Gauss-Newton step. */
    static final double MAX_SCALE_STEP = 0.002;
    /** Largest change of a shift or a translation component in one step, pixels. */
    static final double MAX_SHIFT_STEP_PX = 1;
    /** Gauss-Newton iterations at most. */
    static final int MAX_ITERATIONS = 40;

    /** Which parameters the fit changes. */
    enum Free {
        /** scale, shifts, translation (projections) and contrast */
        ALL,
        /** the scale stays at its start; shifts, translation and contrast are fitted */
        FIXED_SCALE,
        /** the geometry stays at its start; only the contrast (gain, offset, quadratic) is fitted */
        CONTRAST
    }

    private GradientImageRegistration() {
    }

    /**
     * @param ref            reference {@code [d0, d1, d2]}, e.g. gradient magnitudes
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too (volumes) or left alone (projection stacks)
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @param margin         per axis, samples this close to either end are ignored in both images
     * @param planeAnglesRad projection stacks: the angle of each plane along axis 0, radians; the sample translation
     *                       is then part of the model. Null for none (volumes)
     * @param start          the geometry to start from (scale, shifts, translation); null: the nominal scale and a
     *                       whole-pixel phase correlation
     * @param free           which parameters are fitted
     * @return the registration (method {@link Registration#GRADIENT_IMAGES}, or
     *         {@link Registration#GRADIENT_IMAGES_NOMINAL_SCALE} with the scale fixed at the nominal ratio), or why
     *         there is none (no overlap, no structure, diverged, not converged)
     */
    static Estimate fit(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal, int stride,
            int[] margin, double[] planeAnglesRad, Registration.Result start, Free free) {
        int n0 = shape[0];
        int axes = transformAxis0 ? 3 : 2;
        int translations = planeAnglesRad == null ? 0 : 2;
        int np = 1 + axes + translations + 3;
        int firstContrast = 1 + axes + translations;
        double[] centre = { (n0 - 1) / 2.0, (shape[1] - 1) / 2.0, (shape[2] - 1) / 2.0 };
        // parameters: k, shifts (axes), translation (x, y: projections), gain, offset, quadratic
        double[] p = new double[np];
        p[0] = nominal * (start != null ? start.scale() : 1);
        double[] shift0 = start != null ? start.shiftPx() : PhaseCorrelation.wholePixelShift(ref, mov, shape,
                transformAxis0);
        System.arraycopy(shift0, 0, p, 1, axes);
        if (translations > 0 && start != null) {
            p[1 + axes] = start.translationPx()[0];
            p[2 + axes] = start.translationPx()[1];
        }
        p[firstContrast] = 1;
        boolean[] fitted = new boolean[np];
        for (int i = 0; i < np; i++) {
            fitted[i] = free == Free.ALL || i >= firstContrast || (free == Free.FIXED_SCALE && i > 0);
        }
        boolean scaleKnown = free == Free.ALL || (free == Free.CONTRAST && start != null && !start.scaleFixed());
        boolean[] unknown = new boolean[np]; // what the uncertainties are conditional on: the rest is held fixed
        for (int i = 0; i < np; i++) {
            unknown[i] = i > 0 || scaleKnown;
        }
        double residual = Double.NaN;
        double correlation = Double.NaN;
        double[] sigma = new double[np];
        int iterations = 0;
        boolean converged = false;
        double[] lastStep = new double[np];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            iterations = it + 1;
            double[] at = p.clone();
            double[][] partial = IntStream.range(0, n0).parallel().filter(i0 -> !transformAxis0 || i0 % stride == 0)
                    .mapToObj(i0 -> accumulate(ref, mov, shape, transformAxis0, i0, stride, centre, at, axes,
                            planeAnglesRad == null ? Double.NaN : planeAnglesRad[i0], margin))
                    .toArray(double[][]::new);
            double[][] jtj = new double[np][np];
            double[] jte = new double[np];
            double e2 = 0;
            double m2 = 0;
            long count = 0;
            double[] moments = new double[4]; // Σref, Σmov, Σref², Σref·mov
            for (double[] q : partial) {
                int idx = 0;
                for (int i = 0; i < np; i++) {
                    for (int j = 0; j < np; j++) {
                        jtj[i][j] += q[idx++];
                    }
                }
                for (int i = 0; i < np; i++) {
                    jte[i] += q[idx++];
                }
                e2 += q[idx++];
                m2 += q[idx++];
                count += (long) q[idx++];
                for (int i = 0; i < moments.length; i++) {
                    moments[i] += q[idx++];
                }
            }
            correlation = correlation(moments, count, m2);
            if (count < 10 * np) {
                return Estimate.failed("the images do not overlap enough to register (" + count + " samples at scale "
                        + format(p[0] / nominal) + ", shift " + Arrays.toString(Arrays.copyOfRange(p, 1, 1 + axes))
                        + ")");
            }
            double[] step = reducedSolve(jtj, jte, fitted);
            if (step == null) {
                return Estimate.failed("registration is degenerate: the images carry no structure");
            }
            double var = e2 / Math.max(1, count - np);
            double[] diag = reducedInverseDiagonal(jtj, unknown);
            for (int i = 0; i < np; i++) {
                sigma[i] = unknown[i] ? Math.sqrt(Math.max(0, var * diag[i])) : Double.NaN;
            }
            residual = m2 > 0 ? Math.sqrt(e2 / m2) : Double.NaN;
            // the step solves J·step = −e; shorten it as a whole to the trust limits
            double shorten = 1;
            shorten = Math.min(shorten, MAX_SCALE_STEP * nominal / Math.abs(step[0]));
            for (int i = 1; i < firstContrast; i++) {
                shorten = Math.min(shorten, MAX_SHIFT_STEP_PX / Math.abs(step[i]));
            }
            for (int i = 0; i < np; i++) {
                lastStep[i] = shorten * step[i];
                p[i] -= lastStep[i];
            }
            if (!Double.isFinite(p[0]) || Math.abs(p[0] / nominal - 1) > 4 * Plausibility.MAX_SCALE_DEVIATION
                    || outOfField(p, axes + translations, shape, transformAxis0)) {
                return Estimate.failed(String.format(Locale.ROOT, "the gradient-image fit diverged (scale %s, shift"
                        + " %s after %d iterations)", format(p[0] / nominal), Arrays.toString(Arrays.copyOfRange(p,
                                1, 1 + axes)), iterations));
            }
            boolean small = Math.abs(lastStep[0] / nominal) < 1e-7;
            for (int i = 1; i < firstContrast; i++) {
                small &= Math.abs(lastStep[i]) < 1e-4;
            }
            if (free == Free.CONTRAST && it > 0 || small && it > 0 && shorten == 1) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            // a fit that ends within a thousandth of a pixel and a hundredth of a percent has settled
            boolean settled = Math.abs(lastStep[0] / nominal) < 1e-5;
            for (int i = 1; i < firstContrast; i++) {
                settled &= Math.abs(lastStep[i]) < 1e-3;
            }
            if (!settled) {
                return Estimate.failed(String.format(Locale.ROOT, "the gradient-image fit did not converge in %d"
                        + " iterations (scale %s, last step %.2g)", iterations, format(p[0] / nominal),
                        lastStep[0] / nominal));
            }
        }
        if (!(correlation >= Plausibility.MIN_GRADIENT_CORRELATION)) {
            return Estimate.failed(String.format(Locale.ROOT, "the gradient images do not match at this geometry"
                    + " (correlation %.3f, below %.2f; scale %s, shift %s)", correlation,
                    Plausibility.MIN_GRADIENT_CORRELATION, format(p[0] / nominal), format(Arrays.copyOfRange(p, 1,
                            1 + axes))));
        }
        double[] shifts = Arrays.copyOfRange(p, 1, 1 + axes);
        double[] shiftSigma = Arrays.copyOfRange(sigma, 1, 1 + axes);
        double[] translation = translations > 0 ? new double[] { p[1 + axes], p[2 + axes] } : new double[2];
        String method = free == Free.FIXED_SCALE || free == Free.CONTRAST && start != null && start.scaleFixed()
                ? Registration.GRADIENT_IMAGES_NOMINAL_SCALE : Registration.GRADIENT_IMAGES;
        return Estimate.of(new Registration.Result(p[0] / nominal, nominal, shifts, p[firstContrast],
                p[firstContrast + 1], residual, scaleKnown ? sigma[0] / nominal : Double.NaN, shiftSigma, iterations,
                translation, method, 0, Double.NaN));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return b.append(')').toString();
    }

    /**
     * @param moments Σref, Σmov, Σref², Σref·mov over the samples
     * @param count   samples
     * @param mov2    Σmov²
     * @return Pearson's correlation of the reference and the resampled moving gradient image
     */
    private static double correlation(double[] moments, long count, double mov2) {
        double n = count;
        double covariance = moments[3] - moments[0] * moments[1] / n;
        double varianceRef = moments[2] - moments[0] * moments[0] / n;
        double varianceMov = mov2 - moments[1] * moments[1] / n;
        return covariance / Math.sqrt(varianceRef * varianceMov);
    }

    /** Whether a shift or translation has left twice the plausible range. */
    private static boolean outOfField(double[] p, int geometry, int[] shape, boolean transformAxis0) {
        for (int i = 1; i <= geometry; i++) {
            int axis = Math.min(2, transformAxis0 ? i - 1 : i);
            if (!(Math.abs(p[i]) <= 2 * Plausibility.MAX_SHIFT_FRACTION * shape[axis])) {
                return true;
            }
        }
        return false;
    }

    /** The Gauss-Newton step of the fitted parameters alone, zero for the others; null if singular. */
    private static double[] reducedSolve(double[][] jtj, double[] jte, boolean[] fitted) {
        int[] index = indices(fitted);
        double[][] a = new double[index.length][index.length];
        double[] b = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < index.length; j++) {
                a[i][j] = jtj[index[i]][index[j]];
            }
            b[i] = jte[index[i]];
        }
        double[] x = LeastSquares.solve(a, b);
        if (x == null) {
            return null;
        }
        double[] step = new double[jte.length];
        for (int i = 0; i < index.length; i++) {
            step[index[i]] = x[i];
        }
        return step;
    }

    /** Diagonal of the inverse of the normal matrix over the parameters marked, NaN for the others. */
    private static double[] reducedInverseDiagonal(double[][] jtj, boolean[] use) {
        int[] index = indices(use);
        double[][] a = new double[index.length][index.length];
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < index.length; j++) {
                a[i][j] = jtj[index[i]][index[j]];
            }
        }
        double[] d = LeastSquares.inverseDiagonal(a);
        double[] out = new double[jtj.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < index.length; i++) {
            out[index[i]] = d[i];
        }
        return out;
    }

    private static int[] indices(boolean[] use) {
        return IntStream.range(0, use.length).filter(i -> use[i]).toArray();
    }

    /**
     * Normal equations of one plane along axis 0: residual {@code e = mov(x') − g·ref(x) − h·ref(x)² − o}, Jacobian
     * with respect to (k, shifts, translation, g, o, h). Returns jtj (np²), jte (np), Σe², Σmov², count, Σref, Σmov,
     * Σref², Σref·mov.
     *
     * @param angleRad the plane's projection angle (NaN: no translation parameters)
     */
    private static double[] accumulate(float[] ref, float[] mov, int[] shape, boolean t0, int i0, int stride,
            double[] centre, double[] p, int axes, double angleRad, int[] margin) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        boolean translated = !Double.isNaN(angleRad);
        int np = p.length;
        int firstContrast = 1 + axes + (translated ? 2 : 0);
        double k = p[0];
        double g = p[firstContrast];
        double o = p[firstContrast + 1];
        double h = p[firstContrast + 2];
        double cos = translated ? Math.cos(angleRad) : 0;
        double sin = translated ? Math.sin(angleRad) : 0;
        double planeOffset = translated ? p[1 + axes] * cos + p[2 + axes] * sin : 0;
        double[] out = new double[np * np + np + 7];
        double[] jac = new double[np];
        double[] w0 = new double[4];
        double[] d0 = new double[4];
        double[] w1 = new double[4];
        double[] d1 = new double[4];
        double[] w2 = new double[4];
        double[] d2 = new double[4];
        int b0;
        if (t0) {
            double x0 = centre[0] + k * (i0 - centre[0]) + p[1];
            b0 = (int) Math.floor(x0);
            if (b0 < Math.max(1, margin[0]) || b0 > n0 - 3 - margin[0] || i0 < margin[0] || i0 >= n0 - margin[0]) {
                return out;
            }
            Cubic.weights(x0 - b0, w0, d0);
        } else {
            b0 = i0;
        }
        int s1 = t0 ? 2 : 1; // index of the shift along axis 1 in p
        for (int i1 = margin[1]; i1 < n1 - margin[1]; i1 += stride) {
            double x1 = centre[1] + k * (i1 - centre[1]) + p[s1];
            int b1 = (int) Math.floor(x1);
            if (b1 < Math.max(1, margin[1]) || b1 > n1 - 3 - margin[1]) {
                continue;
            }
            Cubic.weights(x1 - b1, w1, d1);
            for (int i2 = margin[2]; i2 < n2 - margin[2]; i2 += stride) {
                double x2 = centre[2] + k * (i2 - centre[2]) + p[s1 + 1] + planeOffset;
                int b2 = (int) Math.floor(x2);
                if (b2 < Math.max(1, margin[2]) || b2 > n2 - 3 - margin[2]) {
                    continue;
                }
                Cubic.weights(x2 - b2, w2, d2);
                double v = 0;
                double g0 = 0;
                double g1 = 0;
                double g2 = 0;
                int planes = t0 ? 4 : 1;
                for (int q = 0; q < planes; q++) {
                    int z = t0 ? b0 - 1 + q : b0;
                    double wz = t0 ? w0[q] : 1;
                    double dz = t0 ? d0[q] : 0;
                    for (int r = 0; r < 4; r++) {
                        int base = (z * n1 + b1 - 1 + r) * n2 + b2 - 1;
                        double rowV = 0;
                        double rowD = 0;
                        for (int s = 0; s < 4; s++) {
                            double f = mov[base + s];
                            rowV += w2[s] * f;
                            rowD += d2[s] * f;
                        }
                        v += wz * w1[r] * rowV;
                        g1 += wz * d1[r] * rowV;
                        g2 += wz * w1[r] * rowD;
                        g0 += dz * w1[r] * rowV;
                    }
                }
                double rv = ref[(i0 * n1 + i1) * n2 + i2];
                double e = v - g * rv - h * rv * rv - o;
                jac[0] = g2 * (i2 - centre[2]) + g1 * (i1 - centre[1]) + (t0 ? g0 * (i0 - centre[0]) : 0);
                if (t0) {
                    jac[1] = g0;
                    jac[2] = g1;
                    jac[3] = g2;
                } else {
                    jac[1] = g1;
                    jac[2] = g2;
                }
                if (translated) {
                    jac[1 + axes] = g2 * cos;
                    jac[2 + axes] = g2 * sin;
                }
                jac[firstContrast] = -rv;
                jac[firstContrast + 1] = -1;
                jac[firstContrast + 2] = -rv * rv;
                int idx = 0;
                for (int i = 0; i < np; i++) {
                    for (int j = 0; j < np; j++) {
                        out[idx++] += jac[i] * jac[j];
                    }
                }
                for (int i = 0; i < np; i++) {
                    out[idx++] += jac[i] * e;
                }
                out[idx++] += e * e;
                out[idx++] += v * v;
                out[idx++] += 1;
                out[idx++] += rv;
                out[idx++] += v;
                out[idx++] += rv * rv;
                out[idx] += rv * v;
            }
        }
        return out;
    }

    /** |∇p| per projection (central differences, zero at the border): the outline, whatever the contrast. */
    static float[] gradientMagnitude(float[] p, int frames, int rows, int cols) {
        float[] out = new float[p.length];
        for (int f = 0; f < frames; f++) {
            int base = f * rows * cols;
            for (int r = 1; r < rows - 1; r++) {
                for (int c = 1; c < cols - 1; c++) {
                    int i = base + r * cols + c;
                    double gr = 0.5 * (p[i + cols] - p[i - cols]);
                    double gc = 0.5 * (p[i + 1] - p[i - 1]);
                    out[i] = (float) Math.sqrt(gr * gr + gc * gc);
                }
            }
        }
        return out;
    }

    /** |∇v| of a volume (central differences, zero on the faces). */
    static float[] gradientMagnitude3(float[] v, int[] shape) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        float[] out = new float[v.length];
        int s0 = n1 * n2;
        IntStream.range(1, n0 - 1).parallel().forEach(z -> {
            for (int y = 1; y < n1 - 1; y++) {
                for (int x = 1; x < n2 - 1; x++) {
                    int i = z * s0 + y * n2 + x;
                    double gz = 0.5 * (v[i + s0] - v[i - s0]);
                    double gy = 0.5 * (v[i + n2] - v[i - n2]);
                    double gx = 0.5 * (v[i + 1] - v[i - 1]);
                    out[i] = (float) Math.sqrt(gz * gz + gy * gy + gx * gx);
                }
            }
        });
        return out;
    }
}
