package org.edgewise.ui.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.edgewise.api.stages.DataKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory {@link IDatasetRegistry}. The workbench gets one instance as a declarative-services component
 * ({@code OSGI-INF/dataset-registry.xml}); tests create their own with {@code new}. Thread-safe: jobs add their
 * results from worker threads while views read on the display thread.
 */
public final class DatasetRegistry implements IDatasetRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRegistry.class);

    private final Map<String, DatasetEntry> entries = new LinkedHashMap<>();
    private final List<IDatasetRegistryListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void put(DatasetEntry entry) {
        putAll(List.of(entry));
    }

    @Override
    public void putAll(List<DatasetEntry> newEntries) {
        List<DatasetEntry> added = new ArrayList<>();
        List<DatasetEntry> replaced = new ArrayList<>();
        synchronized (entries) {
            for (DatasetEntry entry : newEntries) {
                (entries.put(entry.id(), entry) == null ? added : replaced).add(entry);
            }
        }
        if (!added.isEmpty()) {
            fire(new DatasetRegistryEvent(DatasetRegistryEvent.Type.ADDED, added));
        }
        if (!replaced.isEmpty()) {
            fire(new DatasetRegistryEvent(DatasetRegistryEvent.Type.REPLACED, replaced));
        }
    }

    @Override
    public List<DatasetEntry> remove(String id) {
        List<DatasetEntry> removed = new ArrayList<>();
        synchronized (entries) {
            List<String> pending = new ArrayList<>(List.of(id));
            while (!pending.isEmpty()) {
                DatasetEntry entry = entries.remove(pending.remove(0));
                if (entry == null) {
                    continue;
                }
                removed.add(entry);
                for (DatasetEntry candidate : entries.values()) {
                    if (candidate.origin() instanceof DatasetEntry.Derivation derivation
                            && derivation.inputIds().contains(entry.id())) {
                        pending.add(candidate.id());
                    }
                }
            }
        }
        if (!removed.isEmpty()) {
            fire(new DatasetRegistryEvent(DatasetRegistryEvent.Type.REMOVED, removed));
        }
        return removed;
    }

    @Override
    public void clear() {
        List<DatasetEntry> removed;
        synchronized (entries) {
            removed = new ArrayList<>(entries.values());
            entries.clear();
        }
        if (!removed.isEmpty()) {
            fire(new DatasetRegistryEvent(DatasetRegistryEvent.Type.REMOVED, removed));
        }
    }

    @Override
    public List<DatasetEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries.values());
        }
    }

    @Override
    public Optional<DatasetEntry> find(String id) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(id));
        }
    }

    @Override
    public List<DatasetEntry> ofKind(DataKind kind) {
        return entries().stream().filter(entry -> entry.kind() == kind).toList();
    }

    @Override
    public List<DatasetEntry> derivedFrom(String id) {
        return entries().stream().filter(entry -> entry.origin() instanceof DatasetEntry.Derivation derivation
                && derivation.inputIds().contains(id)).toList();
    }

    @Override
    public void addListener(IDatasetRegistryListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(IDatasetRegistryListener listener) {
        listeners.remove(listener);
    }

    private void fire(DatasetRegistryEvent event) {
        for (IDatasetRegistryListener listener : listeners) {
            try {
                listener.registryChanged(event);
            } catch (RuntimeException e) {
                // one broken view must not stop the others from hearing about the change
                LOG.error("dataset registry listener {} failed on {}", listener, event.type(), e);
            }
        }
    }
}
