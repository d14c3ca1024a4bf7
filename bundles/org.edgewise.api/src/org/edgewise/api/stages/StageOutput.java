package org.edgewise.api.stages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;

/**
 * The datasets a stage returns, by output port name. Each must carry
 * {@link org.edgewise.api.metadata.PhysicalMetadata}; the runner rejects bare arrays.
 *
 * @param datasets port name → dataset
 */
public record StageOutput(Map<String, Dataset> datasets) {

    public StageOutput {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    /**
     * @param port    the output port name
     * @param dataset the result
     * @return an output with one dataset
     */
    public static StageOutput of(String port, Dataset dataset) {
        return new StageOutput(Map.of(port, dataset));
    }

    /**
     * @param port an output port name
     * @return the dataset, or null if the stage did not return it
     */
    public Dataset get(String port) {
        return datasets.get(port);
    }
}
