package org.edgewise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;

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
 * by different amounts at different depths. Anything whose position follows contrast (intensities, outlines,
 * gradients) then moves between the scans and, away from the centre, reads as a scale change: registering gradient
 * magnitudes still left −0.4 % to +0.6 % scale errors on simulated pairs with 0.1 % truth.
 * <p>
 * <b>Projections</b> are therefore registered on landmarks first ({@link ParticleLandmarks}): the centre of mass of
 * every particle image in every projection, which is the projection of the particle's centre of mass and does not
 * depend on a depth-dependent composition. Landmarks are matched between the scans per projection (mutual nearest
 * under the nominal scale, similar size) and fitted by least squares, with outliers rejected, to
 * <pre>
 *   row' − m = k·(row − m) + shift_row
 *   col' − m = k·(col − m) + shift_col + x·cos θ + y·sin θ
 * </pre>
 * where {@code (x, y)} is the sample translation that each scan's own alignment leaves free. The scale needs
 * landmarks spread in the image: one particle alone does not fix it, and the fit's scale uncertainty decides
 * ({@link #LANDMARK_SCALE_SIGMA_LIMIT}). The residual of the result is always that of the gradient images (below) at
 * the result's geometry, so the two methods report comparable residuals.
 * <p>
 * <b>Volumes</b> (e.g. different elements' reconstructions) are registered the same way on the particles' 3-D
 * centres of mass: the scale from their separations (two or more particles needed), the shift from their positions;
 * there is no sample translation in 3-D beyond the shift.
 * <p>
 * <b>Fallback</b>: without enough landmarks, images are registered as gradient magnitudes {@code |∇p|}, dominated
 * by the particle outlines. The moving gradient image is modelled as
 * {@code gain·g + quadratic·g² + offset} of the reference's; {@code (scale, shift, gain, quadratic, offset)} are found
 * by Gauss-Newton on all pixels with Keys cubic interpolation, started from a phase correlation of the summed
 * images. The residual is {@code RMS(misfit) / RMS(moving gradient)} (0 = identical up to contrast).
 */
public final class Registration {

    /** Method name: particle centres of mass ({@link ParticleLandmarks}). */
    public static final String LANDMARKS = "particle landmarks";
    /** Method name: Gauss-Newton on gradient-magnitude images. */
    public static final String GRADIENT_IMAGES = "gradient images";

    /** A landmark fit is trusted when its scale is known to this relative 1σ; otherwise the image method is used. */
    static final double LANDMARK_SCALE_SIGMA_LIMIT = 5e-4;

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
     * @param iterations          Gauss-Newton iterations (0 for the landmark method)
     * @param translationPx       projections only: translation {@code (x, y)} of the sample in the moving scan
     *                            relative to the reference, in the rotation plane, pixels of the moving scan: the
     *                            moving projection at angle θ is displaced by {@code x·cos θ + y·sin θ} columns
     *                            (each scan's alignment fixes the sample only up to such a translation); zeros for
     *                            volumes and for the image method
     * @param method              {@link #LANDMARKS} or {@link #GRADIENT_IMAGES}
     * @param landmarks           landmark pairs used (0 for the image method)
     * @param landmarkRmsPx       RMS distance between the moving scan's landmarks and the registered reference
     *                            landmarks (outliers excluded), pixels; NaN for the image method
     */
    public record Result(double scale, double nominalScale, double[] shiftPx, double gain, double offset,
            double residual, double scaleUncertainty, double[] shiftUncertaintyPx, int iterations,
            double[] translationPx, String method, int landmarks, double landmarkRmsPx) {

        /** @return a one-line summary */
        public String describe() {
            String how = LANDMARKS.equals(method) ? String.format(Locale.ROOT, "%d particle landmarks (RMS misfit"
                    + " %.3f px)%s", landmarks, landmarkRmsPx, shiftPx.length == 2 ? ", sample translation "
                            + format(translationPx) + " px" : "")
                    : String.format(Locale.ROOT, "%s, %d iteration(s)", method, iterations);
            return String.format(Locale.ROOT, "scale %.6f (± %.1e) × nominal %.6f, shift %s px (± %s), gain %.4f,"
                    + " residual %.4f; %s", scale, scaleUncertainty, nominalScale,
                    format(shiftPx), format(shiftUncertaintyPx), gain, residual, how);
        }

        /**
         * @param angleDeg projection angle
         * @return the moving scan's extra column displacement at this angle, {@code x·cos θ + y·sin θ}, pixels
         */
        public double columnTranslationPx(double angleDeg) {
            if (translationPx.length < 2) {
                return 0;
            }
            double t = Math.toRadians(angleDeg);
            return translationPx[0] * Math.cos(t) + translationPx[1] * Math.sin(t);
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
        int mr = Math.max(0, Math.min(marginRows, shape[1] / 2 - 4));
        int mc = Math.max(0, Math.min(marginCols, shape[2] / 2 - 4));
        float[] r = FlatArrays.floats(reference);
        float[] m = FlatArrays.floats(moving);
        // no margin for landmarks: a particle reaching the detector edge in the raw data is continued by edge
        // values to the aligned image's border, where ParticleLandmarks rejects it as cut by the field of view
        Result byLandmarks = registerLandmarks(r, m, shape, ra, nominal, new int[2]);
        int step = Math.max(1, (angles + maxAngles - 1) / maxAngles);
        int used = (angles + step - 1) / step;
        int frame = shape[1] * shape[2];
        float[] rs = new float[used * frame];
        float[] ms = new float[used * frame];
        double[] planeOffsets = new double[used];
        for (int i = 0; i < used; i++) {
            System.arraycopy(r, i * step * frame, rs, i * frame, frame);
            System.arraycopy(m, i * step * frame, ms, i * frame, frame);
            planeOffsets[i] = byLandmarks == null ? 0 : byLandmarks.columnTranslationPx(ra[i * step]);
        }
        float[] rg = gradientMagnitude(rs, used, shape[1], shape[2]);
        float[] mg = gradientMagnitude(ms, used, shape[1], shape[2]);
        int[] dims = { used, shape[1], shape[2] };
        int[] margin = { 0, mr, mc };
        if (byLandmarks == null) {
            return gaussNewton(rg, mg, dims, false, nominal, 1, margin, null, null);
        }
        Result contrast = gaussNewton(rg, mg, dims, false, nominal, 1, margin, planeOffsets, byLandmarks);
        return new Result(byLandmarks.scale(), nominal, byLandmarks.shiftPx(), contrast.gain(), contrast.offset(),
                contrast.residual(), byLandmarks.scaleUncertainty(), byLandmarks.shiftUncertaintyPx(), 0,
                byLandmarks.translationPx(), LANDMARKS, byLandmarks.landmarks(), byLandmarks.landmarkRmsPx());
    }

    /**
     * The landmark registration of projections (see the class comment), or null when the landmarks do not fix the
     * scale to {@link #LANDMARK_SCALE_SIGMA_LIMIT}. The result's gain, offset and residual are not yet set.
     * <p>
     * With two or more particles in a projection the scale comes from their separations alone (positions relative
     * to the projection's mean landmark): these do not depend on either scan's alignment, whose remaining errors
     * (≈ 0.05 px per projection) would otherwise be the largest error term. The shifts and the sample translation
     * then follow from the absolute positions at that scale. With one particle per projection everything comes from
     * the absolute positions.
     *
     * @param ref       aligned reference projections {@code [angle, row, column]}
     * @param mov       aligned moving projections, same shape
     * @param shape     {@code {angles, rows, columns}}
     * @param anglesDeg projection angles
     * @param nominal   nominal scale from the pixel sizes
     * @param margin    {@code {rows, columns}} ignored at each end
     * @return the geometry, or null
     */
    static Result registerLandmarks(float[] ref, float[] mov, int[] shape, double[] anglesDeg, double nominal,
            int[] margin) {
        int rows = shape[1];
        int cols = shape[2];
        int grow = Math.max(2, (int) Math.round(Math.max(rows, cols) / 64.0));
        int minPixels = Math.max(20, rows * cols / 550);
        List<List<ParticleLandmarks.Landmark>> a = ParticleLandmarks.find(ref, shape, margin,
                ParticleLandmarks.level(ref), grow, minPixels);
        List<List<ParticleLandmarks.Landmark>> b = ParticleLandmarks.find(mov, shape, margin,
                ParticleLandmarks.level(mov), grow, minPixels);
        double[] start = initialShift(ref, mov, shape, false, nominal);
        double mRow = (rows - 1) / 2.0;
        double mCol = (cols - 1) / 2.0;
        double tolerance = Math.max(3, 0.03 * Math.max(rows, cols));
        // per projection, matched landmarks relative to the image centre: {row, col, row', col', angle}
        List<List<double[]>> matches = new ArrayList<>();
        int total = 0;
        for (int p = 0; p < shape[0]; p++) {
            List<double[]> here = new ArrayList<>();
            for (ParticleLandmarks.Landmark l : a.get(p)) {
                double predictedRow = mRow + nominal * (l.row() - mRow) + start[0];
                double predictedCol = mCol + nominal * (l.column() - mCol) + start[1];
                ParticleLandmarks.Landmark match = nearest(b.get(p), predictedRow, predictedCol);
                if (match == null || nearest(a.get(p), mRow + (match.row() - mRow - start[0]) / nominal,
                        mCol + (match.column() - mCol - start[1]) / nominal) != l) {
                    continue;
                }
                double sizeRatio = (double) match.pixels() / l.pixels();
                if (Math.hypot(match.row() - predictedRow, match.column() - predictedCol) > tolerance
                        || sizeRatio < 0.7 || sizeRatio > 1 / 0.7) {
                    continue; // a merged or partly hidden particle image, not the same landmark
                }
                here.add(new double[] { l.row() - mRow, l.column() - mCol, match.row() - mRow,
                    match.column() - mCol, Math.toRadians(anglesDeg[p]) });
            }
            matches.add(here);
            total += here.size();
        }
        if (total < 20) {
            return null;
        }
        double[] scaleFit = scaleFromSeparations(matches, 2, 10);
        if (scaleFit == null || !(scaleFit[1] / scaleFit[0] <= LANDMARK_SCALE_SIGMA_LIMIT)) {
            return absoluteFit(matches, nominal, total);
        }
        double k = scaleFit[0];
        // at that scale: rows give the row shift; columns the column shift and the sample translation
        List<double[]> equations = new ArrayList<>(); // {x0..x3, observed}
        for (List<double[]> here : matches) {
            for (double[] m : here) {
                equations.add(new double[] { 1, 0, 0, 0, m[2] - k * m[0] });
                equations.add(new double[] { 0, 1, Math.cos(m[4]), Math.sin(m[4]), m[3] - k * m[1] });
            }
        }
        double[][] fit = robustLeastSquares(equations, 4);
        if (fit == null) {
            return null;
        }
        double[] x = fit[0];
        double[] sigma = fit[1];
        return new Result(k / nominal, nominal, new double[] { x[0], x[1] }, 1, 0, Double.NaN,
                scaleFit[1] / nominal, new double[] { sigma[0], sigma[1] }, 0, new double[] { x[2], x[3] },
                LANDMARKS, total, fit[2][0]);
    }

    /**
     * @param matches   groups (projections, or the one volume) of matched landmarks {@code {ref coordinates…,
     *                  moving coordinates…, anything}}, coordinates relative to the image centre
     * @param dims      coordinates per landmark
     * @param minGroups fewest groups with two or more landmarks
     * @return {scale, 1σ} from the separations of the landmarks within each group, with outliers rejected; null
     *         without enough
     */
    private static double[] scaleFromSeparations(List<List<double[]>> matches, int dims, int minGroups) {
        List<double[]> centred = new ArrayList<>(); // {d, d'} per coordinate
        int projections = 0;
        int freedom = 0;
        for (List<double[]> here : matches) {
            int n = here.size();
            if (n < 2) {
                continue;
            }
            double[] mean = new double[2 * dims];
            for (double[] m : here) {
                for (int i = 0; i < 2 * dims; i++) {
                    mean[i] += m[i] / n;
                }
            }
            for (double[] m : here) {
                for (int i = 0; i < dims; i++) {
                    centred.add(new double[] { m[i] - mean[i], m[dims + i] - mean[dims + i] });
                }
            }
            projections++;
            freedom += dims * (n - 1);
        }
        if (projections < minGroups) {
            return null;
        }
        boolean[] use = new boolean[centred.size()];
        Arrays.fill(use, true);
        double k = Double.NaN;
        double sigma = Double.NaN;
        for (int round = 0; round < 4; round++) {
            double dd = 0;
            double dm = 0;
            for (int i = 0; i < use.length; i++) {
                if (use[i]) {
                    double[] c = centred.get(i);
                    dd += c[0] * c[0];
                    dm += c[0] * c[1];
                }
            }
            if (!(dd > 0)) {
                return null;
            }
            k = dm / dd;
            double[] residuals = new double[use.length];
            double sum2 = 0;
            int rejected = 0;
            for (int i = 0; i < use.length; i++) {
                double[] c = centred.get(i);
                residuals[i] = c[1] - k * c[0];
                if (use[i]) {
                    sum2 += residuals[i] * residuals[i];
                } else {
                    rejected++;
                }
            }
            // each projection's centring removes one degree of freedom per axis (two landmarks: one separation)
            sigma = Math.sqrt(sum2 / Math.max(1, freedom - rejected - 1) / dd);
            if (!reject(residuals, use)) {
                break;
            }
        }
        return new double[] { k, sigma };
    }

    /** Scale, shifts and translation all from absolute positions (one particle per projection at most). */
    private static Result absoluteFit(List<List<double[]>> matches, double nominal, int total) {
        List<double[]> equations = new ArrayList<>(); // {x0..x4, observed}
        for (List<double[]> here : matches) {
            for (double[] m : here) {
                equations.add(new double[] { m[0], 1, 0, 0, 0, m[2] });
                equations.add(new double[] { m[1], 0, 1, Math.cos(m[4]), Math.sin(m[4]), m[3] });
            }
        }
        double[][] fit = robustLeastSquares(equations, 5);
        if (fit == null) {
            return null;
        }
        double[] x = fit[0];
        double[] sigma = fit[1];
        if (!(sigma[0] / x[0] <= LANDMARK_SCALE_SIGMA_LIMIT)) {
            return null;
        }
        return new Result(x[0] / nominal, nominal, new double[] { x[1], x[2] }, 1, 0, Double.NaN, sigma[0] / nominal,
                new double[] { sigma[1], sigma[2] }, 0, new double[] { x[3], x[4] }, LANDMARKS, total, fit[2][0]);
    }

    /**
     * Linear least squares with outliers (beyond 4 robust σ, at least 0.05 px) rejected.
     *
     * @param equations rows {@code {x_0 … x_{n−1}, observed}}
     * @param n         unknowns
     * @return {solution, 1σ, {RMS residual of the equations kept}} or null if singular
     */
    private static double[][] robustLeastSquares(List<double[]> equations, int n) {
        boolean[] use = new boolean[equations.size()];
        Arrays.fill(use, true);
        double[] solution = null;
        double[] sigma = new double[n];
        double rms = Double.NaN;
        for (int round = 0; round < 4; round++) {
            double[][] ata = new double[n][n];
            double[] atb = new double[n];
            int used = 0;
            for (int e = 0; e < use.length; e++) {
                if (use[e]) {
                    double[] q = equations.get(e);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            ata[i][j] += q[i] * q[j];
                        }
                        atb[i] += q[i] * q[n];
                    }
                    used++;
                }
            }
            solution = solve(ata, atb);
            if (solution == null) {
                return null;
            }
            double[] residuals = new double[use.length];
            double sum2 = 0;
            for (int e = 0; e < use.length; e++) {
                double[] q = equations.get(e);
                double predicted = 0;
                for (int i = 0; i < n; i++) {
                    predicted += q[i] * solution[i];
                }
                residuals[e] = q[n] - predicted;
                if (use[e]) {
                    sum2 += residuals[e] * residuals[e];
                }
            }
            double variance = sum2 / Math.max(1, used - n);
            rms = Math.sqrt(sum2 / Math.max(1, used));
            double[] diagonal = inverseDiagonal(ata);
            for (int i = 0; i < n; i++) {
                sigma[i] = Math.sqrt(Math.max(0, variance * diagonal[i]));
            }
            if (!reject(residuals, use)) {
                break;
            }
        }
        return new double[][] { solution, sigma, { rms } };
    }

    /** Marks residuals beyond 4 robust σ (at least 0.05 px) as unused; returns whether the selection changed. */
    private static boolean reject(double[] residuals, boolean[] use) {
        double limit = Math.max(0.05, 4 * 1.4826 * medianAbsolute(residuals, use));
        boolean changed = false;
        for (int e = 0; e < use.length; e++) {
            boolean keep = Math.abs(residuals[e]) <= limit;
            changed |= keep != use[e];
            use[e] = keep;
        }
        return changed;
    }

    private static ParticleLandmarks.Landmark nearest(List<ParticleLandmarks.Landmark> candidates, double row,
            double column) {
        return nearest(candidates, l -> new double[] { l.row(), l.column() }, new double[] { row, column });
    }

    /** @return the candidate whose position is nearest to {@code target}, or null if there are none */
    private static <T> T nearest(List<T> candidates, java.util.function.Function<T, double[]> position,
            double[] target) {
        T best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (T c : candidates) {
            double d = distance(position.apply(c), target);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double medianAbsolute(double[] values, boolean[] use) {
        double[] a = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (use[i]) {
                a[n++] = Math.abs(values[i]);
            }
        }
        Arrays.sort(a, 0, n);
        return n == 0 ? 0 : a[n / 2];
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
        float[] r = FlatArrays.floats(reference);
        float[] m = FlatArrays.floats(moving);
        Result byLandmarks = registerVolumeLandmarks(r, m, shape, nominal);
        float[] rg = gradientMagnitude3(r, shape);
        float[] mg = gradientMagnitude3(m, shape);
        if (byLandmarks == null) {
            return gaussNewton(rg, mg, shape, true, nominal, stride, new int[3], null, null);
        }
        Result contrast = gaussNewton(rg, mg, shape, true, nominal, stride, new int[3], null, byLandmarks);
        return new Result(byLandmarks.scale(), nominal, byLandmarks.shiftPx(), contrast.gain(), contrast.offset(),
                contrast.residual(), byLandmarks.scaleUncertainty(), byLandmarks.shiftUncertaintyPx(), 0,
                new double[2], LANDMARKS, byLandmarks.landmarks(), byLandmarks.landmarkRmsPx());
    }

    /**
     * Landmark registration of two volumes: the particles' centres of mass, matched (mutual nearest under the
     * nominal scale), the scale from their separations, the shift from their positions. Null with fewer than two
     * matched particles or a scale uncertainty above {@link #LANDMARK_SCALE_SIGMA_LIMIT}.
     */
    static Result registerVolumeLandmarks(float[] ref, float[] mov, int[] shape, double nominal) {
        int largest = Math.max(shape[0], Math.max(shape[1], shape[2]));
        int grow = Math.max(2, (int) Math.round(largest / 64.0));
        int minVoxels = Math.max(27, shape[0] * shape[1] * shape[2] / 20_000);
        List<ParticleLandmarks.VolumeLandmark> a = ParticleLandmarks.findInVolume(ref, shape,
                ParticleLandmarks.level(ref), grow, minVoxels);
        List<ParticleLandmarks.VolumeLandmark> b = ParticleLandmarks.findInVolume(mov, shape,
                ParticleLandmarks.level(mov), grow, minVoxels);
        double[] start = initialShift(ref, mov, shape, true, nominal);
        double[] centre = { (shape[0] - 1) / 2.0, (shape[1] - 1) / 2.0, (shape[2] - 1) / 2.0 };
        double tolerance = Math.max(3, 0.03 * largest);
        List<double[]> matched = new ArrayList<>(); // {ref z, y, x, moving z, y, x} relative to the centre
        for (ParticleLandmarks.VolumeLandmark l : a) {
            double[] predicted = new double[3];
            for (int i = 0; i < 3; i++) {
                predicted[i] = centre[i] + nominal * (l.position()[i] - centre[i]) + start[i];
            }
            ParticleLandmarks.VolumeLandmark match = nearestInVolume(b, predicted);
            if (match == null) {
                continue;
            }
            double[] back = new double[3];
            for (int i = 0; i < 3; i++) {
                back[i] = centre[i] + (match.position()[i] - centre[i] - start[i]) / nominal;
            }
            double sizeRatio = (double) match.voxels() / l.voxels();
            if (nearestInVolume(a, back) != l || distance(match.position(), predicted) > tolerance
                    || sizeRatio < 0.5 || sizeRatio > 2) {
                continue;
            }
            double[] row = new double[6];
            for (int i = 0; i < 3; i++) {
                row[i] = l.position()[i] - centre[i];
                row[3 + i] = match.position()[i] - centre[i];
            }
            matched.add(row);
        }
        if (matched.size() < 2) {
            return null;
        }
        double[] scaleFit = scaleFromSeparations(List.of(matched), 3, 1);
        if (scaleFit == null || !(scaleFit[1] / scaleFit[0] <= LANDMARK_SCALE_SIGMA_LIMIT)) {
            return null;
        }
        double k = scaleFit[0];
        double[] shift = new double[3];
        double[] sigma = new double[3];
        double sum2 = 0;
        for (int i = 0; i < 3; i++) {
            for (double[] row : matched) {
                shift[i] += (row[3 + i] - k * row[i]) / matched.size();
            }
            double spread = 0;
            for (double[] row : matched) {
                double e = row[3 + i] - k * row[i] - shift[i];
                spread += e * e;
                sum2 += e * e;
            }
            sigma[i] = Math.sqrt(spread / Math.max(1, matched.size() - 1) / matched.size());
        }
        return new Result(k / nominal, nominal, shift, 1, 0, Double.NaN, scaleFit[1] / nominal, sigma, 0,
                new double[2], LANDMARKS, matched.size(), Math.sqrt(sum2 / matched.size()));
    }

    private static ParticleLandmarks.VolumeLandmark nearestInVolume(List<ParticleLandmarks.VolumeLandmark> candidates,
            double[] position) {
        return nearest(candidates, ParticleLandmarks.VolumeLandmark::position, position);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
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
        return gaussNewton(ref, mov, shape, transformAxis0, nominal, stride, new int[3], null, null);
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
        return gaussNewton(ref, mov, shape, transformAxis0, nominal, stride, margin, null, null);
    }

    /**
     * @param planeOffsets per plane along axis 0, an extra shift of the last axis (the sample translation of
     *                     projections); null for none
     * @param fixed        a geometry (scale, shifts) to keep: only the contrast is fitted, for its residual; null to
     *                     fit everything
     */
    private static Result gaussNewton(float[] ref, float[] mov, int[] shape, boolean transformAxis0, double nominal,
            int stride, int[] margin, double[] planeOffsets, Result fixed) {
        int n0 = shape[0];
        int n1 = shape[1];
        int n2 = shape[2];
        int axes = transformAxis0 ? 3 : 2;
        double[] centre = { (n0 - 1) / 2.0, (n1 - 1) / 2.0, (n2 - 1) / 2.0 };
        double[] shift = fixed != null ? fixed.shiftPx().clone() : initialShift(ref, mov, shape, transformAxis0, nominal);
        double k = fixed != null ? nominal * fixed.scale() : nominal;
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
            double[] step = fixed != null ? contrastStep(jtj, jte, axes) : solve(jtj, jte);
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
                iterations, new double[2], GRADIENT_IMAGES, 0, Double.NaN);
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
        double[] x = solve(a, b);
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
