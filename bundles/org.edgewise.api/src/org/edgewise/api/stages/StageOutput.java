package org.edgewise.api.stages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;

/**
 * The datasets a stage returns, by output port name. Each must carry
 * {@link org.edgewise.api.metadata.PhysicalMetadata}; the runner rejects bare arrays.
 * <p>
 * A stage that could use its input only with caveats (a few clamped pixels, an iteration that stopped before it
 * converged) says so in {@link #warnings()}: the runner records them in the run's provenance and the commands print
 * them. What a stage cannot use at all is a {@link StageException}, not a warning.
 * <pre>{@code
 * return StageOutput.of("alignment", table).withWarning("the centre search did not converge in 12 iterations");
 * }</pre>
 *
 * @param datasets port name → dataset
 * @param warnings one line each, saying what was not as expected and what was done about it; may be empty
 */
public record StageOutput(Map<String, Dataset> datasets, List<String> warnings) {

    public StageOutput {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** @param datasets port name → dataset; no warnings */
    public StageOutput(Map<String, Dataset> datasets) {
        this(datasets, List.of());
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
     * @param warning one line for the user
     * @return this output with the warning added
     */
    public StageOutput withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new StageOutput(datasets, more);
    }

    /**
     * @param port an output port name
     * @return the dataset, or null if the stage did not return it
     */
    public Dataset get(String port) {
        return datasets.get(port);
    }
}
