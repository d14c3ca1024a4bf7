package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.core.pipeline.PipelinePlan.PlannedStep;

/**
 * Turns a pipeline into a {@link PipelinePlan} without computing anything: finds every stage, validates every
 * parameter, binds every input port to a dataset of its kind and opens the inputs lazily through the first
 * {@link IDatasetSource} that accepts each. Every problem is one {@link InvalidPipelineException} line that names
 * the step or input and what is wrong.
 */
final class PipelinePlanner {

    private final IStageRegistry registry;
    private final List<IDatasetSource> sources;

    /**
     * @param registry where stage ids are looked up
     * @param sources  readers for the input files, asked in order
     */
    PipelinePlanner(IStageRegistry registry, List<IDatasetSource> sources) {
        this.registry = registry;
        this.sources = sources;
    }

    /**
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against
     * @return the resolved plan, inputs opened
     * @throws InvalidPipelineException on the first problem
     */
    PipelinePlan plan(Pipeline pipeline, Path baseDirectory) throws InvalidPipelineException {
        if (pipeline.steps().isEmpty()) {
            throw new InvalidPipelineException("the pipeline has no steps");
        }
        Map<String, DataKind> kinds = new LinkedHashMap<>();
        Map<String, ILazyDataset> inputs = new LinkedHashMap<>();
        for (InputSpec spec : pipeline.inputs()) {
            if (kinds.containsKey(spec.name())) {
                throw new InvalidPipelineException("two inputs are called '" + spec.name() + "'");
            }
            inputs.put(spec.name(), open(spec, baseDirectory));
            kinds.put(spec.name(), spec.kind());
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < pipeline.steps().size(); i++) {
            PipelineStep step = pipeline.steps().get(i);
            int position = i + 1;
            String stageId = step.stage() == null ? "" : step.stage();
            StageDescriptor descriptor = registry.find(stageId).orElseThrow(() -> new InvalidPipelineException(
                    "step " + position + ": unknown stage '" + stageId + "'; known stages: "
                            + registry.all().stream().map(StageDescriptor::id).toList()));
            String label = "step " + position + " (" + stageId + ")";
            Record model;
            try {
                model = Parameters.fromMap(step.parameters(), descriptor.modelClass());
            } catch (InvalidParameterException e) {
                throw new InvalidPipelineException(label + ": " + e.getMessage());
            }
            Map<String, String> bindings = bind(step, descriptor, kinds, label);
            String name = step.nameOr(position);
            for (Port output : descriptor.outputs()) {
                String outputName = name + "." + output.name();
                if (kinds.containsKey(outputName)) {
                    throw new InvalidPipelineException(label + ": a dataset called '" + outputName
                            + "' exists already; give the step another name");
                }
                kinds.put(outputName, output.kind());
            }
            steps.add(new PlannedStep(position, name, descriptor, model, bindings));
        }
        List<String> results = pipeline.results();
        if (results.isEmpty()) {
            PlannedStep last = steps.get(steps.size() - 1);
            results = last.descriptor().outputs().stream().map(port -> last.name() + "." + port.name()).toList();
        }
        for (String result : results) {
            if (!kinds.containsKey(result)) {
                throw new InvalidPipelineException("result '" + result + "' is not a dataset of this pipeline; "
                        + "datasets: " + kinds.keySet());
            }
        }
        return new PipelinePlan(pipeline, inputs, steps, kinds, results);
    }

    /**
     * Binds each input port: to the dataset the step names, or else to the most recent dataset of the port's kind.
     *
     * @return input port → dataset name
     */
    private static Map<String, String> bind(PipelineStep step, StageDescriptor descriptor,
            Map<String, DataKind> kinds, String label) throws InvalidPipelineException {
        Set<String> ports = new HashSet<>();
        descriptor.inputs().forEach(port -> ports.add(port.name()));
        for (String port : step.inputs().keySet()) {
            if (!ports.contains(port)) {
                throw new InvalidPipelineException(label + ": the stage has no input '" + port + "'; its inputs: "
                        + descriptor.inputs());
            }
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        for (Port port : descriptor.inputs()) {
            String name = step.inputs().get(port.name());
            if (name != null) {
                DataKind kind = kinds.get(name);
                if (kind == null) {
                    throw new InvalidPipelineException(label + ": input '" + port.name() + "' refers to '" + name
                            + "', which does not exist before this step; datasets: " + kinds.keySet());
                }
                if (kind != port.kind()) {
                    throw new InvalidPipelineException(label + ": input '" + port.name() + "' needs "
                            + port.kind().describe() + " but '" + name + "' is " + kind.describe());
                }
            } else {
                List<String> candidates = kinds.entrySet().stream().filter(e -> e.getValue() == port.kind())
                        .map(Map.Entry::getKey).toList();
                if (candidates.isEmpty()) {
                    throw new InvalidPipelineException(label + ": input '" + port.name() + "' needs "
                            + port.kind().describe() + " but no earlier dataset is one; available: " + describe(kinds));
                }
                name = candidates.get(candidates.size() - 1); // the most recent
            }
            bindings.put(port.name(), name);
        }
        return bindings;
    }

    private static String describe(Map<String, DataKind> kinds) {
        return kinds.isEmpty() ? "none"
                : String.join(", ", kinds.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().id() + ")")
                        .toList());
    }

    private ILazyDataset open(InputSpec spec, Path baseDirectory) throws InvalidPipelineException {
        Path file = null;
        if (!spec.inMemory()) {
            file = spec.resolve(baseDirectory);
            if (!Files.isRegularFile(file)) {
                throw new InvalidPipelineException("input '" + spec.name() + "': file " + file + " does not exist");
            }
        }
        for (IDatasetSource source : sources) {
            if (source.accepts(spec, file)) {
                ILazyDataset dataset;
                try {
                    dataset = source.open(spec, file);
                } catch (IOException | RuntimeException e) {
                    throw new InvalidPipelineException(e.getMessage());
                }
                if (dataset.getRank() != spec.kind().rank()) {
                    throw new InvalidPipelineException("input '" + spec.name() + "' has shape "
                            + Arrays.toString(dataset.getShape()) + " but " + spec.kind().describe() + " has rank "
                            + spec.kind().rank());
                }
                if (PhysicalMetadata.find(dataset).isEmpty()) {
                    throw new InvalidPipelineException("input '" + spec.name() + "' was opened without"
                            + " PhysicalMetadata by " + source.getClass().getSimpleName());
                }
                return dataset;
            }
        }
        throw new InvalidPipelineException("input '" + spec.name() + "': no reader for " + spec.file());
    }
}
