package org.edgewise.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.StageRegistries;
import org.edgewise.core.stages.BinModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/** The plugin.xml reader for bundles run as plain jars, on a class folder written here. */
class ClasspathStageRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsTheStagesOfEveryPluginXmlWithTheVersionOfItsManifest() throws Exception {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/MANIFEST.MF"), """
                Manifest-Version: 1.0
                Bundle-SymbolicName: test.plain;singleton:=true
                Bundle-Version: 1.2.3.v20261202

                """);
        Files.writeString(dir.resolve("plugin.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <plugin>
                   <extension point="org.eclipse.core.runtime.applications"><stage id="not.a.stage"/></extension>
                   <extension point="org.edgewise.api.stages">
                      <stage id="test.scale" name="Scale" category="other"
                             class="org.edgewise.core.tests.ToyStages$Scale"
                             model="org.edgewise.core.tests.ToyStages$ScaleModel"
                             description="Multiplies by a factor." doi="10.0000/plain">
                         <input name="projections" kind="projections"/>
                         <output name="projections" kind="projections"/>
                         <output name="copy" kind="volume"/>
                      </stage>
                      <stage id="test.broken" name="Broken" category="other"
                             class="org.edgewise.core.tests.ToyStages$Scale"
                             model="org.edgewise.core.tests.NoSuchModel" description="Never registered.">
                         <output name="projections" kind="projections"/>
                      </stage>
                      <stage id="test.no-name" category="other" class="org.edgewise.core.tests.ToyStages$Bare"
                             model="org.edgewise.api.parameters.NoParameters" description="No name.">
                         <output name="projections" kind="projections"/>
                      </stage>
                   </extension>
                </plugin>
                """);
        try (URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
                ToyStages.class.getClassLoader())) {
            IStageRegistry registry = StageRegistries.fromClasspath(loader);

            StageDescriptor scale = registry.find("test.scale").orElseThrow();
            assertEquals("Scale", scale.name());
            assertEquals("other", scale.category());
            assertEquals("Multiplies by a factor.", scale.description());
            assertEquals("10.0000/plain", scale.doi());
            assertEquals(List.of(new Port("projections", DataKind.PROJECTIONS)), scale.inputs());
            assertEquals(List.of(new Port("projections", DataKind.PROJECTIONS), new Port("copy", DataKind.VOLUME)),
                    scale.outputs());
            assertEquals(ToyStages.ScaleModel.class, scale.modelClass());
            assertEquals("1.2.3.v20261202", scale.bundleVersion());
            assertInstanceOf(ToyStages.Scale.class, scale.newStage());

            assertEquals("test.no-name", registry.find("test.no-name").orElseThrow().name()); // as the registry does
            assertTrue(registry.find("test.broken").isEmpty());
            assertTrue(registry.find("not.a.stage").isEmpty());

            // the parent loader is core's bundle: its own plugin.xml is read too, with core's version
            StageDescriptor bin = registry.find("edgewise.core.bin").orElseThrow();
            assertEquals(BinModel.class, bin.modelClass());
            assertEquals(FrameworkUtil.getBundle(StageRegistries.class).getVersion().toString(), bin.bundleVersion());
        }
    }
}
