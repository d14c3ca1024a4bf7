package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.gradient.stages.ProfilesModel;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.workflow.AnalysisParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest's overrides under the names of edgewise analyze's options, each reaching its stage parameter. */
class AnalyzeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void noOverridesAreAnalyzesDefaults() {
        assertEquals(AnalysisParameters.defaults(), AnalyzeOptions.parse(Map.of()));
    }

    @Test
    void everyOptionNameSetsItsParameter() {
        Map<String, String> all = Map.ofEntries(Map.entry("surface-level", "0.45"), Map.entry("dilate-um", "0.1"),
                Map.entry("depth-offset", "0.3"), Map.entry("cluster", "8"), Map.entry("resolution", "0.5"),
                Map.entry("confidence", "0.95"), Map.entry("lithium", "1.05"), Map.entry("edge", "0.2, 0.3"),
                Map.entry("core", "1.5,1.6"), Map.entry("region", "0.2,1.6"), Map.entry("no-register", "true"));
        assertEquals(AnalyzeOptions.NAMES.size(), all.size());
        AnalysisParameters p = AnalyzeOptions.parse(all);
        AnalysisParameters d = AnalysisParameters.defaults();
        ParticlesModel particles = d.particles();
        ProfilesModel profiles = d.profiles();
        assertEquals(new ParticlesModel(particles.method(), particles.threshold(), particles.openRadiusUm(),
                particles.minVolumeUm3(), particles.hUm(), 0.1, 0.45, 0.3), p.particles());
        assertEquals(new ProfilesModel(profiles.binUm(), 8, 0.95, 1.05, profiles.tolerance(), 0.5), p.profiles());
        assertEquals(new MetricsModel(0.2, 0.3, 1.5, 1.6, 0.2, 1.6), p.metrics());
        assertFalse(p.register());
        assertTrue(AnalyzeOptions.parse(Map.of("no-register", "false")).register());
    }

    @Test
    void wrongNamesAndValuesAreOneLineNamingTheParameter() {
        assertProblem(Map.of("surface_level", "0.4"), "unknown parameter 'surface_level' (the options of edgewise"
                + " analyze: surface-level, dilate-um,");
        assertProblem(Map.of("confidence", "high"), "confidence must be a number, was 'high'");
        assertProblem(Map.of("cluster", "2.5"), "cluster must be a whole number, was '2.5'");
        assertProblem(Map.of("core", "2.0,1.9"), "core must be FROM,TO in µm with 0 ≤ FROM ≤ TO, was '2.0,1.9'");
        assertProblem(Map.of("no-register", "maybe"), "no-register must be true or false, was 'maybe'");
        // the stage's own bounds, in its own words
        assertProblem(Map.of("confidence", "1.5"), "confidence: parameter 'confidence'");
        assertProblem(Map.of("edge", "0.25,200"), "edge: parameter 'edgeToUm'");
    }

    @Test
    void aManifestWithAWrongOverrideFailsAtItsLineBeforeAnyRun() throws Exception {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "name,input,param.surface-level\na,in/a,0.4\nb,in/b,1.7\n");
        ManifestException e = assertThrows(ManifestException.class, () -> BatchManifest.read(file,
                new AnalyzeRunAnalysis()::checkParameters));
        assertTrue(e.getMessage().startsWith(file + ":3: run 'b': surface-level: parameter 'surfaceLevel'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static void assertProblem(Map<String, String> overrides, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalyzeOptions.parse(
                overrides));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
