package org.edgewise.align;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.recon.FbpOptions;
import org.edgewise.recon.FourierGridReconstruction;
import org.edgewise.recon.ParallelBeamGeometry;
import org.edgewise.recon.ParallelProjector;

/**
 * Stage-jitter alignment and rotation centre of one scan, solved together.
 * <p>
 * <b>Shift convention</b> (that of {@link ParallelBeamGeometry}): projection {@code a}'s rotation axis sits at
 * detector column {@code centreColumnPx + shiftColPx[a]}, and its image is displaced by {@code shiftRowPx[a]}
 * towards higher rows. So a reconstruction uses {@code geometry.withCenter(centre).withShifts(shiftColPx)} directly,
 * and applying a shift means sampling the measured projection at {@code (row + shiftRowPx[a], col + shiftColPx[a])}.
 * Both shift vectors have zero mean; the column shifts carry no {@code cos θ}/{@code sin θ} component (that is
 * indistinguishable from moving the sample).
 * <p>
 * <b>What is identifiable</b>: only the axis position per projection up to a sample translation,
 * {@code c + j[a] + β cos θ_a + γ sin θ_a}. Splitting the true column jitter {@code j} by least squares into
 * {@code x0 + x1 cos θ + x2 sin θ + r} ({@code r} orthogonal to all three), the {@code cos}/{@code sin} part is the
 * sample's apparent translation and what can be measured is the centre {@code c + x0} and the shifts {@code r}. Over a
 * full turn {@code x0} is the mean jitter; over a half turn it is not ({@code sin θ} has mean 2/π on [0°, 180°)), and
 * {@code c + mean(j)} can differ from the measurable centre by a good fraction of the jitter: 0.25 px for 1 px RMS
 * jitter over 180 angles is common. {@link #identifiableCentre} gives the measurable centre of a known geometry; for
 * the simulator, {@code centre ≈ identifiableCentre(rotationCentrePx, jitterColPx, angles)},
 * {@code shiftColPx ≈ r}, {@code shiftRowPx ≈ jitterRowPx − mean}.
 * <p>
 * <b>Method</b>:
 * <ol>
 * <li>Start: the projected centre of mass, in closed form — there is no search range to choose, so the answer
 * cannot depend on one or fall outside it. For parallel beams the column centre of mass of
 * projection {@code a} is {@code c + s[a] + X cos θ + Y sin θ} ({@code X, Y}: the sample's centroid), so a
 * least-squares fit over the untruncated projections gives the centre {@code c} and the residuals give the column
 * jitter; the row centre of mass gives the vertical shift.</li>
 * <li>Joint re-projection iterations: rows are corrected, a provisional volume is reconstructed by Fourier gridding
 * with the current centre and shifts, re-projected ({@link ParallelProjector}), and each measured projection is
 * registered to its re-projection by sub-pixel {@link PhaseCorrelation}; the mean of the column updates moves the
 * centre. Stops when the RMS update is below the tolerance or after the maximum number of iterations.</li>
 * </ol>
 * Wide stacks are binned to at most {@link AlignmentOptions#maxWorkingColumns()} columns first.
 */
public final class ProjectionAlignment {

    /** Projections whose edge columns carry more than this share of the peak column sum count as truncated. */
    private static final double TRUNCATION = 0.02;

    private ProjectionAlignment() {
    }

