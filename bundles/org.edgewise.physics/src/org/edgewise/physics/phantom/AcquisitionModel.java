package org.edgewise.physics.phantom;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The detector side of a scan: Beer–Lambert with Poisson counting noise, a non-uniform flat field, dark current and
 * Gaussian read noise, clipped to the 16-bit range of a TXM camera.
 * <p>
 * Expected counts at pixel (r, c): {@code I0(r,c)·exp(−p) + D(r,c)}, with the beam profile
 * {@code I0 = flux·(1 − u·ρ²)·(1 + 0.02·sin(...))} (ρ = distance from an off-centre beam centre, normalised to the
 * half-diagonal; u = {@link #flatNonUniformity()}) and {@code D = darkCounts·(1 + 0.1·(c/columns − 0.5))}.
 * Flats are recorded with the same profile and no sample, darks with no beam.
 *
 * @param flux              incident counts per pixel at the beam centre (e.g. 2e4)
 * @param darkCounts        mean dark counts per pixel per frame
 * @param readNoise         Gaussian read-noise σ, counts
 * @param flats             number of flat (white) frames
 * @param darks             number of dark frames
 * @param flatNonUniformity relative drop of the beam from its centre to the corners, 0..0.9
 */
public record AcquisitionModel(double flux, double darkCounts, double readNoise, int flats, int darks,
        double flatNonUniformity) {

    /** Largest count a 16-bit camera records. */
    public static final int MAX_COUNT = 65535;

    public AcquisitionModel {
        if (!(flux > 0) || !(darkCounts >= 0) || !(readNoise >= 0) || flats < 1 || darks < 1
                || !(flatNonUniformity >= 0 && flatNonUniformity < 0.9)) {
            throw new IllegalArgumentException("flux > 0, dark >= 0, read noise >= 0, at least one flat and one dark,"
                    + " non-uniformity in [0, 0.9) are required");
        }
        if (flux + darkCounts > 0.8 * MAX_COUNT) {
            throw new IllegalArgumentException("flux " + flux + " + dark " + darkCounts
                    + " counts would saturate a 16-bit detector");
        }
    }

    /** Typical TXM settings at the given flux: dark 100 counts, read noise 3, 10 flats, 5 darks, 15% fall-off. */
    public static AcquisitionModel typical(double flux) {
        return new AcquisitionModel(flux, 100, 3, 10, 5, 0.15);
    }

    /**
     * Recorded frames of one scan.
     *
     * @param data  projections, {@code [angle, row, column]}, counts
     * @param white flat frames, {@code [frame, row, column]}, counts
     * @param dark  dark frames, {@code [frame, row, column]}, counts
     */
    public record Frames(int[][][] data, int[][][] white, int[][][] dark) {
    }

    /** @return the expected beam counts I0 per pixel, {@code [row, column]}, for one scan's beam profile */
    public double[][] beamProfile(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double cr = rows * (0.5 + 0.1 * (random.nextDouble() - 0.5));
        double cc = columns * (0.5 + 0.1 * (random.nextDouble() - 0.5));
        double phase = 2 * Math.PI * random.nextDouble();
        double halfDiagonal2 = (rows * rows + columns * columns) / 4.0;
        double[][] i0 = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double rho2 = ((r - cr) * (r - cr) + (c - cc) * (c - cc)) / halfDiagonal2;
                i0[r][c] = flux * (1 - flatNonUniformity * rho2)
                        * (1 + 0.02 * Math.sin(2 * Math.PI * (1.3 * c / columns + 0.7 * r / rows) + phase));
            }
        }
        return i0;
    }

    /** @return the expected dark counts per pixel, {@code [row, column]} */
    public double[][] darkProfile(int rows, int columns) {
        double[][] d = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                d[r][c] = darkCounts * (1 + 0.1 * ((double) c / columns - 0.5));
            }
        }
        return d;
    }

    /**
     * The expected counts of one scan without a sample, per pixel.
     *
     * @param beam    I0 per pixel, {@code [row, column]} row-major ({@link #beamProfile})
     * @param dark    dark counts per pixel, {@code [row, column]} row-major ({@link #darkProfile})
     * @param rows    detector rows
     * @param columns detector columns
     */
    public record Expected(double[] beam, double[] dark, int rows, int columns) {
    }

    /**
     * @param rows    detector rows
     * @param columns detector columns
     * @param seed    the scan's noise seed (it also places the beam centre)
     * @return the expected flat and dark counts of that scan
     */
    public Expected expected(int rows, int columns, long seed) {
        double[][] i0 = beamProfile(rows, columns, seed);
        double[][] d = darkProfile(rows, columns);
        double[] beam = new double[rows * columns];
        double[] dark = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(i0[r], 0, beam, r * columns, columns);
            System.arraycopy(d[r], 0, dark, r * columns, columns);
        }
        return new Expected(beam, dark, rows, columns);
    }

    /**
     * Records one projection. Each frame has its own noise stream, seeded by the scan seed and the frame index, so
     * projections can be recorded in any order and on any thread with identical results.
     *
     * @param expected      the scan's {@link #expected} counts
     * @param lineIntegrals {@code [row, column]} row-major
     * @param seed          the scan's noise seed
     * @param index         projection index
     * @param out           receives counts, {@code [row, column]} row-major, 0..{@link #MAX_COUNT}
     */
    public void recordProjection(Expected expected, float[] lineIntegrals, long seed, int index, int[] out) {
        SplittableRandom random = new SplittableRandom(mix(seed, 1, index));
        double[] beam = expected.beam();
        double[] dark = expected.dark();
        for (int i = 0; i < beam.length; i++) {
            float p = lineIntegrals[i];
            // exp(−0) is exactly 1: most pixels of a field see no particle
            out[i] = count(random, (p == 0 ? beam[i] : beam[i] * Math.exp(-p)) + dark[i]);
        }
    }

    /** Records flat frame {@code index}, like {@link #recordProjection} with no sample. */
    public void recordFlat(Expected expected, long seed, int index, int[] out) {
        SplittableRandom random = new SplittableRandom(mix(seed, 2, index));
        double[] beam = expected.beam();
        double[] dark = expected.dark();
        for (int i = 0; i < beam.length; i++) {
            out[i] = count(random, beam[i] + dark[i]);
        }
    }

    /** Records dark frame {@code index}, like {@link #recordProjection} with no beam. */
    public void recordDark(Expected expected, long seed, int index, int[] out) {
        SplittableRandom random = new SplittableRandom(mix(seed, 3, index));
        double[] dark = expected.dark();
        for (int i = 0; i < dark.length; i++) {
            out[i] = count(random, dark[i]);
        }
    }

    /**
     * Records a scan.
     *
     * @param lineIntegrals {@code [angle, row, column]}, from {@link Projector}
     * @param seed          noise seed; frames are seeded individually, so results do not depend on thread timing
     * @return the recorded frames
     */
    public Frames record(float[][][] lineIntegrals, long seed) {
        int angles = lineIntegrals.length;
        int rows = lineIntegrals[0].length;
        int columns = lineIntegrals[0][0].length;
        Expected expected = expected(rows, columns, seed);
        int[][][] data = new int[angles][][];
        IntStream.range(0, angles).parallel().forEach(a -> {
            float[] p = new float[rows * columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(lineIntegrals[a][r], 0, p, r * columns, columns);
            }
            int[] frame = new int[rows * columns];
            recordProjection(expected, p, seed, a, frame);
            data[a] = unflatten(frame, rows, columns);
        });
        int[][][] white = new int[flats][][];
        int[][][] dark = new int[darks][][];
        int[] frame = new int[rows * columns];
        for (int f = 0; f < flats; f++) {
            recordFlat(expected, seed, f, frame);
            white[f] = unflatten(frame, rows, columns);
        }
        for (int f = 0; f < darks; f++) {
            recordDark(expected, seed, f, frame);
            dark[f] = unflatten(frame, rows, columns);
        }
        return new Frames(data, white, dark);
    }

    private static int[][] unflatten(int[] flat, int rows, int columns) {
        int[][] out = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, out[r], 0, columns);
        }
        return out;
    }

    private int count(SplittableRandom random, double expected) {
        double value = PoissonNoise.sample(random, expected) + readNoise * Phantom.normal(random);
        return (int) Math.max(0, Math.min(MAX_COUNT, Math.round(value)));
    }

    /** A seed for one frame from the scan seed, a stream tag and the frame index. */
    static long mix(long seed, int tag, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + tag * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
