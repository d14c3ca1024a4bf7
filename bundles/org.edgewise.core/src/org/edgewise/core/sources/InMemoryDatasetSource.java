package org.edgewise.core.sources;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;

/**
 * Serves datasets held in memory to inputs whose file is {@code memory:NAME} (tests, the workbench). The datasets
 * must already carry {@link PhysicalMetadata}.
 * <pre>{@code
 * IDatasetSource source = new InMemoryDatasetSource(Map.of("phantom", volume));
 * // pipeline input: {"name": "volume", "file": "memory:phantom", "kind": "volume"}
 * }</pre>
 */
public final class InMemoryDatasetSource implements IDatasetSource {

    private final Map<String, ILazyDataset> datasets;

    /** @param datasets name (after {@code memory:}) → dataset with {@link PhysicalMetadata} */
    public InMemoryDatasetSource(Map<String, ? extends ILazyDataset> datasets) {
        this.datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    @Override
    public boolean accepts(InputSpec spec, Path file) {
        return spec.inMemory() && datasets.containsKey(key(spec));
    }

    @Override
    public ILazyDataset open(InputSpec spec, Path file) {
        ILazyDataset dataset = datasets.get(key(spec)).getSliceView();
        PhysicalMetadata.of(dataset); // bare arrays are refused here already
        return dataset;
    }

    private static String key(InputSpec spec) {
        return spec.file().substring(InputSpec.MEMORY_SCHEME.length());
    }
}
