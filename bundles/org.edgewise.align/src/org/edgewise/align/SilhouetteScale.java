package org.edgewise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scale of an energy pair from the areas of its particle silhouettes, for projections that show one particle
 * image each (one particle, or one touching group), where the landmarks' separations cannot give it
 * ({@link LandmarkRegistration}).
 * <p>
 * <b>Why silhouettes at a low level</b>: in a projection the particle's line integral {@code μ·L} rises from zero at
 * its outline with the chord {@code L}, steeply (as {@code √d} at a depth {@code d} inside a convex body). A
 * threshold {@code t} finds the contour where {@code L = t/μ}, which for a sphere of radius {@code R} lies
 * {@code L²/(8R)} inside the true outline. At the levels used here ({@value #LEVEL_FRACTION} of the image's
 * 99.9th-percentile value, at least {@value #NOISE_MULTIPLE} noise σ) that is a few hundredths of a pixel, and what
 * the absorption edge does to {@code μ} near the surface moves it by less; the outline a steeper gradient or a higher
 * threshold finds moves with contrast by tenths of a pixel. The silhouette's area in the moving scan is {@code k²}
 * times the reference's, whatever the particle's position: the sample translation and the shifts do not enter.
 * <p>
 * Each silhouette is the connected set of pixels above the level that holds the matched landmark; a projection whose
 * silhouette reaches the ignored margin (a particle cut by the field of view) or that has no silhouette in either scan
 * is left out. The scale is {@code √(ΣA'/ΣA)} over the projections kept, its 1σ from the spread of the per-projection
 * ratios, with ratios beyond {@value #OUTLIER_MADS} median absolute deviations of their median left out.
 */
final class SilhouetteScale {

    /** Fraction of the stack's 99.9th-percentile value above which a pixel belongs to a silhouette. */
    static final double LEVEL_FRACTION = 0.03;
    /** The level is at least this many σ of the background noise. */
    static final double NOISE_MULTIPLE = 6;
    /** Fewest projections with a silhouette in both scans. */
    static final int MIN_PROJECTIONS = 20;
    /** Per-projection ratios beyond this many median absolute deviations of the median are left out. */
    static final double OUTLIER_MADS = 5;

    /**
     * A scale from silhouettes, or why there is none.
     *
     * @param scale       total scale {@code k} (moving pixels per reference pixel); NaN on failure
     * @param sigma       its 1σ
     * @param projections projections used
     * @param failure     why there is no scale; null on success
     */
    record Scale(double scale, double sigma, int projections, String failure) {
    }

    private SilhouetteScale() {
    }

    /**
     * @param ref     aligned reference projections {@code [angle, row, column]}
     * @param mov     aligned moving projections, same shape
     * @param shape   {@code {angles, rows, columns}}
     * @param matches the matched landmarks, one group per projection (rows and columns relative to the image centre)
     * @param margin  {@code {rows, columns}} ignored at each end
     * @return the total scale with its 1σ, or why there is none
     */
    static Scale fit(float[] ref, float[] mov, int[] shape, LandmarkRegistration.Matches matches, int[] margin) {
        int rows = shape[1];
        int cols = shape[2];
        int frame = rows * cols;
        double levelRef = level(ref);
        double levelMov = level(mov);
        double mRow = (rows - 1) / 2.0;
        double mCol = (cols - 1) / 2.0;
        List<double[]> areas = new ArrayList<>(); // {A, A'}
        for (int p = 0; p < shape[0] && p < matches.groups().size(); p++) {
            List<double[]> here = matches.groups().get(p);
            if (here.size() != 1) {
                continue;
            }
            double[] m = here.get(0);
            int a = area(ref, p * frame, rows, cols, levelRef, mRow + m[0], mCol + m[1], margin);
            int b = area(mov, p * frame, rows, cols, levelMov, mRow + m[2], mCol + m[3], margin);
            if (a > 0 && b > 0) {
                areas.add(new double[] { a, b });
            }
        }
        if (areas.size() < MIN_PROJECTIONS) {
            return failed(String.format(Locale.ROOT, "%d projections show one whole particle silhouette in both"
                    + " scans, fewer than %d", areas.size(), MIN_PROJECTIONS), areas.size());
        }
        double[] ratios = areas.stream().mapToDouble(x -> Math.sqrt(x[1] / x[0])).toArray();
        double median = median(ratios);
        double[] deviations = Arrays.stream(ratios).map(r -> Math.abs(r - median)).toArray();
        double mad = 1.4826 * median(deviations);
        double sumA = 0;
        double sumB = 0;
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int i = 0; i < ratios.length; i++) {
            if (Math.abs(ratios[i] - median) <= OUTLIER_MADS * mad || mad == 0) {
                sumA += areas.get(i)[0];
                sumB += areas.get(i)[1];
                sum += ratios[i];
                sum2 += ratios[i] * ratios[i];
                n++;
            }
        }
        double mean = sum / n;
        double sigma = Math.sqrt(Math.max(0, sum2 / n - mean * mean) / Math.max(1, n - 1));
        return new Scale(Math.sqrt(sumB / sumA), sigma, n, null);
    }

    private static Scale failed(String failure, int projections) {
        return new Scale(Double.NaN, Double.NaN, projections, failure);
    }

    /**
     * @return the pixels above the level connected (4-neighbours) to the one nearest the landmark, or 0 when there is
     *         none near it or the silhouette reaches the margin
     */
    private static int area(float[] p, int offset, int rows, int cols, double level, double row, double col,
            int[] margin) {
        int r0 = (int) Math.round(row);
        int c0 = (int) Math.round(col);
        int seed = -1;
        for (int radius = 0; radius <= 3 && seed < 0; radius++) {
            for (int r = r0 - radius; r <= r0 + radius && seed < 0; r++) {
                for (int c = c0 - radius; c <= c0 + radius && seed < 0; c++) {
                    if (r >= 0 && r < rows && c >= 0 && c < cols && p[offset + r * cols + c] > level) {
                        seed = r * cols + c;
                    }
                }
            }
        }
        if (seed < 0) {
            return 0;
        }
        boolean[] seen = new boolean[rows * cols];
        int[] stack = new int[rows * cols];
        int top = 0;
        stack[top++] = seed;
        seen[seed] = true;
        int count = 0;
        while (top > 0) {
            int i = stack[--top];
            int r = i / cols;
            int c = i % cols;
            if (r <= margin[0] || r >= rows - 1 - margin[0] || c <= margin[1] || c >= cols - 1 - margin[1]) {
                return 0; // cut by the field of view
            }
            count++;
            int[] neighbours = { i - cols, i + cols, i - 1, i + 1 };
            for (int j : neighbours) {
                if (!seen[j] && p[offset + j] > level) {
                    seen[j] = true;
                    stack[top++] = j;
                }
            }
        }
        return count;
    }

    /**
     * @return {@value #LEVEL_FRACTION} of the 99.9th percentile of the data, raised to {@value #NOISE_MULTIPLE} σ of
     *         the background (the values below the landmark level, robust σ about their median) if that is higher
     */
    static double level(float[] p) {
        int step = Math.max(1, p.length / 400_000);
        float[] sample = new float[(p.length + step - 1) / step];
        for (int i = 0, j = 0; i < p.length; i += step) {
            sample[j++] = p[i];
        }
        Arrays.sort(sample);
        double top = sample[(int) Math.min(sample.length - 1, Math.floor(0.999 * sample.length))];
        double landmarkLevel = ParticleLandmarks.LEVEL_FRACTION * top;
        double[] background = new double[sample.length];
        int n = 0;
        for (float v : sample) {
            if (v < landmarkLevel) {
                background[n++] = v;
            }
        }
        if (n > 10) {
            double[] b = Arrays.copyOf(background, n);
            double centre = median(b);
            double noise = 1.4826 * median(Arrays.stream(b).map(v -> Math.abs(v - centre)).toArray());
            return Math.max(LEVEL_FRACTION * top, centre + NOISE_MULTIPLE * noise);
        }
        return LEVEL_FRACTION * top;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
