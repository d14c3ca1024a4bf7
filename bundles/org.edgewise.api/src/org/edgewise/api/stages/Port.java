package org.edgewise.api.stages;

import java.util.Objects;

/**
 * A named, typed input or output of a stage, e.g. {@code new Port("volume", DataKind.VOLUME)}.
 *
 * @param name the dataset name the stage reads or writes in {@link StageInput}/{@link StageOutput}; lowercase
 * @param kind what the dataset must be (axis order, rank, integer or not)
 */
public record Port(String name, DataKind kind) implements java.io.Serializable {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a port needs a name");
        }
    }

    @Override
    public String toString() {
        return name + " (" + kind.describe() + ")";
    }
}
