package org.edgewise.ui.data;

import java.util.List;
import java.util.Optional;

/**
 * The datasets open in the workbench, shared by every perspective. Views read from it and listen to it; jobs put
 * what they load or compute into it. Perspectives exchange data only through it (and the pipeline that fills it),
 * never by reaching into each other's views.
 * <p>
 * Registered as an OSGi service (declarative services); in the workbench,
 * {@code PlatformUI.getWorkbench().getService(IDatasetRegistry.class)} finds it. Listeners are called on the
 * thread that changed the registry; views marshal to the display thread themselves.
 * <pre>{@code
 * registry.put(entry);                          // added, or replaced when an entry with its id exists
 * registry.addListener(event -> refresh());
 * List<DatasetEntry> volumes = registry.ofKind(DataKind.VOLUME);
 * }</pre>
 */
public interface IDatasetRegistry {

    /**
     * Adds an entry, or replaces the entry with the same id (a step run again).
     *
     * @param entry the entry
     */
    void put(DatasetEntry entry);

    /**
     * Adds or replaces several entries with one event.
     *
     * @param entries the entries, in the order they should be listed
     */
    void putAll(List<DatasetEntry> entries);

    /**
     * Removes an entry and every entry derived from it, directly or indirectly.
     *
     * @param id the entry's id
     * @return the removed entries (empty when the id is unknown)
     */
    List<DatasetEntry> remove(String id);

    /** Removes every entry. */
    void clear();

    /** @return every entry, in the order they were first added */
    List<DatasetEntry> entries();

    /** @param id an id @return the entry with that id */
    Optional<DatasetEntry> find(String id);

    /** @param kind a kind @return the entries of that kind, in order */
    List<DatasetEntry> ofKind(org.edgewise.api.stages.DataKind kind);

    /**
     * @param id an entry's id
     * @return the entries computed directly from it (whose {@link DatasetEntry.Derivation#inputIds()} holds it)
     */
    List<DatasetEntry> derivedFrom(String id);

    /** @param listener called after every change */
    void addListener(IDatasetRegistryListener listener);

    /** @param listener a listener added before */
    void removeListener(IDatasetRegistryListener listener);
}
