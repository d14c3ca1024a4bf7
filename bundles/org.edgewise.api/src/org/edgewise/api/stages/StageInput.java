package org.edgewise.api.stages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.january.dataset.Dataset;

/**
 * The datasets a stage receives, by input port name, plus where they lie in the whole stack.
 * <p>
 * For a {@link SlabPolicy#WHOLE} stage every dataset is complete and {@code slabStart == 0},
 * {@code slabLength == stackLength}. For a slab stage the datasets are the slab {@code [slabStart, slabStart +
 * slabLength)} along axis 0 of a stack whose full length is {@code stackLength}; a stage that needs absolute
 * indices (a crop in z) uses these numbers. Every dataset carries
 * {@link org.edgewise.api.metadata.PhysicalMetadata}.
 *
 * @param datasets    port name → dataset, in port order
 * @param slabStart   index along axis 0 of the first element of this slab in the whole stack
 * @param slabLength  length of this slab along axis 0
 * @param stackLength length of the whole stack along axis 0
 */
public record StageInput(Map<String, Dataset> datasets, int slabStart, int slabLength, int stackLength) {

    public StageInput {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
        if (slabStart < 0 || slabLength < 0 || slabStart + slabLength > stackLength) {
            throw new IllegalArgumentException("slab [" + slabStart + ", " + (slabStart + slabLength)
                    + ") does not lie in a stack of length " + stackLength);
        }
    }

    /**
     * Inputs that are whole stacks: the slab is the full length of axis 0 of the first dataset.
     *
     * @param datasets port name → dataset
     * @return the input
     */
    public static StageInput whole(Map<String, Dataset> datasets) {
        int length = datasets.isEmpty() ? 0 : firstLength(datasets);
        return new StageInput(datasets, 0, length, length);
    }

    /**
     * Shorthand for one whole input dataset.
     *
     * @param port    the input port name
     * @param dataset the dataset
     * @return the input
     */
    public static StageInput of(String port, Dataset dataset) {
        return whole(Map.of(port, dataset));
    }

    /**
     * @param port an input port name
     * @return the dataset of that port
     * @throws IllegalArgumentException if the stage was given no such dataset
     */
    public Dataset get(String port) {
        Dataset dataset = datasets.get(port);
        if (dataset == null) {
            throw new IllegalArgumentException("no input named '" + port + "'; inputs are " + datasets.keySet());
        }
        return dataset;
    }

    /** @return true if this is the whole stack rather than a slab of it */
    public boolean isWhole() {
        return slabStart == 0 && slabLength == stackLength;
    }

    private static int firstLength(Map<String, Dataset> datasets) {
        Dataset first = Objects.requireNonNull(datasets.values().iterator().next());
        return first.getRank() == 0 ? 1 : first.getShape()[0];
    }
}
