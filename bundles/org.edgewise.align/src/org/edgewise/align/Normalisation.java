package org.edgewise.align;

import java.util.Arrays;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;

/**
 * Dark and flat correction, −log, outlier (zinger) removal and clamping of non-physical values.
 * <p>
 * For counts {@code I [angle, row, column]}, flats {@code W} and darks {@code D [frame, row, column]}:
 * <ol>
 * <li>{@code W̃}, {@code D̃}: the per-pixel median over the frames (a zinger in one flat frame does not survive);</li>
 * <li>outliers in {@code I}: a pixel more than {@code zingerSigma·√(max(n, 1) + 9)} counts above the largest of
 * its 8 neighbours {@code n} (or that far below the smallest) is replaced by the median of the neighbours — a pixel
 * on a real edge lies between its neighbours and is never touched;</li>
 * <li>{@code T = (I − D̃)/(W̃ − D̃)}; values below {@code transmissionFloor} (and non-finite ones, and pixels where
 * {@code W̃ ≤ D̃}) are clamped and counted;</li>
 * <li>{@code p = −ln T}: line integrals of μ, dimensionless.</li>
 * </ol>
 * Each projection is processed alone, so slabs of angles give the same result as the whole stack.
 *
 * <pre>{@code
 * Normalisation.Result r = Normalisation.normalise(counts, flats, darks, NormalisationOptions.DEFAULTS, monitor);
 * Dataset p = r.lineIntegrals(); // [angle, row, column], 1
 * }</pre>
 */
public final class Normalisation {

    /** Read-noise variance added to the Poisson variance in the outlier test, counts². */
    private static final double READ_VARIANCE = 9;

    private Normalisation() {
    }

    /**
     * @param lineIntegrals    {@code [angle, row, column]} float64, {@code −ln T}; metadata of the counts with unit
     *                         {@value PhysicalMetadata#DIMENSIONLESS} when the counts had metadata
     * @param clampedPerAngle  per projection, how many pixels were clamped to the floor
     * @param outliersPerAngle per projection, how many pixels were replaced as outliers
     */
    public record Result(Dataset lineIntegrals, long[] clampedPerAngle, long[] outliersPerAngle) {

        /** @return total number of clamped pixels */
        public long clamped() {
            return Arrays.stream(clampedPerAngle).sum();
        }

        /** @return total number of replaced outlier pixels */
        public long outliers() {
            return Arrays.stream(outliersPerAngle).sum();
        }
    }

