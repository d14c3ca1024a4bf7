package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.eclipse.january.IMonitor;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.core.StageRegistries;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.TmFractions;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch with the real analysis ({@link AnalyzeRunAnalysis}, the entry point of {@code edgewise analyze}) under
 * {@code local[2]}: four simulated runs of two architectures (particles with an NMC811 core under an NMC111 shell,
 * and uniform NMC622 particles), one of them a broken file. Each good run's folder holds what {@link Analysis#run}
 * writes when called on its own with the same parameters, number for number; the broken run is an error row; the
 * combined tables carry the runs' numbers; a second batch computes nothing.
 */
class AnalyzeBatchTest {

    private static final int SIZE = 32;
    private static final double VOXEL_UM = 0.25;
    private static final TmFractions NMC811 = TmFractions.ofNiCoMn(8, 1, 1);
    private static final TmFractions NMC111 = TmFractions.ofNiCoMn(1, 1, 1);
    private static final TmFractions NMC622 = TmFractions.ofNiCoMn(6, 2, 2);
    /** The CSV files of an analysis: compared byte for byte. */
    private static final List<String> TABLES = List.of(Analysis.PARTICLES_FILE, Analysis.PROFILES_FILE,
            Analysis.METRICS_FILE, Analysis.ALIGNMENT_FILE, Analysis.REGISTRATION_FILE);

    @TempDir
    Path dir;

