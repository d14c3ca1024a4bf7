package org.edgewise.workflow.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.io.ResultsCrops;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;
import org.edgewise.workflow.AnalyzeWorkflow;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.Scans;
import org.edgewise.workflow.StandardIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

/**
 * The streaming analysis (f = 1, slabs thinner than the volume) against the in-memory analysis ({@link Analysis#run})
 * of the same volumes file: the same particles (matched by centroid), volumes, depth profiles and Table-1 metrics, on
 * the reconstructions of a simulated scan set and on a field of two particles with a gap between them.
 */
class StreamingAnalysisTest {

    private static final double[][] ENERGIES_KEV = { { 6.519, 6.559 }, { 7.689, 7.729 }, { 8.313, 8.353 } };

    @TempDir
    Path dir;

    /** Reconstructions of a simulated 63ni preset scan set (as {@code edgewise reconstruct} writes them). */
    @Test
    void matchesTheInMemoryAnalysisOnReconstructionsOfASimulatedScanSet() throws Exception {
        Simulator.run(new SimulationSettings(Architecture.preset("63ni"), 48, 40, 2e4, 1, 3, 0, 0.5, 2, 0.003,
                false, 1, false), dir.resolve("scans"), line -> { });
        RunResult reconstruction = StandardIo.runner(StageRegistries.fromExtensions()).run(ReconstructWorkflow
                .builder().scans(Scans.read(List.of(dir.resolve("scans")))).build(), dir, dir.resolve("recon"),
                RunOptions.defaults(), null);
        Comparison c = compare(reconstruction.resultsFile(), 9);
        assertEquals(1, c.particles);
        System.out.println(c);
        c.assertWithin(1e-9, 1e-5);
    }

    /** Two balls of different composition with a gap: both found, each analysed in its own region. */
    @Test
    void findsBothParticlesOfAFieldWithAGap() throws Exception {
        Path volumes = twoBalls(dir.resolve("volumes.h5"));
        Comparison c = compare(volumes, 7);
        assertEquals(2, c.particles);
        System.out.println(c);
        c.assertWithin(1e-9, 1e-5);
        // results.h5: the merged tables, and each region's labels at its place
        Path results = c.streaming.resolve(Analysis.RESULTS_FILE);
        Dataset table = ResultsFile.readDataset(results, "particles.particles");
        assertEquals(2, table.getShape()[0]);
        try (HdfFile hdf = new HdfFile(results)) {
            io.jhdf.api.Group crops = (io.jhdf.api.Group) hdf.getByPath("/" + ResultsCrops.GROUP);
            assertEquals(2, crops.getChildren().size());
            for (io.jhdf.api.Node crop : crops.getChildren().values()) {
                int[] size = (int[]) crop.getAttribute("size_zyx").getData();
                int[] labels = hdf.getDatasetByPath(crop.getPath() + "particles.labels/data").getDimensions();
                assertEquals(Arrays.toString(size), Arrays.toString(labels));
                assertEquals(1, ((int[]) crop.getAttribute("labels").getData()).length);
            }
        }
    }

    /**
     * A background that rises across the field (as cupping or a beam-hardening ramp leaves it): each region's own
     * background differs from the whole volume's, yet the surface level is the whole volume's, so the depth bins are
     * the same voxel for voxel.
     */
    @Test
    void takesTheSurfaceLevelOfTheWholeVolumeWhenTheBackgroundVariesAcrossTheField() throws Exception {
        Path volumes = twoBalls(dir.resolve("volumes.h5"), 4e-4);
        Comparison c = compare(volumes, 7);
        assertEquals(2, c.particles);
        System.out.println(c);
        c.assertWithin(1e-9, 1e-5);
    }

