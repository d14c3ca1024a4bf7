package org.edgewise.align;

import java.util.stream.IntStream;

/**
 * Registration of gradient-magnitude images {@code |∇p|} (dominated by the particle outlines, whatever the contrast)
 * by Gauss-Newton on all pixels: the moving image is modelled as {@code gain·g + quadratic·g² + offset} of the
 * reference's at {@code x' = m + k·(x − m) + shift} (the model of {@link Registration}), sampled with Keys cubic
 * interpolation ({@link Cubic}) and started from a whole-pixel phase correlation of the summed images. Used when there
 * are too few particle landmarks, and at the landmark geometry for the contrast and the residual.
 */
final class GradientImageRegistration {

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
     * @param planeOffsets   per plane along axis 0, an extra shift of the last axis (the sample translation of
     *                       projections); null for none
     * @param fixed          a geometry (scale, shifts) to keep: only the contrast is fitted, for its residual; null
     *                       to fit everything
     * @return the registration ({@link Registration#GRADIENT_IMAGES})
     * @throws IllegalArgumentException if the images overlap too little or carry no structure
     */
    static Registration.Result fit(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin, double[] planeOffsets, Registration.Result fixed) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        int axes = transformAxis0 ? 3 : 2;
        double[] centre = { (n0 - 1) / 2.0, (n1 - 1) / 2.0, (n2 - 1) / 2.0 };
        double[] shift = fixed != null ? fixed.shiftPx().clone()
                : PhaseCorrelation.wholePixelShift(ref, mov, shape, transformAxis0);
        double k = fixed != null ? nominal * fixed.scale() : nominal;
        // parameters: k, shifts (axes), gain, offset, quadratic
        int np = 1 + axes + 3;
        double gain = 1;
        double offset = 0;
        double quadratic = 0;
        double residual = Double.NaN;
        double[] sigma = new double[np];
        int iterations = 0;
        for (int it = 0; it < 40; it++) {
            iterations = it + 1;
            double kk = k;
            double[] sh = shift.clone();
            double g = gain;
            double o = offset;
            double h = quadratic;
            // accumulate per z-plane in parallel, then sum
            double[][] partial = IntStream.range(0, n0).parallel().filter(i0 -> !transformAxis0 || i0 % stride == 0)
                    .mapToObj(i0 -> accumulate(ref, mov, shape, transformAxis0, i0, stride, centre, kk, sh, g, o, h, np,
                            margin, planeOffsets == null ? 0 : planeOffsets[i0]))
                    .toArray(double[][]::new);
            double[][] jtj = new double[np][np];
            double[] jte = new double[np];
            double e2 = 0;
            double m2 = 0;
            double m1 = 0;
            long count = 0;
            for (double[] p : partial) {
                int idx = 0;
                for (int i = 0; i < np; i++) {
                    for (int j = 0; j < np; j++) {
                        jtj[i][j] += p[idx++];
                    }
                }
                for (int i = 0; i < np; i++) {
                    jte[i] += p[idx++];
                }
                e2 += p[idx++];
                m2 += p[idx++];
                m1 += p[idx++];
                count += (long) p[idx];
            }
            if (count < 10 * np) {
                throw new IllegalArgumentException("the images do not overlap enough to register (" + count
                        + " samples)");
            }
            double[] step = fixed != null ? contrastStep(jtj, jte, axes) : LeastSquares.solve(jtj, jte);
            if (step == null) {
                throw new IllegalArgumentException("registration is degenerate: the images carry no structure");
            }
            double var = e2 / Math.max(1, count - np);
            double[] diag = LeastSquares.inverseDiagonal(jtj);
            for (int i = 0; i < np; i++) {
                sigma[i] = Math.sqrt(Math.max(0, var * diag[i]));
            }
            residual = m2 > 0 ? Math.sqrt(e2 / m2) : Double.NaN;
            // the step solves J·step = −e; apply with a trust limit on the shift
            k -= step[0];
            for (int a = 0; a < axes; a++) {
                shift[a] -= Math.max(-2, Math.min(2, step[1 + a]));
            }
            gain -= step[1 + axes];
            offset -= step[2 + axes];
            quadratic -= step[3 + axes];
            boolean small = Math.abs(step[0] / nominal) < 1e-7;
            for (int a = 0; a < axes; a++) {
                small &= Math.abs(step[1 + a]) < 1e-4;
            }
            if (small && it > 0) {
                break;
            }
        }
        double[] shiftSigma = new double[axes];
        for (int a = 0; a < axes; a++) {
            shiftSigma[a] = sigma[1 + a];
        }
        return new Registration.Result(k / nominal, nominal, shift, gain, offset, residual, sigma[0] / nominal,
                shiftSigma, iterations, new double[2], Registration.GRADIENT_IMAGES, 0, Double.NaN);
    }

    /** The Gauss-Newton step of the contrast parameters alone (gain, offset, quadratic), the geometry held. */
    private static double[] contrastStep(double[][] jtj, double[] jte, int axes) {
        int first = 1 + axes;
        double[][] a = new double[3][3];
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = jtj[first + i][first + j];
            }
            b[i] = jte[first + i];
        }
        double[] x = LeastSquares.solve(a, b);
        if (x == null) {
            return null;
        }
        double[] step = new double[jte.length];
        System.arraycopy(x, 0, step, first, 3);
        return step;
    }

    /**
     * Normal equations of one plane along axis 0: residual {@code e = mov(x') − g·ref(x) − o}, Jacobian with respect
     * to (k, shifts, g, o). Returns jtj (np²), jte (np), Σe², Σmov², Σmov, count.
     */
    private static double[] accumulate(float[] ref, float[] mov, int[] shape, boolean t0, int i0, int stride,
            double[] centre, double k, double[] shift, double g, double o, double h, int np, int[] margin,
            double planeOffset) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        double[] out = new double[np * np + np + 4];
        double[] jac = new double[np];
        double[] w0 = new double[4];
        double[] d0 = new double[4];
        double[] w1 = new double[4];
        double[] d1 = new double[4];
        double[] w2 = new double[4];
        double[] d2 = new double[4];
        int axes = t0 ? 3 : 2;
        double x0 = i0;
        int b0;
        if (t0) {
            x0 = centre[0] + k * (i0 - centre[0]) + shift[0];
            b0 = (int) Math.floor(x0);
            if (b0 < Math.max(1, margin[0]) || b0 > n0 - 3 - margin[0] || i0 < margin[0] || i0 >= n0 - margin[0]) {
                return out;
            }
            Cubic.weights(x0 - b0, w0, d0);
        } else {
            b0 = i0;
        }
        int s1 = t0 ? 1 : 0;
        for (int i1 = margin[1]; i1 < n1 - margin[1]; i1 += stride) {
            double x1 = centre[1] + k * (i1 - centre[1]) + shift[s1];
            int b1 = (int) Math.floor(x1);
            if (b1 < Math.max(1, margin[1]) || b1 > n1 - 3 - margin[1]) {
                continue;
            }
            Cubic.weights(x1 - b1, w1, d1);
            for (int i2 = margin[2]; i2 < n2 - margin[2]; i2 += stride) {
                double x2 = centre[2] + k * (i2 - centre[2]) + shift[s1 + 1] + planeOffset;
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
                for (int p = 0; p < planes; p++) {
                    int z = t0 ? b0 - 1 + p : b0;
                    double wz = t0 ? w0[p] : 1;
                    double dz = t0 ? d0[p] : 0;
                    for (int q = 0; q < 4; q++) {
                        int base = (z * n1 + b1 - 1 + q) * n2 + b2 - 1;
                        double rowV = 0;
                        double rowD = 0;
                        for (int s = 0; s < 4; s++) {
                            double f = mov[base + s];
                            rowV += w2[s] * f;
                            rowD += d2[s] * f;
                        }
                        v += wz * w1[q] * rowV;
                        g1 += wz * d1[q] * rowV;
                        g2 += wz * w1[q] * rowD;
                        g0 += dz * w1[q] * rowV;
                    }
                }
                double r = ref[(i0 * n1 + i1) * n2 + i2];
                double e = v - g * r - h * r * r - o;
                double dk = g2 * (i2 - centre[2]) + g1 * (i1 - centre[1]) + (t0 ? g0 * (i0 - centre[0]) : 0);
                jac[0] = dk;
                if (t0) {
                    jac[1] = g0;
                    jac[2] = g1;
                    jac[3] = g2;
                } else {
                    jac[1] = g1;
                    jac[2] = g2;
                }
                jac[1 + axes] = -r;
                jac[2 + axes] = -1;
                jac[3 + axes] = -r * r;
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
                out[idx++] += v;
                out[idx] += 1;
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
