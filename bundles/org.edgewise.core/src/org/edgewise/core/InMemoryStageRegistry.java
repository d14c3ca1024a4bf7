package org.edgewise.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.StageDescriptor;

/**
 * A fixed set of stages given in code: for plain unit tests, and as the result of reading the extension registry.
 * Immutable once built.
 * <pre>{@code
 * IStageRegistry registry = InMemoryStageRegistry.of(
 *         StageDescriptor.of("test.negate", NoParameters.class, List.of(volumeIn), List.of(volumeOut), NegateStage::new));
 * }</pre>
 */
public final class InMemoryStageRegistry implements IStageRegistry {

    private final Map<String, StageDescriptor> stages;

    /**
     * @param descriptors the stages
     * @throws IllegalArgumentException if two stages share an id
     */
    public InMemoryStageRegistry(List<StageDescriptor> descriptors) {
        Map<String, StageDescriptor> byId = new LinkedHashMap<>();
        List<StageDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(Comparator.comparing(StageDescriptor::id));
        for (StageDescriptor descriptor : sorted) {
            if (byId.putIfAbsent(descriptor.id(), descriptor) != null) {
                throw new IllegalArgumentException("two stages have the id '" + descriptor.id() + "'");
            }
        }
        this.stages = java.util.Collections.unmodifiableMap(byId);
    }

    /** @param descriptors the stages @return a registry of exactly these stages */
    public static InMemoryStageRegistry of(StageDescriptor... descriptors) {
        return new InMemoryStageRegistry(List.of(descriptors));
    }

    @Override
    public Optional<StageDescriptor> find(String id) {
        return Optional.ofNullable(stages.get(id));
    }

    @Override
    public List<StageDescriptor> all() {
        return List.copyOf(stages.values());
    }
}
