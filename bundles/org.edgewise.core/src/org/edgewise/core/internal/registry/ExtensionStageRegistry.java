package org.edgewise.core.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the extension point {@code org.edgewise.api.stages}. A broken contribution is logged with its
 * bundle and skipped, so one bad plug-in does not hide every other stage.
 */
public final class ExtensionStageRegistry {

    /** The extension point id, declared in {@code org.edgewise.api/plugin.xml}. */
    public static final String EXTENSION_POINT = "org.edgewise.api.stages";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionStageRegistry.class);

    private ExtensionStageRegistry() {
    }

    /**
     * @param registry the extension registry
     * @return one descriptor per valid {@code stage} element
     */
    public static List<StageDescriptor> read(IExtensionRegistry registry) {
        List<StageDescriptor> descriptors = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            if (!"stage".equals(element.getName())) {
                continue;
            }
            try {
                descriptors.add(describe(element));
            } catch (RuntimeException | ClassNotFoundException e) {
                LOG.error("Skipping stage '{}' contributed by {}: {}", element.getAttribute("id"),
                        element.getContributor().getName(), e.toString());
            }
        }
        return descriptors;
    }

    @SuppressWarnings("unchecked")
    private static StageDescriptor describe(IConfigurationElement element) throws ClassNotFoundException {
        String id = required(element, "id");
        Bundle bundle = ContributorFactoryOSGi.resolve(element.getContributor());
        Class<?> model = bundle.loadClass(required(element, "model"));
        if (!Record.class.isAssignableFrom(model)) {
            throw new IllegalArgumentException("model " + model.getName() + " of stage " + id + " is not a record");
        }
        Supplier<IStage<?>> factory = () -> {
            try {
                return (IStage<?>) element.createExecutableExtension("class");
            } catch (CoreException | ClassCastException e) {
                throw new IllegalStateException("cannot create stage " + id + " (" + element.getAttribute("class")
                        + ") from " + element.getContributor().getName() + ": " + e.getMessage(), e);
            }
        };
        return new StageDescriptor(id, element.getAttribute("name"), element.getAttribute("category"),
                element.getAttribute("description"), element.getAttribute("doi"), ports(element, "input", id),
                ports(element, "output", id), (Class<? extends Record>) model, bundle.getVersion().toString(),
                factory);
    }

    private static List<Port> ports(IConfigurationElement stage, String type, String id) {
        List<Port> ports = new ArrayList<>();
        for (IConfigurationElement port : stage.getChildren(type)) {
            ports.add(new Port(required(port, "name"), DataKind.fromId(required(port, "kind"))));
        }
        return ports;
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks the attribute '" + attribute + "'");
        }
        return value.trim();
    }
}
