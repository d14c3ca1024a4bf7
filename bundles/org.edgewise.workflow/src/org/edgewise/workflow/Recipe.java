package org.edgewise.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.PipelineStep;

/**
 * A pipeline under construction: the workflows append their inputs, steps and results to one recipe, so that a
 * larger workflow embeds a smaller one (the analysis appends the reconstruction's steps, then its own). Steps are
 * added with the stage id constant of the stage class and the stage's parameter record; the record becomes the
 * step's parameters through {@link Parameters#toMap}, so no parameter name is ever typed.
 * <pre>{@code
 * Recipe recipe = new Recipe();
 * String scan = recipe.input(new InputSpec("scan", file, DataExchange.DATA, DataKind.PROJECTIONS, null, null,
 *         null, null));
 * String step = recipe.step(NormaliseStage.ID, "scan_normalised", Parameters.defaults(NormaliseModel.class),
 *         Map.of(NormaliseStage.PROJECTIONS, scan, ...));
 * recipe.result(Recipe.output(step, NormaliseStage.PROJECTIONS));
 * Pipeline pipeline = recipe.build("normalise one scan");
 * }</pre>
 * Not thread-safe; a recipe is built by one thread and then discarded.
 */
public final class Recipe {

    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<PipelineStep> steps = new ArrayList<>();
    private final Set<String> results = new LinkedHashSet<>();
    private final Set<String> inputNames = new LinkedHashSet<>();
    private final Set<String> stepNames = new LinkedHashSet<>();

    /**
     * @param step a step's name
     * @param port one of its stage's output ports
     * @return the dataset name of that output, {@code step.port}
     */
    public static String output(String step, String port) {
        return step + "." + port;
    }

    /**
     * @param port    an input port of a stage
     * @param dataset the dataset bound to it
     * @param more    further port, dataset pairs
     * @return the bindings in the order given (so that pipeline files list them in a stable order)
     */
    public static Map<String, String> bind(String port, String dataset, String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("ports and datasets come in pairs");
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        bindings.put(port, dataset);
        for (int i = 0; i < more.length; i += 2) {
            bindings.put(more[i], more[i + 1]);
        }
        return bindings;
    }

    /**
     * @param spec an input dataset; its name must be new
     * @return its name, to bind to step inputs
     * @throws IllegalArgumentException if another input has that name
     */
    public String input(InputSpec spec) {
        claim(inputNames, spec.name());
        inputs.add(spec);
        return spec.name();
    }

    /**
     * @param stageId the stage's id constant (e.g. {@code NormaliseStage.ID})
     * @param name    the step's name (its outputs are {@code name.port}, so it may equal an input's name)
     * @param model   the stage's parameter record, complete (take defaults from {@link Parameters#defaults})
     * @param bound   input port → dataset name; every port of the stage should be bound
     * @return the step's name
     * @throws IllegalArgumentException if another step has that name
     */
    public String step(String stageId, String name, Record model, Map<String, String> bound) {
        claim(stepNames, name);
        steps.add(new PipelineStep(stageId, name, Parameters.toMap(model), new LinkedHashMap<>(bound)));
        return name;
    }

    /** @param dataset a dataset to write to the results, e.g. {@code output(step, port)} */
    public void result(String dataset) {
        results.add(dataset);
    }

    /** @return the results added so far, in order */
    public List<String> results() {
        return List.copyOf(results);
    }

    /**
     * @param description the pipeline's description (provenance)
     * @return the pipeline
     */
    public Pipeline build(String description) {
        return new Pipeline(description, inputs, steps, List.copyOf(results));
    }

    private static void claim(Set<String> names, String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("two inputs or two steps are called '" + name + "'");
        }
    }
}
