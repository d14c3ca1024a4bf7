package org.edgewise.ui.data;

/** Told about every change of an {@link IDatasetRegistry}, on the thread that made it. */
@FunctionalInterface
public interface IDatasetRegistryListener {

    /** @param event what changed */
    void registryChanged(DatasetRegistryEvent event);
}