    @Test
    void runsEqualSeparateAnalysesTheBrokenRunIsAnErrorRowAndARerunDoesNothing() throws Exception {
        // particles of 1.75 µm radius, a shell of 3 voxels = 0.75 µm: Table 1's edge point (0.25-0.30 µm) lies in
        // the shell; the core point is moved to 1.20-1.25 µm (--core), inside the core of these small particles
        TestRuns.volumes(dir.resolve("in/cs-1/volumes.h5"), SIZE, VOXEL_UM, List.of(
                new TestRuns.Particle(new double[] { 16, 9, 9.5 }, 7, 3, NMC811, NMC111),
                new TestRuns.Particle(new double[] { 15.5, 22.5, 22 }, 7.2, 3, NMC811, NMC111)));
        TestRuns.volumes(dir.resolve("in/cs-2/volumes.h5"), SIZE, VOXEL_UM, List.of(
                new TestRuns.Particle(new double[] { 16, 16, 15.5 }, 8, 3, NMC811, NMC111)));
        Path uniform = TestRuns.volumes(dir.resolve("in/un-1/volumes.h5"), SIZE, VOXEL_UM, List.of(
                new TestRuns.Particle(new double[] { 16.5, 15, 16 }, 7.5, 0, NMC622, NMC622)));
        // the same file cut short, as an interrupted copy leaves it
        byte[] bytes = Files.readAllBytes(uniform);
        Path broken = dir.resolve("in/un-2/volumes.h5");
        Files.createDirectories(broken.getParent());
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path manifest = dir.resolve("runs.csv");
        Files.writeString(manifest, """
                name,input,architecture,state,param.core,param.region,param.surface-level
                cs-1,in/cs-1/volumes.h5,core-shell,pristine,"1.20,1.25","0.25,1.25",
                cs-2,in/cs-2/volumes.h5,core-shell,cycled,"1.20,1.25","0.25,1.25",0.45
                un-1,in/un-1/volumes.h5,uniform,pristine,"1.20,1.25","0.25,1.25",
                un-2,in/un-2/volumes.h5,uniform,cycled,"1.20,1.25","0.25,1.25",
                """);
        Path out = dir.resolve("out");

        BatchRunner.Result first;
        BatchRunner.Result second;
        Map<String, Object> identities = new HashMap<>();
        String summaryText;
        try (JavaSparkContext spark = LocalBatchTest.localSpark()) {
            first = batch(spark, manifest, out);
            for (String run : List.of("cs-1", "cs-2", "un-1")) {
                identities.put(run, Files.readAttributes(out.resolve(run).resolve(Analysis.RESULTS_FILE),
                        BasicFileAttributes.class).fileKey());
            }
            summaryText = Files.readString(out.resolve(BatchFiles.SUMMARY));
            second = batch(spark, manifest, out);
        }

        Map<String, RunOutcome> outcomes = byName(first);
        for (String good : List.of("cs-1", "cs-2", "un-1")) {
            assertEquals(RunOutcome.Status.DONE, outcomes.get(good).status(), outcomes.get(good).toString());
        }
        RunOutcome failed = outcomes.get("un-2");
        assertEquals(RunOutcome.Status.FAILED, failed.status());
        assertTrue(failed.error().contains(broken.toString()), failed.error());
        assertEquals(1, failed.error().lines().count(), failed.error());
        assertFalse(Files.exists(out.resolve("un-2")));

        // each run's folder is what the analysis writes on its own, called as edgewise analyze calls it
        Map<String, AnalysisParameters> parameters = new LinkedHashMap<>();
        MetricsModel m = AnalysisParameters.defaults().metrics();
        AnalysisParameters defaults = AnalysisParameters.defaults().withMetrics(new MetricsModel(m.edgeFromUm(),
                m.edgeToUm(), 1.20, 1.25, 0.25, 1.25));
        ParticlesModel p = defaults.particles();
        parameters.put("cs-1", defaults);
        parameters.put("cs-2", defaults.withParticles(new ParticlesModel(p.method(), p.threshold(), p.openRadiusUm(),
                p.minVolumeUm3(), p.hUm(), p.dilateUm(), 0.45, p.depthOffsetVoxels())));
        parameters.put("un-1", defaults);
        for (Map.Entry<String, AnalysisParameters> run : parameters.entrySet()) {
            Path alone = dir.resolve("alone/" + run.getKey());
            Analysis.run(List.of(dir.resolve("in/" + run.getKey() + "/volumes.h5")), alone, run.getValue(),
                    StageRegistries.fromClasspath(getClass().getClassLoader()), new IMonitor.Stub());
            Path batched = out.resolve(run.getKey());
            assertEquals(new TreeSet<>(Analysis.FILES), names(batched), run.getKey());
            for (String table : TABLES) {
                assertEquals(Files.readString(alone.resolve(table)), Files.readString(batched.resolve(table)),
                        run.getKey() + "/" + table);
            }
            Path results = batched.resolve(Analysis.RESULTS_FILE);
            assertEquals(ResultsFile.names(alone.resolve(Analysis.RESULTS_FILE)), ResultsFile.names(results));
            List<String> datasets = ResultsFile.names(results);
            for (String volume : List.of("particles.depth", "particles.labels")) {
                String name = datasets.stream().filter(n -> n.endsWith(volume)).findFirst()
                        .orElseThrow(() -> new AssertionError(volume + " not in " + datasets));
                assertArrayEquals(FlatArrays.floats(ResultsFile.readDataset(alone.resolve(Analysis.RESULTS_FILE),
                        name)), FlatArrays.floats(ResultsFile.readDataset(results, name)), run.getKey() + " " + name);
            }
        }
        // the overrides reached the analysis: its provenance records them
        String provenance = Files.readString(out.resolve("cs-2").resolve(Analysis.PROVENANCE_FILE));
        assertTrue(provenance.matches("(?s).*\"surfaceLevel\"\\s*:\\s*0\\.45.*"), provenance);
        assertTrue(provenance.matches("(?s).*\"coreFromUm\"\\s*:\\s*1\\.2.*"), provenance);

        // summary.csv: the runs' metrics with their labels, and one error row
        Csv summary = Csv.read(out.resolve(BatchFiles.SUMMARY));
        int metricRows = 0;
        for (String good : parameters.keySet()) {
            Csv metrics = Csv.read(out.resolve(good).resolve(Analysis.METRICS_FILE));
            List<List<String>> rows = summary.rows().stream().filter(r -> r.get(0).equals(good)).toList();
            assertEquals(metrics.rows().size(), rows.size(), good);
            for (int i = 0; i < rows.size(); i++) {
                for (String column : metrics.header()) {
                    assertEquals(metrics.rows().get(i).get(metrics.column(column)), rows.get(i).get(summary
                            .column(column)), good + " row " + i + " " + column);
                }
            }
            metricRows += rows.size();
        }
        assertEquals(metricRows + 1, summary.rows().size());
        List<String> error = summary.rows().stream().filter(r -> r.get(0).equals("un-2")).findFirst().orElseThrow();
        assertEquals(List.of("failed", failed.error(), "uniform", "cycled", ""), List.of(error.get(1), error.get(2),
                error.get(summary.column("architecture")), error.get(summary.column("state")),
                error.get(summary.column("edge_value"))));

        // the numbers are the simulated compositions: Ni fraction 1/3 at the edge point and 0.8 at the core point
        // of the core-shell particles, 0.6 at both in the uniform ones
        for (List<String> row : summary.rows()) {
            if (!row.get(1).equals("done") || !row.get(summary.column("quantity")).equals("fraction")
                    || !row.get(summary.column("element")).equals("Ni")) {
                continue;
            }
            boolean coreShell = row.get(summary.column("architecture")).equals("core-shell");
            assertEquals(coreShell ? NMC111.of(Element.NI) : NMC622.of(Element.NI),
                    Double.parseDouble(row.get(summary.column("edge_value"))), 0.02, row.toString());
            assertEquals(coreShell ? NMC811.of(Element.NI) : NMC622.of(Element.NI),
                    Double.parseDouble(row.get(summary.column("core_value"))), 0.02, row.toString());
        }

        // particles.csv: every particle of the good runs (2 + 1 + 1), with the run's labels
        Csv particles = Csv.read(out.resolve(BatchFiles.PARTICLES));
        assertEquals(List.of("cs-1", "cs-1", "cs-2", "un-1"), particles.rows().stream().map(r -> r.get(0))
                .toList());
        Csv cs2Particles = Csv.read(out.resolve("cs-2").resolve(Analysis.PARTICLES_FILE));
        List<String> cs2 = particles.rows().get(2);
        assertEquals(cs2Particles.rows().get(0).get(cs2Particles.column("volume_um3")), cs2.get(particles.column(
                "volume_um3")));
        assertEquals("cycled", cs2.get(particles.column("state")));

        // the report: profiles per architecture and state, the metrics table, the distributions
        String report = Files.readString(out.resolve(BatchFiles.REPORT));
        for (String image : List.of("profile_architecture_Ni.png", "profile_state_Co.png", "volume.png",
                "feret_ratio.png", "volume_feret_density.png")) {
            assertTrue(report.contains(BatchFiles.REPORT_FIGURES + "/" + image), image);
            assertTrue(Files.size(out.resolve(BatchFiles.REPORT_FIGURES).resolve(image)) > 1000, image);
        }
        assertTrue(report.contains("un-2") && report.contains(failed.error().substring(0, 20)), report);
        assertEquals(Set.of(".batch", "cs-1", "cs-2", "un-1", "summary.csv", "particles.csv", "batch-report.html",
                "batch-report"), names(out), "no half-written, duplicated or hidden folder is left");

        // the same batch again: nothing is computed, no run folder is touched, the tables are the same
        for (RunOutcome outcome : second.outcomes()) {
            assertTrue(outcome.unchanged(), outcome.toString());
        }
        assertEquals(failed.error(), byName(second).get("un-2").error());
        for (String good : parameters.keySet()) {
            assertEquals(identities.get(good), Files.readAttributes(out.resolve(good).resolve(Analysis.RESULTS_FILE),
                    BasicFileAttributes.class).fileKey(), good);
        }
        assertEquals(summaryText, Files.readString(out.resolve(BatchFiles.SUMMARY)));
    }

    private static BatchRunner.Result batch(JavaSparkContext spark, Path manifestFile, Path out) throws Exception {
        BatchManifest manifest = BatchManifest.read(manifestFile, new AnalyzeRunAnalysis()::checkParameters);
        return new BatchRunner(manifest, out, new BatchRunner.Options("local[2]", 0, Map.of(),
                BatchMain.DEFAULT_ANALYSIS, false), System.out).run(spark);
    }

    private static Map<String, RunOutcome> byName(BatchRunner.Result result) {
        return result.outcomes().stream().collect(Collectors.toMap(RunOutcome::name, o -> o));
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
