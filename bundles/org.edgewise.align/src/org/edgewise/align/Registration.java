package org.edgewise.align;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.recon.Reconstructions;

/**
 * Registration of two scans of an energy pair (aligned projections {@code [angle, row, column]}) or of two volumes
 * {@code [z, y, x]}: a shift and an isotropic scale about the image centre, sub-pixel, with a residual.
 * <p>
 * <b>Model</b>: with {@code k = nominalScale · scale} (nominal = the files' pixel sizes, reference µm over moving
 * µm), a point at reference pixel {@code x} appears in the moving image at
 * {@code x' = m + k·(x − m) + shift}, where {@code m = (n − 1)/2} on each transformed axis (rows and columns for
 * projections, whose angle axis is left alone; all three axes for volumes). For projections aligned onto the
 * central column this is the magnification about the rotation axis and the optical centre row.
 * <p>
 * <b>Contrast</b>: the two sides of an absorption edge (or two elements) differ in contrast inside the particles, and
 * an intensity registration's scale then follows the composition gradient (−0.3 % on a simulated Ni pair with a
 * linear intensity model, +0.4 % with a quadratic one). Both images are therefore registered as gradient magnitudes
 * {@code |∇p|}, dominated by the particle outlines, whose position does not depend on contrast (error 0.03 % on the
 * same pair). The moving gradient image is modelled as {@code gain·g + quadratic·g² + offset} of the reference's;
 * {@code (scale, shift, gain, quadratic, offset)} are found by Gauss-Newton on all pixels with Keys cubic
 * interpolation, started from a phase correlation of the summed images. The residual is
 * {@code RMS(misfit) / RMS(moving gradient)} (0 = identical up to contrast).
 */
public final class Registration {

    private Registration() {
    }

