package org.edgewise.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.StageRegistries;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Outside OSGi the bundles' stages are read from the {@code plugin.xml} files of the class path; they must be
 * exactly what the extension registry reads from the same bundles. The class path is simulated by a loader over
 * every resolved bundle of this runtime (core, align, recon, segment and this one).
 */
class ClasspathStageRegistryIT {

    /** A flat class path made of bundles: their plugin.xml files and their classes, as jars on a class path. */
    private static final class BundlesClassLoader extends ClassLoader {
        private final List<Bundle> bundles;

        BundlesClassLoader(List<Bundle> bundles) {
            super(null);
            this.bundles = bundles;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (Bundle bundle : bundles) {
                try {
                    return bundle.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // the next bundle
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            List<URL> found = new ArrayList<>();
            for (Bundle bundle : bundles) {
                URL entry = bundle.getEntry(name); // the bundle's own file, not one it imports
                if (entry != null) {
                    found.add(entry);
                }
            }
            return Collections.enumeration(found);
        }
    }

    @Test
    void theClassPathListsTheSameStagesWithTheSamePortsParametersAndVersions() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles()) {
            boolean resolved = (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0;
            boolean fragment = bundle.adapt(BundleWiring.class) == null
                    || (bundle.adapt(BundleWiring.class).getRevision().getTypes()
                            & org.osgi.framework.wiring.BundleRevision.TYPE_FRAGMENT) != 0;
            if (resolved && !fragment && bundle.getBundleId() != 0) {
                bundles.add(bundle);
            }
        }
        IStageRegistry extensions = StageRegistries.fromExtensions();
        IStageRegistry classpath = StageRegistries.fromClasspath(new BundlesClassLoader(bundles));

        List<String> ids = extensions.all().stream().map(StageDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("edgewise.core.bin", "edgewise.recon.reconstruct",
                "edgewise.align.normalise", "edgewise.segment.threshold", "edgewise.integration.affine")), ids.toString());
        assertEquals(ids, classpath.all().stream().map(StageDescriptor::id).toList());
        for (StageDescriptor expected : extensions.all()) {
            StageDescriptor actual = classpath.find(expected.id()).orElseThrow();
            String id = expected.id();
            assertEquals(expected.name(), actual.name(), id);
            assertEquals(expected.category(), actual.category(), id);
            assertEquals(expected.description(), actual.description(), id);
            assertEquals(expected.doi(), actual.doi(), id);
            assertEquals(expected.inputs(), actual.inputs(), id);
            assertEquals(expected.outputs(), actual.outputs(), id);
            assertEquals(expected.modelClass(), actual.modelClass(), id);
            assertEquals(Parameters.describe(expected.modelClass()), Parameters.describe(actual.modelClass()), id);
            assertEquals(expected.bundleVersion(), actual.bundleVersion(), id);
            assertEquals(expected.newStage().getClass(), actual.newStage().getClass(), id);
        }
    }
}
