package org.edgewise.physics.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.Element;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.DataExchangeWriter;
import org.edgewise.io.ScanData;
import org.edgewise.physics.EnergyPair;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Simulates a dual-energy TXM run: one Data Exchange file per scan (Mn, Co, Ni × below/above the K edge) and a
 * {@code truth.json} with the phantom, the true geometry of every scan and the true depth profiles.
 * <pre>{@code
 * Simulator.Result result = Simulator.run(SimulationSettings.defaults(Architecture.preset("63ni")), outDir, System.out::println);
 * }</pre>
 */
public final class Simulator {

    /** Name of the truth file in the output folder. */
    public static final String TRUTH_FILE = "truth.json";

    /** Share of the detector field the particles may occupy (the rest absorbs centre offsets and jitter). */
    static final double FILL = 0.9;

    private Simulator() {
    }

    /**
     * One written scan and its true geometry.
     *
     * @param file              the Data Exchange file name (relative to the output folder)
     * @param element           element symbol
     * @param side              {@code below} or {@code above}
     * @param energyKev         keV
     * @param statedPixelUm     pixel size written to the file, µm
     * @param truePixelUm       true pixel size in the sample plane, µm
     * @param scale             true magnification over stated (1 + magnification error)
     * @param rotationCentrePx  detector column of the rotation axis
     * @param jitterRowPx       per-projection shift along rows, pixels
     * @param jitterColPx       per-projection shift along columns, pixels
     */
    public record ScanTruth(String file, String element, String side, double energyKev, double statedPixelUm,
            double truePixelUm, double scale, double rotationCentrePx, double[] jitterRowPx, double[] jitterColPx) {

        static ScanTruth of(String file, EnergyPair pair, boolean above, ScanGeometry geometry, double energyKev) {
            return new ScanTruth(file, pair.element().symbol(), above ? "above" : "below", energyKev,
                    geometry.statedPixelUm(), geometry.truePixelUm(), geometry.scale(), geometry.rotationCentrePx(),
                    geometry.jitterRowPx(), geometry.jitterColPx());
        }
    }

    /**
     * One particle as built.
     *
     * @param id                 1-based label (order of generation)
     * @param centreUm           centre {x, y, z}, µm, world frame (origin at the field centre, z along the axis)
     * @param centreVoxel        centre {z, y, x} in voxels of the size³ reconstruction grid at the lowest-energy
     *                           pixel size, assuming the axis is put on the volume centre
     * @param semiAxesUm         semi-axes, µm
     * @param rotation           local-to-world rotation, row-major 3×3
     * @param volumeUm3          envelope volume, µm³
     * @param solidVolumeUm3     material volume, µm³
     * @param equivDiameterUm    equivalent-sphere diameter of the envelope, µm
     * @param feretRatio         smallest over largest caliper
     * @param pores              number of pores
     * @param profile            true depth profile
     */
    public record ParticleTruth(int id, double[] centreUm, double[] centreVoxel, double[] semiAxesUm,
            double[] rotation, double volumeUm3, double solidVolumeUm3, double equivDiameterUm, double feretRatio,
            int pores, List<TruthProfiles.Bin> profile) {
    }

    /**
     * Everything in {@code truth.json}.
     *
     * @param format           {@code edgewise-truth/1}
     * @param conventions      plain-language description of the geometry
     * @param profileModel     preset or user profile name
     * @param seed             the seed
     * @param size             detector size (rows = columns)
     * @param angles           projections per scan
     * @param flux             incident counts per pixel
     * @param fieldUm          side of the field of view holding the particles, µm
     * @param voxelUm          reconstruction voxel = stated pixel at the lowest energy, µm
     * @param depthBinUm       width of the truth depth bins, µm
     * @param pairs            energies per element
     * @param scans            true scan geometry
     * @param particles        true particles with profiles
     * @param variations       departures from the analysis model (touching pair, Li content, energy error)
     */
    public record Truth(String format, String conventions, String profileModel, long seed, int size, int angles,
            double flux, double fieldUm, double voxelUm, double depthBinUm, List<EnergyPair> pairs,
            List<ScanTruth> scans, List<ParticleTruth> particles, Variations variations) {
    }

