package org.edgewise.align.tests;

import java.util.SplittableRandom;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.physics.phantom.AcquisitionModel;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.Phantom;
import org.edgewise.physics.phantom.PhantomSpec;
import org.edgewise.physics.phantom.Projector;
import org.edgewise.physics.phantom.ScanGeometry;

/**
 * One simulated scan in memory (no files): the simulator's phantom, projector and detector with a chosen geometry,
 * so a test knows the true jitter, centre and magnification.
 *
 * @param counts   projections [angle, row, column], counts, with metadata (stated pixel, energy, angles)
 * @param flats    flat frames [frame, row, column]
 * @param darks    dark frames [frame, row, column]
 * @param geometry the true geometry
 */
record SimulatedScan(Dataset counts, Dataset flats, Dataset darks, ScanGeometry geometry) {

    /** Phantoms are cached per seed: generating one takes a moment. */
    private static final java.util.Map<Long, Phantom> PHANTOMS = new java.util.concurrent.ConcurrentHashMap<>();

    static Phantom phantom(long seed) {
        return PHANTOMS.computeIfAbsent(seed, s -> Phantom.generate(PhantomSpec.paperLike(Architecture.preset("63ni"),
                2), s));
    }

    /** @return the stated pixel size the simulator would choose for this detector size, µm */
    static double pixelUm(long seed, int size) {
        return phantom(seed).fieldUm() / 0.9 / size;
    }

    /**
     * @param size        rows = columns
     * @param angles      angles over [0, 180°)
     * @param jitterPx    σ of the random jitter in rows and columns
     * @param centre      rotation-axis column
     * @param scale       true magnification over stated
     * @param statedPixel stated pixel size, µm
     * @param energyKev   beam energy
     * @param seed        phantom and noise seed
     */
    static SimulatedScan create(int size, int angles, double jitterPx, double centre, double scale,
            double statedPixel, double energyKev, long seed) {
        return create(size, size, angles, jitterPx, centre, scale, statedPixel, energyKev, seed);
    }

    /** As {@link #create(int, int, double, double, double, double, double, long)} with fewer rows than columns. */
    static SimulatedScan create(int size, int rows, int angles, double jitterPx, double centre, double scale,
            double statedPixel, double energyKev, long seed) {
        long noiseSeed = seed * 31 + 5 + Math.round(energyKev * 1000); // each energy its own jitter and noise
        SplittableRandom random = new SplittableRandom(noiseSeed);
        double[] jr = new double[angles];
        double[] jc = new double[angles];
        for (int a = 0; a < angles; a++) {
            jr[a] = jitterPx * random.nextGaussian();
            jc[a] = jitterPx * random.nextGaussian();
        }
        return create(size, rows, jr, jc, centre, scale, statedPixel, energyKev, seed);
    }

    /** As above with the given jitter (one value per angle over [0°, 180°)). */
    static SimulatedScan create(int size, int rows, double[] jr, double[] jc, double centre, double scale,
            double statedPixel, double energyKev, long seed) {
        return create(phantom(seed), size, rows, jr, jc, centre, scale, statedPixel, energyKev, seed);
    }

    /** As above with another phantom (its field of view need not match {@link #pixelUm}). */
    static SimulatedScan create(Phantom phantom, int size, int rows, double[] jr, double[] jc, double centre,
            double scale, double statedPixel, double energyKev, long seed) {
        int angles = jr.length;
        double[] anglesDeg = ScanGeometry.anglesOver180(angles);
        long noiseSeed = seed * 31 + 5 + Math.round(energyKev * 1000);
        ScanGeometry geometry = new ScanGeometry(rows, size, anglesDeg, statedPixel, scale, centre, jr, jc);
        float[][][] p = Projector.project(phantom, geometry, energyKev, 1);
        AcquisitionModel.Frames frames = AcquisitionModel.typical(2e4).record(p, noiseSeed + 17);
        PhysicalMetadata metadata = PhysicalMetadata.create(statedPixel, energyKev, "counts")
                .withAnglesDeg(anglesDeg, DataKind.PROJECTIONS);
        Dataset counts = metadata.attachTo(dataset(frames.data()));
        Dataset flats = PhysicalMetadata.create(statedPixel, energyKev, "counts").attachTo(dataset(frames.white()));
        Dataset darks = PhysicalMetadata.create(statedPixel, energyKev, "counts").attachTo(dataset(frames.dark()));
        return new SimulatedScan(counts, flats, darks, geometry);
    }

    static Dataset dataset(int[][][] frames) {
        int n = frames.length;
        int rows = frames[0].length;
        int columns = frames[0][0].length;
        int[] flat = new int[n * rows * columns];
        int i = 0;
        for (int[][] frame : frames) {
            for (int[] row : frame) {
                System.arraycopy(row, 0, flat, i, columns);
                i += columns;
            }
        }
        return DatasetFactory.createFromObject(IntegerDataset.class, flat, n, rows, columns);
    }
}