    /**
     * @param scale               residual scale (total scale = nominal × this), 1 when the pixel sizes are exact
     * @param nominalScale        reference pixel size over moving pixel size, from the files
     * @param shiftPx             per transformed axis (rows, columns; or z, y, x), pixels of the moving image
     * @param gain                contrast of the moving image relative to the reference
     * @param offset              value offset, moving units
     * @param residual            relative RMS misfit after registration
     * @param scaleUncertainty    1σ of {@code scale} from the Gauss-Newton covariance
     * @param shiftUncertaintyPx  1σ of each shift component, pixels
     * @param iterations          Gauss-Newton iterations
     */
    public record Result(double scale, double nominalScale, double[] shiftPx, double gain, double offset,
            double residual, double scaleUncertainty, double[] shiftUncertaintyPx, int iterations) {

        /** @return a one-line summary */
        public String describe() {
            return String.format(Locale.ROOT, "scale %.6f (± %.1e) × nominal %.6f, shift %s px (± %s), gain %.4f,"
                    + " residual %.4f, %d iteration(s)", scale, scaleUncertainty, nominalScale,
                    format(shiftPx), format(shiftUncertaintyPx), gain, residual, iterations);
        }

        private static String format(double[] v) {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < v.length; i++) {
                b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
            }
            return b.append(')').toString();
        }
    }

    /**
     * Registers the aligned projections of one scan to those of the reference scan of its pair.
     *
     * @param reference aligned projections {@code [angle, row, column]} with {@link PhysicalMetadata} (pixel size,
     *                  angles)
     * @param moving    aligned projections of the other scan, same shape and angles
     * @param maxAngles at most this many evenly chosen projections are used (speed); ≥ 1
     * @return scale and shift (rows, columns)
     * @throws IllegalArgumentException if shapes or angles differ or a pixel size is missing
     */
    public static Result registerProjections(Dataset reference, Dataset moving, int maxAngles) {
        return registerProjections(reference, moving, maxAngles, 0, 0);
    }

    /**
     * As {@link #registerProjections(Dataset, Dataset, int)}, ignoring bands along the detector edges: after
     * alignment those hold data resampled from beyond the detector (edge values), which differ between the scans
     * and would bias the scale.
     *
     * @param reference  aligned projections of the reference scan
     * @param moving     aligned projections of the other scan
     * @param maxAngles  at most this many evenly chosen projections are used
     * @param marginRows rows ignored at the top and at the bottom (both images)
     * @param marginCols columns ignored at the left and at the right (both images)
     * @return scale and shift (rows, columns)
     */
    public static Result registerProjections(Dataset reference, Dataset moving, int maxAngles, int marginRows,
            int marginCols) {
        int[] shape = reference.getShape();
        if (reference.getRank() != 3 || !Arrays.equals(shape, moving.getShape())) {
            throw new IllegalArgumentException("pair projections must have one [angle, row, column] shape, were "
                    + Arrays.toString(shape) + " and " + Arrays.toString(moving.getShape()));
        }
        PhysicalMetadata rm = PhysicalMetadata.of(reference);
        PhysicalMetadata mm = PhysicalMetadata.of(moving);
        double[] ra = rm.anglesDeg();
        double[] ma = mm.anglesDeg();
        if (ra.length != ma.length) {
            throw new IllegalArgumentException("pair scans have " + ra.length + " and " + ma.length + " angles");
        }
        for (int i = 0; i < ra.length; i++) {
            if (Math.abs(ra[i] - ma[i]) > 1e-3) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "pair scans differ at projection %d:"
                        + " %.4f° vs %.4f°; registration needs the same angles", i, ra[i], ma[i]));
            }
        }
        double nominal = nominalScale(rm, mm);
        int angles = shape[0];
        int step = Math.max(1, (angles + maxAngles - 1) / maxAngles);
        int used = (angles + step - 1) / step;
        int frame = shape[1] * shape[2];
        float[] r = Reconstructions.floats(reference);
        float[] m = Reconstructions.floats(moving);
        float[] rs = new float[used * frame];
        float[] ms = new float[used * frame];
        for (int i = 0; i < used; i++) {
            System.arraycopy(r, i * step * frame, rs, i * frame, frame);
            System.arraycopy(m, i * step * frame, ms, i * frame, frame);
        }
        float[] rg = gradientMagnitude(rs, used, shape[1], shape[2]);
        float[] mg = gradientMagnitude(ms, used, shape[1], shape[2]);
        int mr = Math.max(0, Math.min(marginRows, shape[1] / 2 - 4));
        int mc = Math.max(0, Math.min(marginCols, shape[2] / 2 - 4));
        return register(rg, mg, new int[] { used, shape[1], shape[2] }, false, nominal, 1, new int[] { 0, mr, mc });
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

    /**
     * Registers a volume to a reference volume (e.g. the reconstructions of two elements' pairs).
     *
     * @param reference {@code [z, y, x]} with {@link PhysicalMetadata} voxel size
     * @param moving    {@code [z, y, x]}, same shape
     * @return scale and shift (z, y, x)
     */
    public static Result registerVolumes(Dataset reference, Dataset moving) {
        int[] shape = reference.getShape();
        if (reference.getRank() != 3 || !Arrays.equals(shape, moving.getShape())) {
            throw new IllegalArgumentException("volumes must have one [z, y, x] shape, were "
                    + Arrays.toString(shape) + " and " + Arrays.toString(moving.getShape()));
        }
        double nominal = nominalScale(PhysicalMetadata.of(reference), PhysicalMetadata.of(moving));
        int stride = shape[0] * shape[1] * shape[2] > 2_000_000 ? 2 : 1;
        return register(gradientMagnitude3(Reconstructions.floats(reference), shape),
                gradientMagnitude3(Reconstructions.floats(moving), shape), shape, true, nominal, stride);
    }

    private static double nominalScale(PhysicalMetadata reference, PhysicalMetadata moving) {
        double r = reference.pixelSizeUm();
        double m = moving.pixelSizeUm();
        if (!(r > 0) || !(m > 0)) {
            throw new IllegalArgumentException("registration needs the pixel sizes of both scans, were " + r
                    + " and " + m + " µm");
        }
        return r / m;
    }

    /**
     * The registration itself.
     *
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too (volumes) or left alone (projection stacks)
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @return the result
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride) {
        return register(ref, mov, shape, transformAxis0, nominal, stride, new int[3]);
    }

    /**
     * @param ref            reference {@code [d0, d1, d2]}
     * @param mov            moving, same shape
     * @param shape          the shape
     * @param transformAxis0 whether axis 0 is scaled and shifted too
     * @param nominal        nominal scale from the pixel sizes
     * @param stride         use every stride-th sample along each transformed axis
     * @param margin         per axis, samples this close to either end are ignored in both images
     * @return the result
     */
    public static Result register(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        int axes = transformAxis0 ? 3 : 2;
        double[] centre = { (n0 - 1) / 2.0, (n1 - 1) / 2.0, (n2 - 1) / 2.0 };
        double[] shift = initialShift(ref, mov, shape, transformAxis0, nominal);
        double k = nominal;
        // parameters: k, shifts (axes), gain, offset
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
                            margin))
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
            double[] step = solve(jtj, jte);
            if (step == null) {
                throw new IllegalArgumentException("registration is degenerate: the images carry no structure");
            }
            double var = e2 / Math.max(1, count - np);
            double[] diag = inverseDiagonal(jtj);
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
        return new Result(k / nominal, nominal, shift, gain, offset, residual, sigma[0] / nominal, shiftSigma,
                iterations);
    }

    /**
     * Normal equations of one plane along axis 0: residual {@code e = mov(x') − g·ref(x) − o}, Jacobian with respect
     * to (k, shifts, g, o). Returns jtj (np²), jte (np), Σe², Σmov², Σmov, count.
     */
    private static double[] accumulate(float[] ref, float[] mov, int[] shape, boolean t0, int i0, int stride,
            double[] centre, double k, double[] shift, double g, double o, double h, int np, int[] margin) {
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
                double x2 = centre[2] + k * (i2 - centre[2]) + shift[s1 + 1];
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

    /** Integer-pixel start from phase correlation of the images summed along axis 0 (and along axis 1 for z). */
    private static double[] initialShift(float[] ref, float[] mov, int[] shape, boolean t0, double nominal) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        float[] rs = new float[n1 * n2];
        float[] ms = new float[n1 * n2];
        for (int i0 = 0; i0 < n0; i0++) {
            for (int j = 0; j < n1 * n2; j++) {
                rs[j] += ref[i0 * n1 * n2 + j];
                ms[j] += mov[i0 * n1 * n2 + j];
            }
        }
        double[] d = new PhaseCorrelation(n1, n2, 0.3).shift(ms, rs);
        if (!t0) {
            return new double[] { Math.rint(d[0]), Math.rint(d[1]) };
        }
        float[] rz = new float[n0 * n2];
        float[] mz = new float[n0 * n2];
        for (int i0 = 0; i0 < n0; i0++) {
            for (int i1 = 0; i1 < n1; i1++) {
                for (int i2 = 0; i2 < n2; i2++) {
                    rz[i0 * n2 + i2] += ref[(i0 * n1 + i1) * n2 + i2];
                    mz[i0 * n2 + i2] += mov[(i0 * n1 + i1) * n2 + i2];
                }
            }
        }
        double[] dz = new PhaseCorrelation(n0, n2, 0.3).shift(mz, rz);
        return new double[] { Math.rint(dz[0]), Math.rint(d[0]), Math.rint(d[1]) };
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (Math.abs(m[c][c]) < 1e-300) {
                return null;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    private static double[] inverseDiagonal(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            double[] x = solve(a, e);
            d[i] = x == null ? Double.NaN : x[i];
        }
        return d;
    }
}
