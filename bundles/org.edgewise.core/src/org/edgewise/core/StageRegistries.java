package org.edgewise.core;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.internal.registry.ExtensionStageRegistry;

/**
 * Where stage registries come from. Inside OSGi (CLI, workbench, integration tests) the stages are those declared
 * under the extension point {@code org.edgewise.api.stages}; plain unit tests build an
 * {@link InMemoryStageRegistry} instead.
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
}
