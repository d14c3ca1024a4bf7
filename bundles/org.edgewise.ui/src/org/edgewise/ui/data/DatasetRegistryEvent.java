package org.edgewise.ui.data;

import java.util.List;
import java.util.Objects;

/**
 * A change of the dataset registry.
 *
 * @param type    what happened
 * @param entries the entries concerned: the new ones for {@link Type#ADDED} and {@link Type#REPLACED}, the removed
 *                ones for {@link Type#REMOVED}
 */
public record DatasetRegistryEvent(Type type, List<DatasetEntry> entries) {

    /** Kinds of change. */
    public enum Type {
        /** New entries. */
        ADDED,
        /** Entries whose dataset was computed again (same ids). */
        REPLACED,
        /** Entries that were removed (also by {@link IDatasetRegistry#clear()}). */
        REMOVED
    }

    public DatasetRegistryEvent {
        Objects.requireNonNull(type, "type");
        entries = List.copyOf(entries);
    }
}