    /**
     * Regions analysed binned by 2 (as when they do not fit the memory at full resolution): the same two particles
     * at the same places, their volumes and mean fractions close to the full-resolution analysis, and the binning
     * recorded in the warnings and in results.h5.
     */
    @Test
    void binsRegionsThatMustBeBinnedAndPutsTheirParticlesInPlace() throws Exception {
        Path volumes = twoBalls(dir.resolve("volumes.h5"));
        AnalysisParameters parameters = AnalysisParameters.defaults();
        Analysis.Result full = Analysis.run(List.of(volumes), dir.resolve("memory"), parameters,
                StageRegistries.fromExtensions(), null);
        Path binned = dir.resolve("binned");
        Files.createDirectories(binned);
        Analysis.Result b = StreamingAnalysis.run(volumes, binned, parameters, new StreamingAnalysis.Settings(1, 7,
                null, Runtime.getRuntime().maxMemory(), 2), StageRegistries.fromExtensions(), null);
        assertEquals(2, b.particles().size());
        assertEquals(2, b.warnings().stream().filter(w -> w.contains("binned by 2")).count(), b.warnings()
                .toString());
        String report = Files.readString(binned.resolve(Analysis.REPORT_FILE));
        assertTrue(report.contains("<p class=\"warn\">Warning: particle region"), "the warnings head the report");
        double[][] ca = centroids(dir.resolve("memory").resolve(Analysis.PARTICLES_FILE));
        double[][] cb = centroids(binned.resolve(Analysis.PARTICLES_FILE));
        for (Analysis.Particle p : full.particles()) {
            double[] at = ca[p.label()];
            int nearest = 1;
            for (int l = 2; l < cb.length; l++) {
                if (distance(at, cb[l]) < distance(at, cb[nearest])) {
                    nearest = l;
                }
            }
            // a binned voxel is 0.2 µm: the centroids agree within a small part of it when the binned grid is
            // placed right (a misplaced grid is off by 0.05 µm or more along each axis)
            assertTrue(distance(at, cb[nearest]) < 0.02, "centroid " + Arrays.toString(at) + " vs "
                    + Arrays.toString(cb[nearest]));
            int label = nearest;
            Analysis.Particle q = b.particles().stream().filter(x -> x.label() == label).findFirst().orElseThrow();
            // a ball of 6 binned voxels' radius: the threshold on block means and the growth by whole voxels
            // move its surface by a fraction of a binned voxel (+20 % in volume here)
            assertEquals(p.volumeUm3(), q.volumeUm3(), 0.25 * p.volumeUm3(), "volume");
            for (int e = 0; e < 3; e++) {
                assertEquals(p.meanFraction()[e], q.meanFraction()[e], 0.02, "mean fraction of element " + e);
            }
        }
        try (HdfFile hdf = new HdfFile(binned.resolve(Analysis.RESULTS_FILE))) {
            io.jhdf.api.Group crops = (io.jhdf.api.Group) hdf.getByPath("/" + ResultsCrops.GROUP);
            for (io.jhdf.api.Node crop : crops.getChildren().values()) {
                assertEquals(2, ((int[]) crop.getAttribute("binning").getData())[0]);
                int[] size = (int[]) crop.getAttribute("size_zyx").getData();
                int[] labels = hdf.getDatasetByPath(crop.getPath() + "particles.labels/data").getDimensions();
                assertEquals(Arrays.toString(new int[] { size[0] / 2, size[1] / 2, size[2] / 2 }),
                        Arrays.toString(labels));
            }
        }
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(Math.hypot(a[0] - b[0], a[1] - b[1]), a[2] - b[2]);
    }

    /** A field of two balls (NMC811 core under NMC111, and NMC622) separated by a gap of 6 voxels. */
    private static Path twoBalls(Path file) throws Exception {
        return twoBalls(file, 0);
    }