    /**
     * @param directory the output folder
     * @param files     the scan files written, in order Mn below/above, Co, Ni
     * @param truth     what was written to {@code truth.json}
     * @param phantom   the phantom
     */
    public record Result(Path directory, List<Path> files, Truth truth, Phantom phantom) {
    }

    /**
     * Runs the simulation and writes the files (each atomically).
     *
     * @param settings  what to simulate
     * @param directory output folder (created if needed)
     * @param progress  receives one line per step
     * @return what was written
     * @throws IOException if a file cannot be written
     */
    public static Result run(SimulationSettings settings, Path directory, Consumer<String> progress)
            throws IOException {
        return run(settings, Variations.NONE, directory, progress);
    }

    /**
     * Departures from the analysis model, to test robustness without the inverse crime.
     *
     * @param touchingOverlapUm when positive, the second particle is moved to touch the first, overlapping by this
     *                          much along their centre line, µm
     * @param lithium           Li per formula unit of the material (1 = LiTMO<sub>2</sub>)
     * @param energyErrorKev    the beam's true energy minus the energy stated in the files, keV (every scan)
     */
    public record Variations(double touchingOverlapUm, double lithium, double energyErrorKev) {

        /** No departure. */
        public static final Variations NONE = new Variations(0, 1, 0);
    }

    /**
     * Runs the simulation with departures from the model.
     *
     * @param settings   what to simulate
     * @param variations the departures
     * @param directory  output folder (created if needed)
     * @param progress   receives one line per step
     * @return what was written
     * @throws IOException if a file cannot be written
     */
    public static Result run(SimulationSettings settings, Variations variations, Path directory,
            Consumer<String> progress) throws IOException {
        List<EnergyPair> pairs = typicalPairs();
        double lowestKev = pairs.stream().mapToDouble(EnergyPair::belowKev).min().orElseThrow();
        double fieldFixed = settings.pixelSizeUm() > 0 ? settings.pixelSizeUm() * settings.size() * FILL : 0;
        PhantomSpec spec = new PhantomSpec(settings.particles(), 5.5, 0.7, settings.profile(), 0.04, 0.02,
                fieldFixed);
        Phantom phantom = Phantom.generate(spec, settings.seed());
        if (variations.touchingOverlapUm() > 0) {
            phantom = phantom.touching(variations.touchingOverlapUm());
        }
        if (variations.lithium() != 1) {
            phantom = phantom.withLithium(variations.lithium());
        }
        double basePixel = settings.pixelSizeUm() > 0 ? settings.pixelSizeUm()
                : phantom.fieldUm() / FILL / settings.size();
        progress.accept(String.format(Locale.ROOT, "phantom: %d particle(s), profile %s, field %.2f µm, pixel %.4f µm",
                phantom.particles().size(), phantom.profileName(), phantom.fieldUm(), basePixel));
        double[] angles = ScanGeometry.anglesOver180(settings.angles());
        AcquisitionModel acquisition = AcquisitionModel.typical(settings.flux());
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        List<ScanTruth> scans = new ArrayList<>();
        int index = 0;
        for (EnergyPair pair : pairs) {
            for (boolean above : new boolean[] { false, true }) {
                index++;
                double energy = pair.energyKev(above);
                SplittableRandom random = new SplittableRandom(AcquisitionModel.mix(settings.seed(), 100, index));
                double stated = settings.energyScaledPixel() ? basePixel * energy / lowestKev : basePixel;
                ScanGeometry geometry = ScanGeometry.drawn(settings.size(), settings.size(), angles, stated,
                        settings.maxMagnificationError(), settings.maxCentreOffsetPx(), settings.jitterPx(), random);
                long start = System.nanoTime();
                float[][][] p = Projector.project(phantom, geometry, energy + variations.energyErrorKev(),
                        settings.subsamples());
                AcquisitionModel.Frames frames = acquisition.record(p, AcquisitionModel.mix(settings.seed(), 200,
                        index));
                String side = above ? "above" : "below";
                String name = scanFileName(index, pair, above);
                ScanData scan = new ScanData(dataset(frames.data(), settings.float32()),
                        dataset(frames.white(), settings.float32()), dataset(frames.dark(), settings.float32()), angles,
                        energy, stated, null);
                Path file = directory.resolve(name);
                DataExchangeWriter.write(file, scan);
                files.add(file);
                scans.add(ScanTruth.of(name, pair, above, geometry, energy));
                progress.accept(String.format(Locale.ROOT, "%s: %s %s edge, %.3f keV, %.1f s", name,
                        pair.element().symbol(), side, energy, (System.nanoTime() - start) / 1e9));
            }
        }
        long start = System.nanoTime();
        double grid = Math.min(0.04, basePixel / 3);
        List<EnergyPair> truePairs = new ArrayList<>();
        for (EnergyPair p : pairs) { // the ratio the beam measures: at the true energies
            truePairs.add(new EnergyPair(p.element(), p.belowKev() + variations.energyErrorKev(),
                    p.aboveKev() + variations.energyErrorKev()));
        }
        List<ParticleTruth> particles = new ArrayList<>();
        for (Particle particle : phantom.particles()) {
            Vec3 c = particle.centreUm();
            double mid = (settings.size() - 1) / 2.0;
            particles.add(new ParticleTruth(particle.id(), new double[] { c.x(), c.y(), c.z() },
                    new double[] { mid + c.z() / basePixel, mid + c.y() / basePixel, mid + c.x() / basePixel },
                    particle.semiAxesUm(), particle.rotation(), particle.volumeUm3(), particle.solidVolumeUm3(),
                    particle.equivalentDiameterUm(), particle.feretRatio(), particle.pores().size(),
                    TruthProfiles.compute(particle, basePixel, grid, truePairs)));
        }
        Truth truth = new Truth("edgewise-truth/1", CONVENTIONS, phantom.profileName(), settings.seed(),
                settings.size(), settings.angles(), settings.flux(), phantom.fieldUm(), basePixel, basePixel, pairs,
                scans, particles, variations);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path truthFile = directory.resolve(TRUTH_FILE);
        AtomicFiles.write(truthFile, temporary -> mapper.writeValue(temporary.toFile(), truth));
        progress.accept(String.format(Locale.ROOT, "%s: true depth profiles, %.1f s", TRUTH_FILE,
                (System.nanoTime() - start) / 1e9));
        return new Result(directory, files, truth, phantom);
    }

