package org.edgewise.physics.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.edgewise.api.files.AtomicFiles;
import org.edgewise.io.DataExchangeStreamWriter;
import org.edgewise.physics.EnergyPair;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Simulates a dual-energy TXM run of a large field ({@link Field}): six Data Exchange files written slab by slab
 * (memory holds a few projections, never a scan) and a {@code truth.json} ({@link FieldTruth}) listing every
 * particle. Projections come from the {@link FootprintProjector}, two or more angles at a time, and the detector
 * model is {@link AcquisitionModel}'s, frame by frame with the same noise streams as {@link Simulator}.
 * <pre>{@code
 * FieldSimulator.run(FieldSettings.defaults(List.of(Architecture.preset("63ni"))), outDir, System.out::println);
 * }</pre>
 */
public final class FieldSimulator {

    /** Width of the field when no pixel size is given, µm (a 32-ID-C field at about 0.04 µm per binned pixel). */
    public static final double DEFAULT_WIDTH_UM = 50;

    /** Projections computed and written together; a multiple of the files' chunk depth. */
    static final int SLAB_ANGLES = 16;
    private static final int CHUNK_ANGLES = 8;

    private FieldSimulator() {
    }

    /**
     * @param directory the output folder
     * @param files     the scan files written, in order Mn below/above, Co, Ni
     * @param truth     what was written to {@code truth.json}
     * @param field     the field
     */
    public record Result(Path directory, List<Path> files, FieldTruth.Truth truth, Field field) {
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
    public static Result run(FieldSettings settings, Path directory, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        List<EnergyPair> pairs = Simulator.typicalPairs();
        double lowestKev = pairs.stream().mapToDouble(EnergyPair::belowKev).min().orElseThrow();
        double basePixel = settings.pixelSizeUm() > 0 ? settings.pixelSizeUm()
                : DEFAULT_WIDTH_UM / settings.columns();
        Field field = Field.generate(settings.spec(), basePixel * settings.columns(), basePixel * settings.rows(),
                settings.seed());
        progress.accept(String.format(Locale.ROOT, "field: %d particles (%s), %d touching pair(s), %.1f × %.1f µm,"
                + " pixel %.4f µm, %.1f s", field.particles().size(), field.phantom().profileName(),
                field.contacts().size(), field.widthUm(), field.heightUm(), basePixel, seconds(start)));
        double[] angles = ScanGeometry.anglesOver180(settings.angles());
        AcquisitionModel acquisition = AcquisitionModel.typical(settings.flux());
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        List<Simulator.ScanTruth> scans = new ArrayList<>();
        List<ScanGeometry> geometries = new ArrayList<>();
        int index = 0;
        for (EnergyPair pair : pairs) {
            for (boolean above : new boolean[] { false, true }) {
                index++;
                long scanStart = System.nanoTime();
                double energy = pair.energyKev(above);
                SplittableRandom random = new SplittableRandom(AcquisitionModel.mix(settings.seed(), 100, index));
                double stated = settings.energyScaledPixel() ? basePixel * energy / lowestKev : basePixel;
                ScanGeometry geometry = ScanGeometry.drawn(settings.rows(), settings.columns(), angles, stated,
                        settings.maxMagnificationError(), settings.maxCentreOffsetPx(), settings.jitterPx(), random);
                String name = Simulator.scanFileName(index, pair, above);
                Path file = directory.resolve(name);
                FootprintProjector projector = new FootprintProjector(field.particles(), field.contacts(), energy);
                writeScan(file, projector, geometry, energy, acquisition,
                        AcquisitionModel.mix(settings.seed(), 200, index), settings.subsamples(),
                        settings.gzipLevel());
                files.add(file);
                geometries.add(geometry);
                scans.add(Simulator.ScanTruth.of(name, pair, above, geometry, energy));
                progress.accept(String.format(Locale.ROOT, "%s: %s %s edge, %.3f keV, %.1f s", name,
                        pair.element().symbol(), above ? "above" : "below", energy, seconds(scanStart)));
            }
        }
        long truthStart = System.nanoTime();
        FieldTruth.Truth truth = truth(settings, field, basePixel, pairs, scans, geometries);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(directory.resolve(Simulator.TRUTH_FILE),
                temporary -> mapper.writeValue(temporary.toFile(), truth));
        long cut = truth.particles().stream().filter(FieldTruth.ParticleTruth::cut).count();
        progress.accept(String.format(Locale.ROOT, "%s: %d particles (%d cut by the field), true depth profiles,"
                + " %.1f s", Simulator.TRUTH_FILE, truth.particles().size(), cut, seconds(truthStart)));
        return new Result(directory, files, truth, field);
    }

