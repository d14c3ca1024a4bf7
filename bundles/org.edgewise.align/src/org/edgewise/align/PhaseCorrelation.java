package org.edgewise.align;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Sub-pixel phase correlation of two images of the same size (JTransforms FFT).
 * <p>
 * Both images are zero-padded by an eighth (at least 8 pixels) to an FFT-friendly size (projections have a zero
 * background, so little padding avoids wrap-around), the
 * cross-power spectrum {@code M̂·conj(R̂)} is normalised to unit modulus (phase correlation) and weighted with a
 * Gaussian low-pass window (noise lives at high frequencies). The integer peak of its inverse transform is refined by
 * Newton steps on the continuous correlation {@code c(d) = Σ_k W(k)·cos(2π k·d + φ(k))}, which is exact for
 * fractional shifts (no parabola fit, no peak-locking bias).
 * <p>
 * Sign: if {@code moving(r, c) = reference(r − dr, c − dc)} (the moving image is displaced by {@code +d} towards
 * higher indices), {@link #shift} returns {@code (dr, dc)}. Instances hold FFT plans for one size and are not
 * thread safe; use one per thread.
 */
public final class PhaseCorrelation {

    private final int rows;
    private final int cols;
    private final int pr;
    private final int pc;
    private final DoubleFFT_2D fft;
    private final double[] a;
    private final double[] b;
    private final double[] window;

    /**
     * @param rows       image rows
     * @param cols       image columns
     * @param lowPass    σ of the Gaussian spectral window as a fraction of the Nyquist frequency (e.g. 0.3)
     */
    public PhaseCorrelation(int rows, int cols, double lowPass) {
        if (rows < 1 || cols < 2 || !(lowPass > 0)) {
            throw new IllegalArgumentException("need rows ≥ 1, columns ≥ 2 and a positive low-pass width, were "
                    + rows + ", " + cols + ", " + lowPass);
        }
        this.rows = rows;
        this.cols = cols;
        this.pr = rows == 1 ? 1 : padded(rows);
        this.pc = padded(cols);
        this.fft = new DoubleFFT_2D(pr, pc);
        this.a = new double[2 * pr * pc];
        this.b = new double[2 * pr * pc];
        this.window = new double[pr * pc];
        double sigma = lowPass * 0.5; // cycles per pixel
        for (int i = 0; i < pr; i++) {
            double fr = frequency(i, pr);
            for (int j = 0; j < pc; j++) {
                double fc = frequency(j, pc);
                double w = Math.exp(-(fr * fr + fc * fc) / (2 * sigma * sigma));
                window[i * pc + j] = w < 1e-4 ? 0 : w; // negligible terms are skipped in the refinement
            }
        }
    }

    /** Smallest size ≥ n + max(8, n/8) with no prime factor above 5 (zero background needs little padding). */
    static int padded(int n) {
        int m = n + Math.max(8, n / 8);
        while (!smooth(m)) {
            m++;
        }
        return m;
    }

    private static boolean smooth(int m) {
        for (int f : new int[] { 2, 3, 5 }) {
            while (m % f == 0) {
                m /= f;
            }
        }
        return m == 1;
    }

    private static double frequency(int index, int n) {
        return (index <= n / 2 ? index : index - n) / (double) n;
    }

    /**
     * @param moving    {@code [row, column]} row-major, {@code rows·cols} values
     * @param reference the same size
     * @return {@code {dRow, dCol, peak}}: the displacement of {@code moving} relative to {@code reference} in pixels
     *         and the normalised correlation peak height in [0, 1] (a quality measure)
     */
    public double[] shift(float[] moving, float[] reference) {
        load(moving, a);
        load(reference, b);
        fft.complexForward(a);
        fft.complexForward(b);
        double total = 0;
        for (int k = 0; k < pr * pc; k++) {
            double mr = a[2 * k];
            double mi = a[2 * k + 1];
            double rr = b[2 * k];
            double ri = b[2 * k + 1];
            double xr = mr * rr + mi * ri; // M · conj(R)
            double xi = mi * rr - mr * ri;
            double mod = Math.hypot(xr, xi);
            double w = mod > 0 ? window[k] / mod : 0;
            a[2 * k] = xr * w;
            a[2 * k + 1] = xi * w;
            total += mod > 0 ? window[k] : 0;
        }
        // keep the weighted spectrum for the refinement, then locate the integer peak
        System.arraycopy(a, 0, b, 0, a.length);
        fft.complexInverse(a, false);
        int best = 0;
        for (int k = 1; k < pr * pc; k++) {
            if (a[2 * k] > a[2 * best]) {
                best = k;
            }
        }
        double dr = best / pc;
        double dc = best % pc;
        if (dr > pr / 2.0) {
            dr -= pr;
        }
        if (dc > pc / 2.0) {
            dc -= pc;
        }
        if (rows == 1) {
            dr = 0;
        }
        double[] d = refine(dr, dc);
        double peak = total > 0 ? correlation(d[0], d[1]) / total : 0;
        return new double[] { d[0], d[1], peak };
    }

    private void load(float[] image, double[] target) {
        if (image.length != rows * cols) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + rows + "×" + cols);
        }
        java.util.Arrays.fill(target, 0);
        double mean = 0;
        for (float v : image) {
            mean += v;
        }
        mean /= image.length;
        // subtract the mean of the border so a constant background does not correlate with the padding edge
        double border = 0;
        int count = 0;
        for (int c = 0; c < cols; c++) {
            border += image[c] + image[(rows - 1) * cols + c];
            count += 2;
        }
        for (int r = 0; r < rows; r++) {
            border += image[r * cols] + image[r * cols + cols - 1];
            count += 2;
        }
        border = count > 0 ? border / count : mean;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                target[2 * (r * pc + c)] = image[r * cols + c] - border;
            }
        }
    }

    /** Newton iterations on the continuous correlation, from the integer peak, within ±1 pixel of it. */
    private double[] refine(double r0, double c0) {
        double r = r0;
        double c = c0;
        double[] rowCos = new double[pr];
        double[] rowSin = new double[pr];
        double[] colCos = new double[pc];
        double[] colSin = new double[pc];
        double[] sums = new double[6];
        for (int iter = 0; iter < 8; iter++) {
            sums(r, c, rowCos, rowSin, colCos, colSin, sums);
            double g0 = sums[1];
            double g1 = sums[2];
            double h00 = sums[3];
            double h01 = sums[4];
            double h11 = sums[5];
            double sr;
            double sc;
            if (rows == 1) {
                sr = 0;
                sc = h11 < 0 ? -g1 / h11 : 0;
            } else {
                double det = h00 * h11 - h01 * h01;
                if (!(det > 0) || !(h00 < 0)) {
                    break; // not a maximum: keep the integer peak
                }
                sr = -(h11 * g0 - h01 * g1) / det;
                sc = -(-h01 * g0 + h00 * g1) / det;
            }
            sr = Math.max(-0.5, Math.min(0.5, sr));
            sc = Math.max(-0.5, Math.min(0.5, sc));
            r += sr;
            c += sc;
            if (Math.abs(sr) < 1e-4 && Math.abs(sc) < 1e-4) {
                break;
            }
        }
        if (Math.abs(r - r0) > 1 || Math.abs(c - c0) > 1) {
            return new double[] { r0, c0 };
        }
        return new double[] { r, c };
    }

    /**
     * The correlation {@code c(d)} (sums[0]), its gradient (sums[1..2]) and Hessian (sums[3..5]: rr, rc, cc) at
     * {@code d = (r, c)}, with separable phasors {@code e^{2πi(fr·r + fc·c)} = e^{2πi fr r}·e^{2πi fc c}}.
     */
    private void sums(double r, double c, double[] rowCos, double[] rowSin, double[] colCos, double[] colSin,
            double[] sums) {
        for (int i = 0; i < pr; i++) {
            double phase = rows == 1 ? 0 : 2 * Math.PI * frequency(i, pr) * r;
            rowCos[i] = Math.cos(phase);
            rowSin[i] = Math.sin(phase);
        }
        for (int j = 0; j < pc; j++) {
            double phase = 2 * Math.PI * frequency(j, pc) * c;
            colCos[j] = Math.cos(phase);
            colSin[j] = Math.sin(phase);
        }
        java.util.Arrays.fill(sums, 0);
        for (int i = 0; i < pr; i++) {
            double wr = rows == 1 ? 0 : 2 * Math.PI * frequency(i, pr);
            for (int j = 0; j < pc; j++) {
                int k = i * pc + j;
                double xr = b[2 * k];
                double xi = b[2 * k + 1];
                if (xr == 0 && xi == 0) {
                    continue;
                }
                double cos = rowCos[i] * colCos[j] - rowSin[i] * colSin[j];
                double sin = rowSin[i] * colCos[j] + rowCos[i] * colSin[j];
                double re = xr * cos - xi * sin; // Re(X e^{iφ})
                double im = xr * sin + xi * cos; // Im(X e^{iφ})
                double wc = 2 * Math.PI * frequency(j, pc);
                sums[0] += re;
                sums[1] -= wr * im;
                sums[2] -= wc * im;
                sums[3] -= wr * wr * re;
                sums[4] -= wr * wc * re;
                sums[5] -= wc * wc * re;
            }
        }
    }

    private double correlation(double r, double c) {
        double[] sums = new double[6];
        sums(r, c, new double[pr], new double[pr], new double[pc], new double[pc], sums);
        return sums[0];
    }

    /**
     * The whole-pixel shift of two stacks from the phase correlation of their sums along axis 0 (and, for the shift
     * along axis 0, of their sums along axis 1): the start of a registration.
     *
     * @param ref   reference {@code [d0, d1, d2]}, row-major
     * @param mov   moving, same shape
     * @param shape the shape
     * @param t0    whether the shift along axis 0 is wanted too (volumes)
     * @return {@code {d1, d2}}, or {@code {d0, d1, d2}} with {@code t0}, whole pixels, of the moving stack
     */
    static double[] wholePixelShift(float[] ref, float[] mov, int[] shape, boolean t0) {
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
}