    /**
     * The alignment of one scan.
     *
     * @param centreColumnPx       rotation-axis column at full resolution (0-based, fractional)
     * @param centreUncertaintyPx  1σ uncertainty of the centre: the ambiguity between the centre and the mean
     *                             jitter ({@code rms(shiftCol)/√n}) combined with the last update's spread
     * @param shiftRowPx           per projection, pixels, zero mean
     * @param shiftColPx           per projection, pixels, zero mean (an energy pair's moving scan: plus the
     *                             sample translation of its registration)
     * @param iterations           re-projection iterations run
     * @param converged            whether the last update's RMS fell below the tolerance
     * @param lastUpdateRmsPx      RMS of the last iteration's shift updates (rows and columns), pixels
     * @param reprojectionResidual RMS(measured − re-projection) / RMS(measured) after the last iteration (NaN
     *                             without iterations): how well one volume explains all projections
     * @param updateRmsPx          the update RMS of every iteration, pixels
     * @param binning              working binning factor
     */
    public record Result(double centreColumnPx, double centreUncertaintyPx, double[] shiftRowPx, double[] shiftColPx,
            int iterations, boolean converged, double lastUpdateRmsPx, double reprojectionResidual,
            double[] updateRmsPx, int binning) {

        /** @return the reconstruction geometry for these shifts (full resolution, {@code columns} wide) */
        public ParallelBeamGeometry geometry(double[] anglesDeg, int columns) {
            return new ParallelBeamGeometry(anglesDeg, columns, centreColumnPx, shiftColPx);
        }

        /**
         * @param columnShiftsPx new per-projection column shifts (e.g. with an energy pair's sample translation)
         * @return this alignment with those column shifts
         */
        public Result withShiftColPx(double[] columnShiftsPx) {
            return new Result(centreColumnPx, centreUncertaintyPx, shiftRowPx, columnShiftsPx, iterations, converged,
                    lastUpdateRmsPx, reprojectionResidual, updateRmsPx, binning);
        }

        /** @return a one-line summary */
        public String describe() {
            return String.format(Locale.ROOT, "centre %.3f ± %.3f px, %d iteration(s), %s, last update %.4f px,"
                    + " re-projection residual %.4f, binning %d", centreColumnPx, centreUncertaintyPx, iterations,
                    converged ? "converged" : "not converged", lastUpdateRmsPx, reprojectionResidual, binning);
        }
    }

    /**
     * @param lineIntegrals {@code [angle, row, column]} line integrals (normalised projections), with
     *                      {@link PhysicalMetadata} angles
     * @param options       settings
     * @param monitor       progress (one unit per iteration) and cancellation; may be null
     * @return the alignment
     * @throws IllegalArgumentException    if the stack is not 3-D, has no angles or the angles do not span 180°
     * @throws ImplausibleResultException if the result is beyond the {@link Plausibility} bounds (centre off the
     *                                     detector, shifts beyond a quarter of the field, an uncertainty that is
     *                                     not finite and positive)
     * @throws CancellationException       if cancelled
     */
    public static Result align(Dataset lineIntegrals, AlignmentOptions options, IMonitor monitor) {
        if (lineIntegrals.getRank() != 3) {
            throw new IllegalArgumentException("projections must be [angle, row, column], were "
                    + Arrays.toString(lineIntegrals.getShape()));
        }
        double[] angles = PhysicalMetadata.of(lineIntegrals).anglesDeg();
        int[] shape = lineIntegrals.getShape();
        return align(FlatArrays.floats(lineIntegrals), shape[1], shape[2], angles, options, monitor);
    }

