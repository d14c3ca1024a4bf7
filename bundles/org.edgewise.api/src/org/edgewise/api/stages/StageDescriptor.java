package org.edgewise.api.stages;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything known about a stage without running it: what {@code plugin.xml} declares, plus a factory.
 * <p>
 * Registries build descriptors; the GUI, the CLI and the runner only read them.
 *
 * @param id            permanent lowercase dotted id, e.g. {@code edgewise.core.bin}
 * @param name          human-readable name
 * @param category      e.g. {@code alignment}, {@code reconstruction}, {@code segmentation}, {@code gradient},
 *                      {@code io}, {@code preprocessing}
 * @param description   one or two sentences for users
 * @param doi           the paper the method comes from, or empty
 * @param inputs        the input ports, in order
 * @param outputs       the output ports, in order
 * @param modelClass    the parameter record class
 * @param bundleVersion version of the contributing bundle, or {@code unknown} outside OSGi
 * @param factory       creates the stage (lazily, so the class is loaded only when the stage runs)
 */
public record StageDescriptor(String id, String name, String category, String description, String doi,
        List<Port> inputs, List<Port> outputs, Class<? extends Record> modelClass, String bundleVersion,
        Supplier<IStage<?>> factory) {

    /** The bundle version recorded when a stage is not loaded from an OSGi bundle. */
    public static final String UNKNOWN_VERSION = "unknown";

    public StageDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelClass, "modelClass of " + id);
        Objects.requireNonNull(factory, "factory of " + id);
        name = name == null ? id : name;
        category = category == null ? "" : category;
        description = description == null ? "" : description;
        doi = doi == null ? "" : doi;
        bundleVersion = bundleVersion == null ? UNKNOWN_VERSION : bundleVersion;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * A descriptor for code and tests that do not read {@code plugin.xml}.
     *
     * @param <M>        the parameter record type
     * @param id         the stage id
     * @param modelClass the parameter record class
     * @param inputs     input ports
     * @param outputs    output ports
     * @param factory    creates the stage
     * @return a descriptor with name = id, no category, description or DOI, version {@value #UNKNOWN_VERSION}
     */
    public static <M extends Record> StageDescriptor of(String id, Class<M> modelClass, List<Port> inputs,
            List<Port> outputs, Supplier<? extends IStage<M>> factory) {
        return new StageDescriptor(id, id, "", "", "", inputs, outputs, modelClass, UNKNOWN_VERSION,
                factory::get);
    }

    /** @return a new stage instance */
    public IStage<?> newStage() {
        return factory.get();
    }
}