    /**
     * Projects, records and writes one scan, a slab of projections at a time, on all cores.
     *
     * @param file        the Data Exchange file to write (atomically)
     * @param projector   the particles at the scan's energy
     * @param geometry    the scan's true geometry
     * @param energyKev   beam energy, keV (written to the file)
     * @param acquisition the detector model
     * @param noiseSeed   the scan's noise seed
     * @param subsamples  rays per pixel along each direction
     * @param gzipLevel   0 = uncompressed, 1..9 = shuffle + gzip
     * @throws IOException if the file cannot be written
     */
    public static void writeScan(Path file, FootprintProjector projector, ScanGeometry geometry, double energyKev,
            AcquisitionModel acquisition, long noiseSeed, int subsamples, int gzipLevel) throws IOException {
        int rows = geometry.rows();
        int columns = geometry.columns();
        int frameSize = rows * columns;
        int angles = geometry.anglesDeg().length;
        AcquisitionModel.Expected expected = acquisition.expected(rows, columns, noiseSeed);
        var layout = new DataExchangeStreamWriter.Layout(geometry.anglesDeg(), rows, columns, acquisition.flats(),
                acquisition.darks(), gzipLevel, CHUNK_ANGLES);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), SLAB_ANGLES));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "edgewise-field-projector");
            thread.setDaemon(true);
            return thread;
        });
        try (DataExchangeStreamWriter out = DataExchangeStreamWriter.create(file, layout, energyKev,
                geometry.statedPixelUm())) {
            int[] counts = new int[frameSize];
            short[] frames = new short[Math.max(acquisition.flats(), acquisition.darks()) * frameSize];
            for (int f = 0; f < acquisition.flats(); f++) {
                acquisition.recordFlat(expected, noiseSeed, f, counts);
                toUnsigned16(counts, frames, f * frameSize);
            }
            out.writeFlats(frames);
            for (int f = 0; f < acquisition.darks(); f++) {
                acquisition.recordDark(expected, noiseSeed, f, counts);
                toUnsigned16(counts, frames, f * frameSize);
            }
            out.writeDarks(frames);
            short[] slab = new short[SLAB_ANGLES * frameSize];
            Worker[] workers = new Worker[threads];
            for (int w = 0; w < threads; w++) {
                workers[w] = new Worker(projector.newScratch(), new float[frameSize], new int[frameSize]);
            }
            for (int first = 0; first < angles; first += SLAB_ANGLES) {
                int count = Math.min(SLAB_ANGLES, angles - first);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    Worker worker = workers[w];
                    int firstOfWorker = first + w;
                    int end = first + count;
                    int slabStart = first;
                    done.add(pool.submit(() -> {
                        for (int a = firstOfWorker; a < end; a += threads) {
                            projector.project(geometry, a, subsamples, worker.scratch, worker.lineIntegrals);
                            acquisition.recordProjection(expected, worker.lineIntegrals, noiseSeed, a, worker.counts);
                            toUnsigned16(worker.counts, slab, (a - slabStart) * frameSize);
                        }
                    }));
                }
                await(done);
                out.writeProjections(first, count, slab);
            }
            out.commit();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Worker(FootprintProjector.Scratch scratch, float[] lineIntegrals, int[] counts) {
    }

    private static void await(List<Future<?>> futures) throws IOException {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while projecting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Counts are 0..65535 ({@link AcquisitionModel#MAX_COUNT}), so the low 16 bits are the uint16 value. */
    private static void toUnsigned16(int[] counts, short[] out, int offset) {
        for (int i = 0; i < counts.length; i++) {
            out[offset + i] = (short) counts[i];
        }
    }

    private static FieldTruth.Truth truth(FieldSettings settings, Field field, double basePixel,
            List<EnergyPair> pairs, List<Simulator.ScanTruth> scans, List<ScanGeometry> geometries) {
        double grid = Math.min(0.04, basePixel / 3);
        double[] visible = FieldTruth.visibleRegion(geometries);
        List<List<FieldTruth.Neighbour>> neighbours = FieldTruth.neighbours(field.particles().size(),
                field.contacts());
        double rowMid = (settings.rows() - 1) / 2.0;
        double columnMid = (settings.columns() - 1) / 2.0;
        List<FieldTruth.ParticleTruth> particles = new ArrayList<>();
        for (Particle particle : field.particles()) {
            Vec3 c = particle.centreUm();
            FieldTruth.Cut cut = FieldTruth.cut(particle, geometries);
            boolean isCut = cut.lateral() || cut.topBottom();
            particles.add(new FieldTruth.ParticleTruth(particle.id(), field.architecture(particle.id()),
                    new double[] { c.x(), c.y(), c.z() },
                    new double[] { rowMid + c.z() / basePixel, columnMid + c.y() / basePixel,
                            columnMid + c.x() / basePixel },
                    particle.semiAxesUm(), particle.rotation(), particle.volumeUm3(), particle.solidVolumeUm3(),
                    particle.equivalentDiameterUm(), particle.feretRatio(), particle.pores().size(), isCut,
                    cut.lateral(), cut.topBottom(), isCut ? FieldTruth.shareInside(particle, visible) : 1,
                    neighbours.get(particle.id() - 1),
                    TruthProfiles.computeBySymmetry(particle, basePixel, grid, pairs)));
        }
        List<String> architectures = settings.spec().architectures().stream().map(ProfileModel::name).toList();
        return new FieldTruth.Truth(FieldTruth.FORMAT, FieldTruth.CONVENTIONS, field.phantom().profileName(),
                architectures, settings.seed(), settings.columns(), settings.rows(), settings.columns(),
                settings.angles(), settings.flux(), field.widthUm(), field.heightUm(), basePixel, basePixel,
                visible[0], new double[] { visible[1], visible[2] }, pairs, scans, particles, field.contacts());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