    /**
     * @param projections {@code [angle, row, column]} line integrals, row-major
     * @param rows        detector rows
     * @param columns     detector columns
     * @param anglesDeg   one angle per projection, degrees
     * @param options     settings
     * @param monitor     progress and cancellation; may be null
     * @return the alignment
     * @throws ImplausibleResultException if the result is beyond the {@link Plausibility} bounds
     */
    public static Result align(float[] projections, int rows, int columns, double[] anglesDeg,
            AlignmentOptions options, IMonitor monitor) {
        int angles = anglesDeg.length;
        if (angles < 3 || (long) angles * rows * columns != projections.length) {
            throw new IllegalArgumentException("need at least 3 projections and " + angles + "×" + rows + "×"
                    + columns + " values, got " + projections.length);
        }
        checkAngles(anglesDeg);
        int bin = 1;
        while (columns / bin > options.maxWorkingColumns() && rows / (2 * bin) >= 4) {
            bin *= 2;
        }
        int wr = rows / bin;
        int wc = columns / bin;
        float[] work = bin == 1 ? projections : bin(projections, angles, rows, columns, bin);
        double[] rad = Arrays.stream(anglesDeg).map(Math::toRadians).toArray();

        // 1. centre of mass
        double[] sRow = new double[angles];
        double[] sCol = new double[angles];
        double centre = centreOfMass(work, angles, wr, wc, rad, sRow, sCol);
        double[] history = new double[options.maxIterations()];
        int iterations = 0;
        boolean converged = false;
        double last = Double.NaN;
        double residual = Double.NaN;
        FbpOptions fbp = FbpOptions.DEFAULT.withSize(wc);
        float[] corrected = new float[work.length];
        float[] reprojection = new float[work.length];
        ThreadLocal<PhaseCorrelation> correlators = ThreadLocal.withInitial(() -> new PhaseCorrelation(wr, wc,
                options.lowPass()));
        int frame = wr * wc;
        for (int it = 0; it < options.maxIterations(); it++) {
            if (monitor != null && monitor.isCancelled()) {
                throw new CancellationException("alignment cancelled at iteration " + (it + 1));
            }
            shiftRows(work, corrected, angles, wr, wc, sRow);
            ParallelBeamGeometry geometry = new ParallelBeamGeometry(anglesDeg, wc, centre, sCol);
            float[] volume = new FourierGridReconstruction(geometry, fbp).reconstructSlab(corrected, wr);
            for (int i = 0; i < volume.length; i++) {
                volume[i] = Math.max(0, volume[i]); // attenuation is not negative: a cleaner re-projection
            }
            ParallelProjector projector = new ParallelProjector(geometry, wc);
            int n = wc;
            IntStream.range(0, wr).parallel().forEach(z -> {
                float[] slice = Arrays.copyOfRange(volume, z * n * n, (z + 1) * n * n);
                float[] sino = projector.project(slice, false);
                for (int a = 0; a < angles; a++) {
                    System.arraycopy(sino, a * wc, reprojection, a * frame + z * wc, wc);
                }
            });
            double[] dRow = new double[angles];
            double[] dCol = new double[angles];
            IntStream.range(0, angles).parallel().forEach(a -> {
                float[] m = Arrays.copyOfRange(corrected, a * frame, (a + 1) * frame);
                float[] r = Arrays.copyOfRange(reprojection, a * frame, (a + 1) * frame);
                double[] d = correlators.get().shift(m, r);
                dRow[a] = d[0];
                dCol[a] = d[1];
            });
            residual = residual(corrected, reprojection);
            removeSinusoid(dCol, rad, false);
            double meanRow = mean(dRow);
            double sum2 = 0;
            for (int a = 0; a < angles; a++) {
                dRow[a] -= meanRow;
                sRow[a] += dRow[a];
                sCol[a] += dCol[a];
                sum2 += dRow[a] * dRow[a] + dCol[a] * dCol[a];
            }
            double meanCol = mean(sCol);
            centre += meanCol;
            for (int a = 0; a < angles; a++) {
                sCol[a] -= meanCol;
            }
            last = Math.sqrt(sum2 / (2 * angles)) * bin;
            history[it] = last;
            iterations = it + 1;
            if (monitor != null) {
                monitor.worked(1);
            }
            if (last < options.tolerancePx()) {
                converged = true;
                break;
            }
        }
        double[] rowsPx = new double[angles];
        double[] colsPx = new double[angles];
        double rms = 0;
        for (int a = 0; a < angles; a++) {
            rowsPx[a] = sRow[a] * bin;
            colsPx[a] = sCol[a] * bin;
            rms += colsPx[a] * colsPx[a];
        }
        rms = Math.sqrt(rms / angles);
        double lastSpread = Double.isNaN(last) ? 0 : last;
        double uncertainty = Math.sqrt((rms * rms + lastSpread * lastSpread) / angles + lastSpread * lastSpread
                / 4);
        Result result = new Result(centre * bin + (bin - 1) / 2.0, uncertainty, rowsPx, colsPx, iterations,
                converged, last, residual, Arrays.copyOf(history, iterations), bin);
        List<String> problems = Plausibility.problems(result, rows, columns);
        if (!problems.isEmpty()) {
            throw new ImplausibleResultException("the alignment is not physically plausible: " + String.join(", ",
                    problems) + " (" + result.describe() + ")");
        }
        return result;
    }

