package org.edgewise.api.stages;

import java.util.List;
import java.util.Optional;

/**
 * The stages that are available. The OSGi implementation reads the extension point
 * {@code org.edgewise.api.stages}; plain tests use an in-memory one (both in {@code org.edgewise.core}).
 */
public interface IStageRegistry {

    /**
     * @param id a stage id, e.g. {@code edgewise.core.bin}
     * @return the stage, or empty if none has that id
     */
    Optional<StageDescriptor> find(String id);

    /** @return every stage, sorted by id */
    List<StageDescriptor> all();
}
