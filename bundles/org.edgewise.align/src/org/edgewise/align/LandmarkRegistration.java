package org.edgewise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Registration of an energy pair's projections, or of two volumes, on particle landmarks ({@link ParticleLandmarks}:
 * the centres of mass of the particle images, which do not move with a depth-dependent contrast). Landmarks are
 * matched between the images (mutual nearest under the nominal scale, similar size: {@link #matchProjections},
 * {@link #matchVolumes}); {@link #fit} takes the scale from their separations and then the shifts (and for
 * projections the sample translation) from their positions, by {@link LeastSquares#robust}; {@link #atScale} takes
 * the shifts at a scale found otherwise. The model is that of {@link Registration}.
 * <p>
 * A touching group of particles is one connected image, so it is one landmark: its centre of mass is that of the
 * group. With one landmark per projection (one particle, or one touching group) the scale is not determined: in a
 * projection the particle's column {@code X·cos θ + Y·sin θ} scales exactly as a sample translation moves it, and its
 * row is the same in every projection, so a shift explains it at any scale.
 */
final class LandmarkRegistration {

    /** Fewest matched landmarks (over all projections) for a projection registration. */
    static final int MIN_PROJECTION_LANDMARKS = 20;
    /** Fewest projections with two or more matched landmarks for a scale from separations. */
    static final int MIN_SEPARATION_PROJECTIONS = 10;

    /**
     * Landmarks matched between the reference and the moving image.
     *
     * @param groups     per projection (or the one volume), rows {@code {ref coordinates…, moving coordinates…}}
     *                   relative to the image centre, for projections followed by the angle in radians
     * @param dimensions coordinates per landmark: 2 for projections (row, column), 3 for volumes (z, y, x)
     * @param total      landmark pairs in all groups
     */
    record Matches(List<List<double[]>> groups, int dimensions, int total) {
    }

    private LandmarkRegistration() {
    }

    /**
     * @param ref       aligned reference projections {@code [angle, row, column]}
     * @param mov       aligned moving projections, same shape
     * @param shape     {@code {angles, rows, columns}}
     * @param anglesDeg projection angles
     * @param nominal   nominal scale from the pixel sizes
     * @param margin    {@code {rows, columns}} ignored at each end
     * @return the matched landmarks, or null with fewer than {@value #MIN_PROJECTION_LANDMARKS}
     */
    static Matches matchProjections(float[] ref, float[] mov, int[] shape, double[] anglesDeg, double nominal,
            int[] margin) {
        int rows = shape[1];
        int cols = shape[2];
        int grow = Math.max(2, (int) Math.round(Math.max(rows, cols) / 64.0));
        int minPixels = Math.max(20, rows * cols / 550);
        List<List<ParticleLandmarks.Landmark>> a = ParticleLandmarks.find(ref, shape, margin,
                ParticleLandmarks.level(ref), grow, minPixels);
        List<List<ParticleLandmarks.Landmark>> b = ParticleLandmarks.find(mov, shape, margin,
                ParticleLandmarks.level(mov), grow, minPixels);
        double[] start = PhaseCorrelation.wholePixelShift(ref, mov, shape, false);
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
        return total < MIN_PROJECTION_LANDMARKS ? null : new Matches(matches, 2, total);
    }

    /**
     * The particles' 3-D centres of mass, matched (mutual nearest under the nominal scale, similar size).
     *
     * @param ref     reference volume {@code [z, y, x]}
     * @param mov     moving volume, same shape
     * @param shape   the shape
     * @param nominal nominal scale from the voxel sizes
     * @return the matched landmarks (one group), or null when none match
     */
    static Matches matchVolumes(float[] ref, float[] mov, int[] shape, double nominal) {
        int largest = Math.max(shape[0], Math.max(shape[1], shape[2]));
        int grow = Math.max(2, (int) Math.round(largest / 64.0));
        int minVoxels = Math.max(27, shape[0] * shape[1] * shape[2] / 20_000);
        List<ParticleLandmarks.VolumeLandmark> a = ParticleLandmarks.findInVolume(ref, shape,
                ParticleLandmarks.level(ref), grow, minVoxels);
        List<ParticleLandmarks.VolumeLandmark> b = ParticleLandmarks.findInVolume(mov, shape,
                ParticleLandmarks.level(mov), grow, minVoxels);
        double[] start = PhaseCorrelation.wholePixelShift(ref, mov, shape, true);
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
        return matched.isEmpty() ? null : new Matches(List.of(matched), 3, matched.size());
    }

    /**
     * The registration with the scale from the separations of the landmarks. The result's gain, offset and residual
     * are not yet set.
     * <p>
     * With two or more particles in a projection the scale comes from their separations alone (positions relative
     * to the projection's mean landmark): these do not depend on either scan's alignment, whose remaining errors
     * (≈ 0.05 px per projection) would otherwise be the largest error term. The shifts and the sample translation
     * then follow from the absolute positions at that scale. The absolute positions never give the scale: with one
     * landmark per projection they do not fix it (see the class comment), and a fit of them returns whatever the
     * alignment errors suggest, negative scales included.
     *
     * @param matches the matched landmarks
     * @param nominal nominal scale from the pixel sizes
     * @return the geometry (method {@link Registration#LANDMARKS}), or why the landmarks do not fix the scale to
     *         {@link Registration#LANDMARK_SCALE_SIGMA_LIMIT}
     */
    static Estimate fit(Matches matches, double nominal) {
        boolean projections = matches.dimensions() == 2;
        double[] scaleFit = scaleFromSeparations(matches.groups(), matches.dimensions(),
                projections ? MIN_SEPARATION_PROJECTIONS : 1);
        if (scaleFit != null && determined(scaleFit[0], scaleFit[1])) {
            return Estimate.of(atScale(matches, nominal, scaleFit[0] / nominal, scaleFit[1] / nominal,
                    Registration.LANDMARKS));
        }
        String separations = scaleFit == null ? projections ? String.format(Locale.ROOT, "fewer than %d projections"
                + " show two or more separate particles", MIN_SEPARATION_PROJECTIONS) : "one particle: a scale needs"
                        + " the separations of two or more"
                : String.format(Locale.ROOT, "the separations give scale %.6f ± %.2g", scaleFit[0] / nominal,
                        scaleFit[1] / nominal);
        return Estimate.failed("the landmarks do not fix the scale (" + separations + ")");
    }

    /** Whether a scale estimate k ± sigma counts as determined: positive, finite, and known to the limit. */
    private static boolean determined(double k, double sigma) {
        return k > 0 && Double.isFinite(sigma) && sigma / k <= Registration.LANDMARK_SCALE_SIGMA_LIMIT;
    }

    /**
     * The shifts (and for projections the sample translation) from the landmarks' positions at a given scale.
     *
     * @param matches          the matched landmarks
     * @param nominal          nominal scale from the pixel sizes
     * @param scale            residual scale to use (total = nominal × this)
     * @param scaleUncertainty its 1σ (NaN when it is fixed, not estimated)
     * @param method           the method name of the result
     * @return the geometry; gain, offset and residual not yet set. A volume registered on one landmark has NaN
     *         shift uncertainties (one position gives no spread)
     */
    static Registration.Result atScale(Matches matches, double nominal, double scale, double scaleUncertainty,
            String method) {
        double k = nominal * scale;
        if (matches.dimensions() == 2) {
            // rows give the row shift; columns the column shift and the sample translation
            List<double[]> equations = new ArrayList<>(); // {x0..x3, observed}
            for (List<double[]> here : matches.groups()) {
                for (double[] m : here) {
                    equations.add(new double[] { 1, 0, 0, 0, m[2] - k * m[0] });
                    equations.add(new double[] { 0, 1, Math.cos(m[4]), Math.sin(m[4]), m[3] - k * m[1] });
                }
            }
            LeastSquares.Fit fit = LeastSquares.robust(equations, 4);
            double[] x = fit == null ? new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN }
                    : fit.solution();
            double[] sigma = fit == null ? x : fit.sigma();
            return new Registration.Result(scale, nominal, new double[] { x[0], x[1] }, 1, 0, Double.NaN,
                    scaleUncertainty, new double[] { sigma[0], sigma[1] }, 0, new double[] { x[2], x[3] }, method,
                    matches.total(), fit == null ? Double.NaN : fit.rms());
        }
        List<double[]> matched = matches.groups().get(0);
        int n = matched.size();
        double[] shift = new double[3];
        double[] sigma = new double[3];
        double sum2 = 0;
        for (int i = 0; i < 3; i++) {
            for (double[] row : matched) {
                shift[i] += (row[3 + i] - k * row[i]) / n;
            }
            double spread = 0;
            for (double[] row : matched) {
                double e = row[3 + i] - k * row[i] - shift[i];
                spread += e * e;
                sum2 += e * e;
            }
            sigma[i] = n < 2 ? Double.NaN : Math.sqrt(spread / (n - 1) / n);
        }
        return new Registration.Result(scale, nominal, shift, 1, 0, Double.NaN, scaleUncertainty, sigma, 0,
                new double[2], method, n, Math.sqrt(sum2 / n));
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
            if (!LeastSquares.rejectOutliers(residuals, use)) {
                break;
            }
        }
        return new double[] { k, sigma };
    }

    private static ParticleLandmarks.Landmark nearest(List<ParticleLandmarks.Landmark> candidates, double row,
            double column) {
        return nearest(candidates, l -> new double[] { l.row(), l.column() }, new double[] { row, column });
    }

    /** @return the candidate whose position is nearest to {@code target}, or null if there are none */
    private static <T> T nearest(List<T> candidates, Function<T, double[]> position, double[] target) {
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
}