    /**
     * @param anglesDeg projection angles
     * @throws IllegalArgumentException if they are not finite or do not span at least 180° (the sample must be seen
     *                                  from every direction; 360° is fine)
     */
    public static void checkAngles(double[] anglesDeg) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double a : anglesDeg) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("projection angles must be finite, found " + a);
            }
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        int n = anglesDeg.length;
        double span = n > 1 ? (max - min) * n / (n - 1) : 0; // one step beyond the last angle closes the half turn
        if (span < 179.5) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "projection angles span only %.2f° (%.2f°"
                    + " to %.2f° in %d steps); alignment and the rotation centre need a scan over at least 180°",
                    span, min, max, n));
        }
    }

    /**
     * The centre that projections with this geometry determine (see the class comment): the rotation-axis column
     * plus the constant {@code x0} of the least-squares fit {@code jitterColPx ≈ x0 + x1 cos θ + x2 sin θ}; the
     * {@code cos}/{@code sin} part of the jitter cannot be told from a translation of the sample. Over a full turn
     * (or any angles with {@code Σ cos θ = Σ sin θ = 0}) this is {@code rotationCentrePx + mean(jitterColPx)}.
     *
     * @param rotationCentrePx true rotation-axis column
     * @param jitterColPx      true column jitter per projection, pixels (positive moves the image to higher columns)
     * @param anglesDeg        projection angles, degrees
     * @return the measurable centre, detector columns
     * @throws IllegalArgumentException if the lengths differ or the angles do not determine a sinusoid
     */
    public static double identifiableCentre(double rotationCentrePx, double[] jitterColPx, double[] anglesDeg) {
        return rotationCentrePx + jitterSinusoid(jitterColPx, anglesDeg)[0];
    }

    /**
     * The least-squares fit {@code values ≈ x0 + x1 cos θ + x2 sin θ} over the given angles. For a true column jitter,
     * {@code x0} moves the measurable centre ({@link #identifiableCentre}) and {@code (x1, x2)} is the translation of
     * the sample, in pixels along x and y of the rotation plane, that no alignment can tell from the jitter.
     *
     * @param values    one value per projection, pixels
     * @param anglesDeg projection angles, degrees
     * @return {@code {x0, x1, x2}}, pixels
     * @throws IllegalArgumentException if the lengths differ or the angles do not determine a sinusoid
     */
    public static double[] jitterSinusoid(double[] values, double[] anglesDeg) {
        if (values.length != anglesDeg.length) {
            throw new IllegalArgumentException(values.length + " jitter values for " + anglesDeg.length + " angles");
        }
        double[] x = LeastSquares.sinusoid(values, Arrays.stream(anglesDeg).map(Math::toRadians).toArray(), null);
        if (x == null) {
            throw new IllegalArgumentException("the angles do not separate the centre from a sample translation");
        }
        return x;
    }

    /** Centre of mass start: fills the shifts, returns the centre (working pixels). */
    static double centreOfMass(float[] p, int angles, int rows, int cols, double[] rad, double[] sRow,
            double[] sCol) {
        double[] comRow = new double[angles];
        double[] comCol = new double[angles];
        boolean[] colOk = new boolean[angles];
        boolean[] rowOk = new boolean[angles];
        int frame = rows * cols;
        for (int a = 0; a < angles; a++) {
            double[] colSum = new double[cols];
            double[] rowSum = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = p[a * frame + r * cols + c];
                    colSum[c] += v;
                    rowSum[r] += v;
                }
            }
            double mass = 0;
            double mc = 0;
            double mr = 0;
            for (int c = 0; c < cols; c++) {
                mass += colSum[c];
                mc += c * colSum[c];
            }
            for (int r = 0; r < rows; r++) {
                mr += r * rowSum[r];
            }
            comCol[a] = mc / mass;
            comRow[a] = mr / mass;
            colOk[a] = mass > 0 && !truncated(colSum);
            rowOk[a] = mass > 0 && !truncated(rowSum);
        }
        // least squares com = c + X cos θ + Y sin θ over the untruncated projections
        double centre = (cols - 1) / 2.0;
        double[] x = LeastSquares.sinusoid(comCol, rad, colOk);
        if (x != null) {
            centre = x[0];
            for (int a = 0; a < angles; a++) {
                sCol[a] = colOk[a] ? comCol[a] - (x[0] + x[1] * Math.cos(rad[a]) + x[2] * Math.sin(rad[a])) : 0;
            }
            double m = mean(sCol);
            for (int a = 0; a < angles; a++) {
                sCol[a] -= m;
            }
            centre += m;
        }
        double rowMean = 0;
        int rowUsed = 0;
        for (int a = 0; a < angles; a++) {
            if (rowOk[a]) {
                rowMean += comRow[a];
                rowUsed++;
            }
        }
        rowMean /= Math.max(1, rowUsed);
        for (int a = 0; a < angles; a++) {
            sRow[a] = rowOk[a] ? comRow[a] - rowMean : 0;
        }
        return centre;
    }

    private static boolean truncated(double[] profile) {
        double max = 0;
        for (double v : profile) {
            max = Math.max(max, v);
        }
        int n = profile.length;
        int band = Math.min(3, n / 4);
        double left = 0;
        double right = 0;
        for (int i = 0; i < band; i++) {
            left += profile[i] / band;
            right += profile[n - 1 - i] / band;
        }
        // signed means: noise averages out instead of adding |noise| (at low counts that flagged most projections,
        // and a centre fitted to the few left follows their jitter)
        double noise = profileNoise(profile) / Math.sqrt(band);
        return Math.max(left, right) > Math.max(TRUNCATION * max, 5 * noise);
    }

    /** Robust σ of the profile's noise, from the median absolute first difference (edges of particles are few). */
    private static double profileNoise(double[] profile) {
        double[] d = new double[profile.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(profile[i + 1] - profile[i]);
        }
        Arrays.sort(d);
        return d.length == 0 ? 0 : d[d.length / 2] / (0.6745 * Math.sqrt(2));
    }

    /** Removes the least-squares {@code a + b cos θ + c sin θ} (or only the cos/sin part) from {@code v}. */
    static void removeSinusoid(double[] v, double[] rad, boolean withMean) {
        double[] x = LeastSquares.sinusoid(v, rad, null);
        if (x == null) {
            return;
        }
        for (int a = 0; a < v.length; a++) {
            v[a] -= (withMean ? x[0] : 0) + x[1] * Math.cos(rad[a]) + x[2] * Math.sin(rad[a]);
        }
    }

    /** Samples each projection at {@code row + shift[a]} (linear interpolation, zero outside). */
    static void shiftRows(float[] in, float[] out, int angles, int rows, int cols, double[] shift) {
        int frame = rows * cols;
        IntStream.range(0, angles).parallel().forEach(a -> {
            for (int r = 0; r < rows; r++) {
                double y = r + shift[a];
                int y0 = (int) Math.floor(y);
                double f = y - y0;
                int o = a * frame + r * cols;
                for (int c = 0; c < cols; c++) {
                    double v0 = y0 >= 0 && y0 < rows ? in[a * frame + y0 * cols + c] : 0;
                    double v1 = y0 + 1 >= 0 && y0 + 1 < rows ? in[a * frame + (y0 + 1) * cols + c] : 0;
                    out[o + c] = (float) (v0 + f * (v1 - v0));
                }
            }
        });
    }

    /** Averages bin×bin blocks of every projection. */
    static float[] bin(float[] p, int angles, int rows, int cols, int bin) {
        int wr = rows / bin;
        int wc = cols / bin;
        float[] out = new float[angles * wr * wc];
        double norm = 1.0 / (bin * bin);
        IntStream.range(0, angles).parallel().forEach(a -> {
            for (int r = 0; r < wr; r++) {
                for (int c = 0; c < wc; c++) {
                    double s = 0;
                    for (int i = 0; i < bin; i++) {
                        int base = a * rows * cols + (r * bin + i) * cols + c * bin;
                        for (int j = 0; j < bin; j++) {
                            s += p[base + j];
                        }
                    }
                    out[(a * wr + r) * wc + c] = (float) (s * norm);
                }
            }
        });
        return out;
    }

    private static double residual(float[] measured, float[] model) {
        double d2 = 0;
        double m2 = 0;
        for (int i = 0; i < measured.length; i++) {
            double d = measured[i] - model[i];
            d2 += d * d;
            m2 += (double) measured[i] * measured[i];
        }
        return m2 > 0 ? Math.sqrt(d2 / m2) : Double.NaN;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
