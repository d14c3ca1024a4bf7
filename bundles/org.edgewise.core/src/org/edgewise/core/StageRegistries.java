package org.edgewise.core;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.internal.registry.ClasspathStageRegistry;
import org.edgewise.core.internal.registry.ExtensionStageRegistry;

/**
 * Where stage registries come from. Inside OSGi (CLI, workbench, integration tests) the stages are those declared
 * under the extension point {@code org.edgewise.api.stages}; where the bundles run as plain jars (the batch runner
 * on Spark) the same declarations are read from the {@code plugin.xml} files on the class path; plain unit tests
 * build an {@link InMemoryStageRegistry} instead.
 */
public final class StageRegistries {

    private StageRegistries() {
    }

    /**
     * Reads every {@code org.edgewise.api.stages} contribution once. Classes are not loaded until a stage runs.
     *
     * @return the stages of all resolved bundles
     * @throws IllegalStateException outside OSGi, or if the extension registry is not running
     */
    public static IStageRegistry fromExtensions() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("the Eclipse extension registry is not running (org.eclipse.equinox.registry"
                    + " must be resolved and started); use InMemoryStageRegistry outside OSGi");
        }
        return fromExtensions(registry);
    }

    /**
     * @param registry an extension registry
     * @return the stages contributed to {@code org.edgewise.api.stages} in it
     */
    public static IStageRegistry fromExtensions(IExtensionRegistry registry) {
        return new InMemoryStageRegistry(ExtensionStageRegistry.read(registry));
    }

    /**
     * The stages declared in the {@code plugin.xml} files that a class loader sees, for the bundles run as plain jars
     * outside OSGi. It lists what {@link #fromExtensions()} lists for the same bundles (ids, names, categories,
     * descriptions, ports, parameter records, bundle versions from each jar's manifest). Needs no Eclipse runtime.
     * <pre>{@code
     * IStageRegistry stages = StageRegistries.fromClasspath(BatchMain.class.getClassLoader());
     * }</pre>
     *
     * @param loader loads the {@code plugin.xml} resources and the classes they name
     * @return the stages of every bundle on that class path
     */
    public static IStageRegistry fromClasspath(ClassLoader loader) {
        return new InMemoryStageRegistry(ClasspathStageRegistry.read(loader));
    }
}