    /**
     * @param ramp rise of every volume's background per voxel along x, 1/µm; when not 0 the balls' edges are blurred
     *             over 3 voxels
     */
    private static Path twoBalls(Path file, double ramp) throws Exception {
        int nz = 40;
        int ny = 44;
        int nx = 76;
        double radius = 12;
        double[][] centres = { { 20, 22, 20 }, { 19.5, 21, 50 } };
        LayeredOxide core = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        LayeredOxide shell = LayeredOxide.of(TmFractions.ofNiCoMn(1, 1, 1));
        LayeredOxide other = LayeredOxide.of(TmFractions.ofNiCoMn(6, 2, 2));
        List<ResultDataset> list = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (Element e : Element.values()) {
            for (int above = 0; above < 2; above++) {
                double kev = ENERGIES_KEV[e.ordinal()][above];
                float[] v = new float[nz * ny * nx];
                for (int z = 0; z < nz; z++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            double value = random.nextGaussian() * 0.002 + ramp * x;
                            for (int p = 0; p < 2; p++) {
                                double[] c = centres[p];
                                double r = Math.sqrt((z - c[0]) * (z - c[0]) + (y - c[1]) * (y - c[1])
                                        + (x - c[2]) * (x - c[2]));
                                // a blurred edge (as reconstructions have) where the background rises: there the
                                // surface level decides which voxels of the edge are inside
                                double inside = ramp == 0 ? (r < radius ? 1 : 0)
                                        : Math.min(1, Math.max(0, (radius - r) / 3 + 0.5));
                                if (inside > 0) {
                                    value += inside * (p == 1 ? other.linearAttenuationPerUm(kev) : r < radius - 4
                                            ? core.linearAttenuationPerUm(kev) : shell.linearAttenuationPerUm(kev));
                                }
                            }
                            v[(z * ny + y) * nx + x] = (float) value;
                        }
                    }
                }
                String name = AnalyzeWorkflow.volumeName(e, above == 1);
                Dataset d = FlatArrays.wrap(v, nz, ny, nx);
                d.setName(name);
                list.add(new ResultDataset(name, DataKind.VOLUME, PhysicalMetadata.create(0.1, kev, "1/µm")
                        .attachTo(d)));
            }
        }
        ResultsFile.write(file, list, "{}", null);
        return file;
    }

    /** The two analyses of one volumes file, particles matched by centroid, and their largest differences. */
    private Comparison compare(Path volumes, int slabRows) throws Exception {
        AnalysisParameters parameters = AnalysisParameters.defaults();
        Path memory = dir.resolve("memory");
        Analysis.Result a = Analysis.run(List.of(volumes), memory, parameters, StageRegistries.fromExtensions(),
                null);
        Path streaming = dir.resolve("streaming");
        Files.createDirectories(streaming);
        Analysis.Result b = StreamingAnalysis.run(volumes, streaming, parameters, new StreamingAnalysis.Settings(1,
                slabRows, null), StageRegistries.fromExtensions(), null);
        try (Stream<Path> files = Files.list(streaming)) {
            assertEquals(Analysis.FILES.stream().sorted().toList(), files.map(p -> p.getFileName().toString())
                    .sorted().toList());
        }
        assertEquals(a.particles().size(), b.particles().size(), "particles");
        for (String file : List.of(Analysis.ALIGNMENT_FILE, Analysis.REGISTRATION_FILE)) {
            assertEquals(Files.readString(memory.resolve(file)), Files.readString(streaming.resolve(file)), file);
        }
        // provenance.json: the analysis node as in memory (pairs, warnings, particles cut by the field of view)
        com.fasterxml.jackson.databind.JsonNode pa = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                memory.resolve(Analysis.PROVENANCE_FILE).toFile()).get("analysis");
        com.fasterxml.jackson.databind.JsonNode pb = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                streaming.resolve(Analysis.PROVENANCE_FILE).toFile()).get("analysis");
        assertEquals(pa.get("pairs"), pb.get("pairs"));
        assertEquals(pa.get("warnings"), pb.get("warnings"));
        assertEquals(pa.get("particlesCutByFieldOfView").size(), pb.get("particlesCutByFieldOfView").size());
        double[][] ca = centroids(memory.resolve(Analysis.PARTICLES_FILE));
        double[][] cb = centroids(streaming.resolve(Analysis.PARTICLES_FILE));
        Comparison c = new Comparison(streaming, a.particles().size());
        for (Analysis.Particle p : a.particles()) {
            // the streaming particle nearest this one's centroid
            double[] at = ca[p.label()];
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int l = 1; l < cb.length; l++) {
                double d = Math.hypot(Math.hypot(at[0] - cb[l][0], at[1] - cb[l][1]), at[2] - cb[l][2]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = l;
                }
            }
            int label = best;
            c.centroidUm = Math.max(c.centroidUm, bestDistance);
            Analysis.Particle q = b.particles().stream().filter(x -> x.label() == label).findFirst().orElseThrow();
            c.volume = Math.max(c.volume, Math.abs(p.volumeUm3() - q.volumeUm3()) / p.volumeUm3());
            assertEquals(p.cutByFieldOfView(), q.cutByFieldOfView());
            for (int e = 0; e < 3; e++) {
                c.fraction = Math.max(c.fraction, Math.abs(p.meanFraction()[e] - q.meanFraction()[e]));
            }
            List<ProfileRow> ra = a.rows().stream().filter(r -> r.particle() == p.label()).toList();
            List<ProfileRow> rb = b.rows().stream().filter(r -> r.particle() == label).toList();
            assertEquals(ra.size(), rb.size(), "profile rows of particle " + p.label());
            for (int i = 0; i < ra.size(); i++) {
                assertEquals(ra.get(i).element(), rb.get(i).element());
                assertEquals(ra.get(i).depthLowUm(), rb.get(i).depthLowUm(), 1e-9);
                c.voxels = Math.max(c.voxels, Math.abs(ra.get(i).n() - rb.get(i).n()));
                c.profile = Math.max(c.profile, difference(ra.get(i).fraction().value(), rb.get(i).fraction()
                        .value()));
                // the 99 % intervals: clusters of the variance are bands about the whole volume's axis in both
                c.profile = Math.max(c.profile, difference(ra.get(i).fraction().halfWidth(), rb.get(i).fraction()
                        .halfWidth()));
                c.intensity = Math.max(c.intensity, difference(ra.get(i).intensity().value(), rb.get(i)
                        .intensity().value()));
            }
            List<ProfileMetrics.Metric> ma = a.metrics().stream().filter(m -> m.particle() == p.label()).toList();
            List<ProfileMetrics.Metric> mb = b.metrics().stream().filter(m -> m.particle() == label).toList();
            assertEquals(ma.size(), mb.size());
            for (int i = 0; i < ma.size(); i++) {
                c.metric = Math.max(c.metric, difference(ma.get(i).core().value(), mb.get(i).core().value()));
                c.metric = Math.max(c.metric, difference(ma.get(i).edge().value(), mb.get(i).edge().value()));
                c.metric = Math.max(c.metric, difference(ma.get(i).core().halfWidth(), mb.get(i).core()
                        .halfWidth()));
            }
        }
        c.rows = a.rows().size();
        assertEquals(a.rows().size(), b.rows().size());
        return c;
    }

    private static double difference(double a, double b) {
        return a == b || Double.isNaN(a) && Double.isNaN(b) ? 0 : Math.abs(a - b); // also equal infinite intervals
    }

    /** @return per particle label its centroid {z, y, x}, µm, from a particles.csv */
    private static double[][] centroids(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        double[][] out = new double[lines.size()][];
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int label = Integer.parseInt(cells[header.indexOf("particle")]);
            out[label] = new double[] { Double.parseDouble(cells[header.indexOf("centroid_z_um")]), Double
                    .parseDouble(cells[header.indexOf("centroid_y_um")]), Double.parseDouble(cells[header.indexOf(
                            "centroid_x_um")]) };
        }
        return out;
    }

    /** The largest differences between the two analyses. */
    private static final class Comparison {
        final Path streaming;
        final int particles;
        int rows;
        double centroidUm;
        double volume;
        long voxels;
        double fraction;
        double profile;
        double intensity;
        double metric;

        Comparison(Path streaming, int particles) {
            this.streaming = streaming;
            this.particles = particles;
        }

        void assertWithin(double geometry, double values) {
            assertTrue(centroidUm < 1e-6 && volume < geometry && voxels == 0, toString());
            assertTrue(fraction < values && profile < values && metric < values, toString());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d particles, %d profile rows; largest differences: centroid %.3g µm,"
                    + " volume %.3g (relative), bin voxels %d, whole-particle fraction %.3g, profile fraction %.3g,"
                    + " Δμ %.3g 1/µm, Table-1 core/edge %.3g", particles, rows, centroidUm, volume, voxels, fraction,
                    profile, intensity, metric);
        }
    }
}