    /** @return the typical energy pair of every element, in the order Mn, Co, Ni */
    static List<EnergyPair> typicalPairs() {
        List<EnergyPair> pairs = new ArrayList<>();
        for (Element e : Element.values()) {
            pairs.add(EnergyPair.typical(e));
        }
        return pairs;
    }

    /** @return the file name of scan {@code index} (1-based), e.g. {@code scan_05_ni_below.h5} */
    static String scanFileName(int index, EnergyPair pair, boolean above) {
        return String.format(Locale.ROOT, "scan_%02d_%s_%s.h5", index,
                pair.element().symbol().toLowerCase(Locale.ROOT), above ? "above" : "below");
    }

    static final String CONVENTIONS = "Parallel beam; rotation axis along detector rows' vertical (world z). "
            + "Projection i at angle theta: pixel (row, col) integrates mu along direction (-sin theta, cos theta, 0) "
            + "through (s cos theta, s sin theta, z) with s = (col - rotationCentrePx - jitterColPx[i]) * truePixelUm, "
            + "z = (row - (size-1)/2 - jitterRowPx[i]) * truePixelUm; truePixelUm = statedPixelUm / scale. "
            + "World origin at the field centre. Depth = Euclidean distance below the particle surface (the hull), "
            + "solid material only. Fractions are atomic fractions on the transition-metal site; deltaMu in 1/um; "
            + "ratio = deltaMu_e / (deltaMu_Ni + deltaMu_Mn + deltaMu_Co) from bin means (the paper's Eq. 1).";

    private static Dataset dataset(int[][][] frames, boolean float32) {
        int n = frames.length;
        int rows = frames[0].length;
        int columns = frames[0][0].length;
        if (float32) {
            float[] flat = new float[n * rows * columns];
            int i = 0;
            for (int[][] frame : frames) {
                for (int[] row : frame) {
                    for (int v : row) {
                        flat[i++] = v;
                    }
                }
            }
            return DatasetFactory.createFromObject(FloatDataset.class, flat, n, rows, columns);
        }
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
