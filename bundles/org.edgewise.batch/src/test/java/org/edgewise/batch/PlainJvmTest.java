package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.StageRegistries;
import org.edgewise.physics.Attenuations;
import org.junit.jupiter.api.Test;

/** The headless bundles as plain jars, without OSGi or the Eclipse runtime on the class path. */
class PlainJvmTest {

    @Test
    void theStagesOfEveryBundleJarAreReadFromTheirPluginXml() {
        List<StageDescriptor> stages = StageRegistries.fromClasspath(getClass().getClassLoader()).all();
        List<String> ids = stages.stream().map(StageDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("edgewise.core.bin", "edgewise.recon.reconstruct", "edgewise.align.normalise",
                "edgewise.segment.threshold", "edgewise.segment.label")), ids.toString());
        for (StageDescriptor stage : stages) {
            // the qualifier the build put into each bundle jar's manifest, as the extension registry reports it
            assertTrue(stage.bundleVersion().matches("0\\.1\\.0\\.\\d{12}"), stage.id() + " " + stage.bundleVersion());
            assertEquals(Parameters.defaults(stage.modelClass()),
                    Parameters.fromJson(Parameters.toJson(Parameters.defaults(stage.modelClass())), stage.modelClass()));
            assertTrue(stage.newStage() != null);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.core.runtime.IExtensionRegistry"));
    }

    @Test
    void runtimeInfoReadsVersionsFromTheJarManifests() {
        RuntimeInfo info = RuntimeInfo.current();
        assertTrue(info.edgewiseVersion().matches("0\\.1\\.0\\.\\d{12}"), info.edgewiseVersion());
        assertEquals("2.3.2", info.libraryVersions().get("org.eclipse.january"));
    }

    @Test
    void xraylibFindsItsDataInsideItsJar() {
        assertEquals(8.333, Attenuations.kEdgeKev(28), 0.001); // Ni K edge
        assertTrue(Attenuations.massAttenuationCm2PerG(28, 8.353) > 5 * Attenuations.massAttenuationCm2PerG(28, 8.313));
    }
}
