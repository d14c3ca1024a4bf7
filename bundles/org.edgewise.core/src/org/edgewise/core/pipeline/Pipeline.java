package org.edgewise.core.pipeline;

import java.util.List;

import org.edgewise.api.sources.InputSpec;

/**
 * A pipeline file: input datasets, ordered steps, and which datasets to save. Serialised as JSON by
 * {@link Pipelines}; the same file runs in the workbench, the CLI and tests.
 * <pre>{@code
 * {
 *   "inputs": [ {"name": "scan", "file": "scan.h5", "path": "/exchange/data", "kind": "projections",
 *                "pixelSizeUm": 0.049, "energyKev": 8.353, "valueUnit": "transmission"} ],
 *   "steps":  [ {"stage": "edgewise.core.minus-log", "parameters": {"floor": 1e-4}} ],
 *   "results": ["step1.projections"]
 * }
 * }</pre>
 *
 * @param description free text
 * @param inputs      the input datasets
 * @param steps       the stages in order
 * @param results     names of the datasets to write ({@code scan}, {@code step2.volume}); empty = every output of
 *                    the last step
 */
public record Pipeline(String description, List<InputSpec> inputs, List<PipelineStep> steps, List<String> results)
        implements java.io.Serializable {

    public Pipeline {
        description = description == null ? "" : description;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        steps = steps == null ? List.of() : List.copyOf(steps);
        results = results == null ? List.of() : List.copyOf(results);
    }
}
