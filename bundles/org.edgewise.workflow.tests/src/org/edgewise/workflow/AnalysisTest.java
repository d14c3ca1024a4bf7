package org.edgewise.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.files.OutputFolder;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.pipeline.Failures;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.PipelineStep;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.stages.DifferenceStage;
import org.edgewise.gradient.stages.RegisterElementStage;
import org.edgewise.gradient.stages.ResampleStage;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.LayeredOxide;
import org.edgewise.physics.TmFractions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis as a library ({@link Analysis#run}, {@link AnalyzeWorkflow}) on a volumes file of two balls of NMC811
 * under a shell of NMC111, whose μ at each of the six energies comes from the physics bundle (no reconstruction): the
 * pipeline has the expected steps, the fractions of core and shell come back in the profiles and in Table 1, and
 * exactly the analysis files are written; bad input is refused before anything is written.
 */
class AnalysisTest {

    private static final int N = 48;
    private static final double VOXEL_UM = 0.1;
    private static final double RADIUS = 10;
    private static final double SHELL = 4; // voxels of NMC111 under the surface
    private static final double[][] CENTRES = { { 23.5, 14, 15 }, { 23.5, 33, 32 } };
    /** Below and above each edge, by {@link Element#ordinal()}: Mn, Co, Ni. */
    private static final double[][] ENERGIES_KEV = { { 6.519, 6.559 }, { 7.689, 7.729 }, { 8.313, 8.353 } };

    @TempDir
    static Path shared;
    private static Path volumes;

    @BeforeAll
    static void writeVolumes() throws Exception {
        List<ResultDataset> list = new ArrayList<>();
        for (Element e : Element.values()) {
            for (int above = 0; above < 2; above++) {
                String name = AnalyzeWorkflow.volumeName(e, above == 1);
                list.add(new ResultDataset(name, DataKind.VOLUME, volume(name, ENERGIES_KEV[e.ordinal()][above])));
            }
        }
        volumes = shared.resolve("volumes.h5");
        ResultsFile.write(volumes, list, "{}", null);
    }

    private static Dataset volume(String name, double energyKev) {
        LayeredOxide core = LayeredOxide.of(TmFractions.ofNiCoMn(8, 1, 1));
        LayeredOxide shell = LayeredOxide.of(TmFractions.ofNiCoMn(1, 1, 1));
        float[] v = new float[N * N * N];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    for (double[] c : CENTRES) {
                        double r = Math.sqrt((z - c[0]) * (z - c[0]) + (y - c[1]) * (y - c[1])
                                + (x - c[2]) * (x - c[2]));
                        if (r < RADIUS) {
                            v[(z * N + y) * N + x] = (float) (r < RADIUS - SHELL
                                    ? core.linearAttenuationPerUm(energyKev) : shell.linearAttenuationPerUm(energyKev));
                        }
                    }
                }
            }
        }
        Dataset d = FlatArrays.wrap(v, N, N, N);
        d.setName(name);
        return PhysicalMetadata.create(VOXEL_UM, energyKev, "1/µm").attachTo(d);
    }

    @Test
    void theRecipeSegmentsRegistersDifferencesAndSummarises() throws Exception {
        AnalyzeWorkflow.Plan plan = AnalyzeWorkflow.builder().volumes(volumes).plan();
        List<String> stages = plan.pipeline().steps().stream().map(PipelineStep::stage).toList();
        assertEquals(2, stages.stream().filter(RegisterElementStage.ID::equals).count(), stages.toString());
        assertEquals(4, stages.stream().filter(ResampleStage.ID::equals).count(), stages.toString());
        assertEquals(3, stages.stream().filter(DifferenceStage.ID::equals).count(), stages.toString());
        assertEquals(6, plan.pipeline().inputs().size());
        assertTrue(plan.pipeline().results().containsAll(List.of(plan.profiles(), plan.metrics(),
                plan.segmentation().depth())));
        AnalyzeWorkflow.Plan unregistered = AnalyzeWorkflow.builder().volumes(volumes)
                .parameters(AnalysisParameters.defaults().withRegister(false)).plan();
        assertFalse(unregistered.pipeline().steps().stream().anyMatch(s -> s.stage().equals(ResampleStage.ID)));
    }

    @Test
    void theFractionsOfCoreAndShellComeBackAndExactlyTheAnalysisFilesAreWritten(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("analysis");
        List<String> steps = new ArrayList<>();
        IMonitor monitor = new IMonitor.Stub() {
            @Override
            public void subTask(String taskName) {
                steps.add(taskName);
            }
        };
        Analysis.Result r = Analysis.run(List.of(volumes), out, AnalysisParameters.defaults(),
                StageRegistries.fromExtensions(), monitor);
        try (Stream<Path> files = Files.list(out)) {
            List<String> expected = new ArrayList<>(Analysis.FILES);
            expected.add(OutputFolder.MANIFEST_FILE);
            assertEquals(expected.stream().sorted().toList(), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
        assertTrue(steps.stream().anyMatch(s -> s.contains(DifferenceStage.ID)), steps.toString());
        assertEquals(2, r.particles().size());
        int checked = 0;
        for (ProfileRow row : r.rows()) {
            double expected = row.depthHighUm() < (SHELL - 1.5) * VOXEL_UM ? 1.0 / 3
                    : row.depthLowUm() > (SHELL + 1.5) * VOXEL_UM ? TmFractions.ofNiCoMn(8, 1, 1).of(row.element())
                            : Double.NaN;
            if (!Double.isNaN(expected) && row.n() > 50) {
                assertEquals(expected, row.fraction().value(), 2e-3, row.toString());
                checked++;
            }
        }
        assertTrue(checked > 20, "bins checked: " + checked);
        ProfileMetrics.Metric ni = r.metrics().stream().filter(m -> m.element() == Element.NI
                && m.quantity() == ProfileRow.Quantity.FRACTION).findFirst().orElseThrow();
        // the edge point 0.25–0.30 µm lies in the shell of 0.4 µm (1/3 Ni)
        assertEquals(1.0 / 3, ni.edge().value(), 2e-3);
        List<String> particles = Files.readAllLines(out.resolve(Analysis.PARTICLES_FILE));
        assertEquals(3, particles.size());
        assertTrue(particles.get(0).startsWith("particle,voxels,volume_um3"), particles.get(0));
        List<String> registration = Files.readAllLines(out.resolve(Analysis.REGISTRATION_FILE));
        assertTrue(registration.stream().anyMatch(l -> l.startsWith("mn_volume,ni_volume,")), registration
                .toString());
        String provenance = Files.readString(out.resolve(Analysis.PROVENANCE_FILE));
        assertTrue(provenance.contains(RegisterElementStage.ID) && provenance.contains("\"warnings\""), provenance);
        // the memory plan, from the six 48³ volumes' shapes in the file: 64 MB + 8.9 × their 2.5 MB of floats
        com.fasterxml.jackson.databind.JsonNode memory = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(provenance).path("analysis").path("memory");
        assertEquals("in-memory", memory.path("path").asText(), memory.toString());
        assertEquals(Runtime.getRuntime().maxMemory(), memory.path("budgetBytes").asLong());
        assertEquals(90_731_316L, memory.path("inMemoryBytes").asLong());
        assertEquals(1, memory.path("reductionFactor").asInt());
        assertEquals(0, memory.path("scratchBytes").asLong());
        assertTrue(ResultsFile.names(out.resolve(Analysis.RESULTS_FILE)).size() > 20);
        assertReportIsSelfContainedWithEveryPlot(Files.readString(r.report()), 2);
    }

    /**
     * The page loads nothing from elsewhere (no script, style sheet or remote image; every image a data URI), and each
     * particle's section holds its charts (profiles of ratio and fraction, line scans along x, y, z) as inline SVG and
     * its images (a density plot per element, three orthoslices) as PNG.
     */
    static void assertReportIsSelfContainedWithEveryPlot(String html, int particles) {
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import"), "loads nothing");
        java.util.regex.Matcher sources = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"")
                .matcher(html);
        while (sources.find()) {
            assertTrue(sources.group(1).startsWith("data:image/png;base64,"), "embedded: " + sources.group(1)
                    .substring(0, Math.min(80, sources.group(1).length())));
        }
        String[] sections = html.split("<section class=\"particle\"", -1);
        assertEquals(particles + 1, sections.length, "a section per particle");
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i].substring(0, sections[i].indexOf("</section>"));
            assertEquals(AnalysisReport.SVG_PER_PARTICLE, count(section, "<svg"), "charts of particle " + i);
            assertEquals(AnalysisReport.IMAGES_PER_PARTICLE, count(section, "<img"), "images of particle " + i);
            assertEquals(count(section, "<svg"), count(section, "</svg"), "closed charts of particle " + i);
            assertTrue(section.contains("<path"), "charts draw something");
        }
        // every id once (inline SVGs share the page's id space)
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "id " + ids.group(1) + " is unique");
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aVolumesFileWithoutACoPairIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("volumes.h5");
        List<ResultDataset> list = new ArrayList<>();
        for (Element e : List.of(Element.NI, Element.MN)) {
            for (int above = 0; above < 2; above++) {
                String name = AnalyzeWorkflow.volumeName(e, above == 1);
                list.add(new ResultDataset(name, DataKind.VOLUME, volume(name, ENERGIES_KEV[e.ordinal()][above])));
            }
        }
        ResultsFile.write(file, list, "{}", null);
        Path out = dir.resolve("out");
        Analysis.InputException x = assertThrows(Analysis.InputException.class, () -> Analysis.run(List.of(file),
                out, AnalysisParameters.defaults(), StageRegistries.fromExtensions(), null));
        assertTrue(x.getMessage().contains(file.toString()) && x.getMessage().contains("co_below"), x.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Volumes in which segmentation finds no particle stop the run at the profiles step: nothing is written. */
    @Test
    void volumesWithoutAParticleFailAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("volumes.h5");
        List<ResultDataset> list = new ArrayList<>();
        for (Element e : Element.values()) {
            for (int above = 0; above < 2; above++) {
                String name = AnalyzeWorkflow.volumeName(e, above == 1);
                Dataset empty = FlatArrays.wrap(new float[N * N * N], N, N, N);
                empty.setName(name);
                list.add(new ResultDataset(name, DataKind.VOLUME, PhysicalMetadata.create(VOXEL_UM,
                        ENERGIES_KEV[e.ordinal()][above], "1/µm").attachTo(empty)));
            }
        }
        ResultsFile.write(file, list, "{}", null);
        Path out = dir.resolve("out");
        PipelineException x = assertThrows(PipelineException.class, () -> Analysis.run(List.of(file), out,
                AnalysisParameters.defaults().withRegister(false), StageRegistries.fromExtensions(), null));
        assertEquals(Failures.Kind.RUN, Failures.kind(x));
        assertTrue(x.getMessage().contains("holds no particle"), x.getMessage());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("volumes.h5"), left.map(p -> p.getFileName().toString()).toList());
        }
    }
}
