package org.edgewise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Registration of an energy pair's projections, or of two volumes, on particle landmarks ({@link ParticleLandmarks}:
 * the centres of mass of the particle images, which do not move with a depth-dependent contrast): landmarks matched
 * between the images (mutual nearest under the nominal scale, similar size), the scale from their separations, then
 * shifts (and for projections the sample translation) from their positions, by {@link LeastSquares#robust}. The
 * model is that of {@link Registration}. Each method returns null when the landmarks do not fix the scale to
 * {@link Registration#LANDMARK_SCALE_SIGMA_LIMIT}; the caller then registers the gradient images instead.
 */
final class LandmarkRegistration {

    private LandmarkRegistration() {
    }

    /**
     * The landmark registration of projections (see {@link Registration}), or null when the landmarks do not fix the
     * scale to {@link Registration#LANDMARK_SCALE_SIGMA_LIMIT}. The result's gain, offset and residual are not yet set.
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
    static Registration.Result projections(float[] ref, float[] mov, int[] shape, double[] anglesDeg,
            double nominal, int[] margin) {
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
        if (total < 20) {
            return null;
        }
        double[] scaleFit = scaleFromSeparations(matches, 2, 10);
        if (scaleFit == null || !(scaleFit[1] / scaleFit[0] <= Registration.LANDMARK_SCALE_SIGMA_LIMIT)) {
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
        LeastSquares.Fit fit = LeastSquares.robust(equations, 4);
        if (fit == null) {
            return null;
        }
        double[] x = fit.solution();
        double[] sigma = fit.sigma();
        return new Registration.Result(k / nominal, nominal, new double[] { x[0], x[1] }, 1, 0, Double.NaN,
                scaleFit[1] / nominal, new double[] { sigma[0], sigma[1] }, 0, new double[] { x[2], x[3] },
                Registration.LANDMARKS, total, fit.rms());
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

    /** Scale, shifts and translation all from absolute positions (one particle per projection at most). */
    private static Registration.Result absoluteFit(List<List<double[]>> matches, double nominal, int total) {
        List<double[]> equations = new ArrayList<>(); // {x0..x4, observed}
        for (List<double[]> here : matches) {
            for (double[] m : here) {
                equations.add(new double[] { m[0], 1, 0, 0, 0, m[2] });
                equations.add(new double[] { m[1], 0, 1, Math.cos(m[4]), Math.sin(m[4]), m[3] });
            }
        }
        LeastSquares.Fit fit = LeastSquares.robust(equations, 5);
        if (fit == null) {
            return null;
        }
        double[] x = fit.solution();
        double[] sigma = fit.sigma();
        if (!(sigma[0] / x[0] <= Registration.LANDMARK_SCALE_SIGMA_LIMIT)) {
            return null;
        }
        return new Registration.Result(x[0] / nominal, nominal, new double[] { x[1], x[2] }, 1, 0, Double.NaN,
                sigma[0] / nominal, new double[] { sigma[1], sigma[2] }, 0, new double[] { x[3], x[4] },
                Registration.LANDMARKS, total, fit.rms());
    }

    /**
     * Landmark registration of two volumes: the particles' centres of mass, matched (mutual nearest under the
     * nominal scale), the scale from their separations, the shift from their positions. Null with fewer than two
     * matched particles or a scale uncertainty above {@link Registration#LANDMARK_SCALE_SIGMA_LIMIT}.
     */
    static Registration.Result volumes(float[] ref, float[] mov, int[] shape, double nominal) {
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
        if (matched.size() < 2) {
            return null;
        }
        double[] scaleFit = scaleFromSeparations(List.of(matched), 3, 1);
        if (scaleFit == null || !(scaleFit[1] / scaleFit[0] <= Registration.LANDMARK_SCALE_SIGMA_LIMIT)) {
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
        return new Registration.Result(k / nominal, nominal, shift, 1, 0, Double.NaN, scaleFit[1] / nominal, sigma, 0,
                new double[2], Registration.LANDMARKS, matched.size(), Math.sqrt(sum2 / matched.size()));
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