    /**
     * @param frames {@code [frame, row, column]}
     * @return {@code [row, column]}: the per-pixel median over the frames (mean of the middle two for an even count)
     */
    public static double[][] medianFrame(Dataset frames) {
        int[] shape = frames.getShape();
        if (frames.getRank() != 3 || shape[0] == 0) {
            throw new IllegalArgumentException("frames must be [frame, row, column] with at least one frame, were "
                    + Arrays.toString(shape));
        }
        int n = shape[0];
        int rows = shape[1];
        int cols = shape[2];
        double[][] median = new double[rows][cols];
        double[] column = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int valid = 0;
                for (int f = 0; f < n; f++) {
                    double v = frames.getDouble(f, r, c);
                    if (Double.isFinite(v)) {
                        column[valid++] = v;
                    }
                }
                median[r][c] = median(column, valid);
            }
        }
        return median;
    }

    /**
     * @param counts  projections {@code [angle, row, column]}, detector counts
     * @param flats   flat (white) frames {@code [frame, row, column]}, same row and column sizes
     * @param darks   dark frames {@code [frame, row, column]}, same row and column sizes
     * @param options floor and outlier threshold
     * @param monitor progress (one unit per projection) and cancellation; may be null
     * @return line integrals and the counts of clamped and replaced pixels per projection
     * @throws IllegalArgumentException if the shapes differ, a stack is empty or the flats are no brighter than the
     *                                  darks (message names the shapes or the values)
     * @throws java.util.concurrent.CancellationException if the monitor was cancelled
     */
    public static Result normalise(Dataset counts, Dataset flats, Dataset darks, NormalisationOptions options,
            IMonitor monitor) {
        checkShapes(counts, flats, darks);
        int[] shape = counts.getShape();
        int angles = shape[0];
        int rows = shape[1];
        int cols = shape[2];
        double[][] flat = medianFrame(flats);
        double[][] dark = medianFrame(darks);
        checkFlats(flat, dark);
        DoubleDataset result = DatasetFactory.zeros(DoubleDataset.class, angles, rows, cols);
        double[] out = result.getData();
        long[] clamped = new long[angles];
        long[] outliers = new long[angles];
        double floor = options.transmissionFloor();
        double logFloor = -Math.log(floor);
        double[][] image = new double[rows][cols];
        for (int a = 0; a < angles; a++) {
            if (monitor != null && monitor.isCancelled()) {
                throw new java.util.concurrent.CancellationException("normalisation cancelled at projection " + a);
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    image[r][c] = counts.getDouble(a, r, c);
                }
            }
            if (options.zingerSigma() > 0) {
                outliers[a] = removeOutliers(image, options.zingerSigma());
            }
            int base = a * rows * cols;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double open = flat[r][c] - dark[r][c];
                    double t = (image[r][c] - dark[r][c]) / open;
                    double p;
                    if (!(open > 0) || !(t >= floor) || Double.isInfinite(t)) {
                        clamped[a]++;
                        p = !(open > 0) ? 0 : (t > 1 ? 0 : logFloor); // dead flat pixel: no information
                    } else {
                        p = -Math.log(t);
                    }
                    out[base + r * cols + c] = p;
                }
            }
            if (monitor != null) {
                monitor.worked(1);
            }
        }
        PhysicalMetadata.find(counts).ifPresent(m -> m.withValueUnit(PhysicalMetadata.DIMENSIONLESS)
                .attachTo(result));
        result.setName("line integrals");
        return new Result(result, clamped, outliers);
    }

    /**
     * Replaces, in place, every pixel that lies more than {@code sigma} Poisson deviations above the maximum (or below
     * the minimum) of its 8 neighbours (edge pixels: the neighbours that exist) by their median.
     *
     * @param image [row][column] counts, changed in place
     * @param sigma threshold in standard deviations, &gt; 0
     * @return how many pixels were replaced
     */
    public static int removeOutliers(double[][] image, double sigma) {
        int rows = image.length;
        int cols = rows == 0 ? 0 : image[0].length;
        double[] neighbours = new double[8];
        int[] replaceRow = new int[rows * cols];
        int[] replaceCol = new int[rows * cols];
        double[] replaceValue = new double[rows * cols];
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int n = 0;
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < cols
                                && Double.isFinite(image[rr][cc])) {
                            double v = image[rr][cc];
                            neighbours[n++] = v;
                            max = Math.max(max, v);
                            min = Math.min(min, v);
                        }
                    }
                }
                if (n < 3) {
                    continue;
                }
                double v = image[r][c];
                boolean outlier = !Double.isFinite(v)
                        || v > max + sigma * Math.sqrt(Math.max(max, 1) + READ_VARIANCE)
                        || v < min - sigma * Math.sqrt(Math.max(min, 1) + READ_VARIANCE);
                if (outlier) {
                    replaceRow[count] = r;
                    replaceCol[count] = c;
                    replaceValue[count] = median(neighbours, n);
                    count++;
                }
            }
        }
        for (int i = 0; i < count; i++) { // after the scan, so one outlier does not hide or create another
            image[replaceRow[i]][replaceCol[i]] = replaceValue[i];
        }
        return count;
    }

    private static void checkShapes(Dataset counts, Dataset flats, Dataset darks) {
        int[] p = counts.getShape();
        int[] w = flats.getShape();
        int[] d = darks.getShape();
        if (counts.getRank() != 3 || p[0] == 0 || p[1] == 0 || p[2] == 0) {
            throw new IllegalArgumentException("projections must be a non-empty [angle, row, column] stack, were "
                    + Arrays.toString(p));
        }
        if (flats.getRank() != 3 || w[0] == 0 || w[1] != p[1] || w[2] != p[2]) {
            throw new IllegalArgumentException("flats " + Arrays.toString(w) + " do not match the projections "
                    + Arrays.toString(p) + ": need [frame ≥ 1, " + p[1] + ", " + p[2] + "]");
        }
        if (darks.getRank() != 3 || d[0] == 0 || d[1] != p[1] || d[2] != p[2]) {
            throw new IllegalArgumentException("darks " + Arrays.toString(d) + " do not match the projections "
                    + Arrays.toString(p) + ": need [frame ≥ 1, " + p[1] + ", " + p[2] + "]");
        }
    }

    /** The flats must be brighter than the darks in most pixels, else there was no beam (shutter closed). */
    private static void checkFlats(double[][] flat, double[][] dark) {
        long bad = 0;
        long total = 0;
        double flatSum = 0;
        double darkSum = 0;
        for (int r = 0; r < flat.length; r++) {
            for (int c = 0; c < flat[r].length; c++) {
                total++;
                flatSum += flat[r][c];
                darkSum += dark[r][c];
                if (!(flat[r][c] - dark[r][c] > 0)) {
                    bad++;
                }
            }
        }
        if (bad * 2 > total) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "flats are dark: in %d of %d pixels the median flat is not above the median dark (mean flat %.4g,"
                            + " mean dark %.4g counts); was the shutter closed or are flats and darks swapped?",
                    bad, total, flatSum / total, darkSum / total));
        }
    }

    private static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return (n & 1) == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
    }
}
