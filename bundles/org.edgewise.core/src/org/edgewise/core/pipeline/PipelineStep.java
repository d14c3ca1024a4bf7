package org.edgewise.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a pipeline file.
 *
 * @param stage      the stage id, e.g. {@code edgewise.core.bin}
 * @param name       the step's name; its outputs are called {@code name.port}. Null means {@code step1},
 *                   {@code step2} ... by position
 * @param parameters parameter name → value; missing ones take the model's defaults
 * @param inputs     input port → dataset name ({@code scan}, {@code step1.volume}). A port not listed takes the
 *                   most recent dataset of its kind
 */
public record PipelineStep(String stage, String name, Map<String, Object> parameters, Map<String, String> inputs)
        implements java.io.Serializable {

    public PipelineStep {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /**
     * @param stage      the stage id
     * @param parameters parameter values
     * @return an unnamed step that takes the most recent datasets of its input kinds
     */
    public static PipelineStep of(String stage, Map<String, Object> parameters) {
        return new PipelineStep(stage, null, parameters, null);
    }

    /**
     * @param position 1-based position of the step in the pipeline
     * @return {@link #name()}, or {@code step<position>} when unnamed
     */
    public String nameOr(int position) {
        return name == null || name.isBlank() ? "step" + position : name;
    }
}
