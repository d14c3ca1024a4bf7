package org.edgewise.core.pipeline;

import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.StageDescriptor;

/**
 * A pipeline that passed every check: stages found, parameters valid, every input port bound to a dataset of its
 * kind, input files opened (lazily).
 *
 * @param pipeline the pipeline as written
 * @param inputs   input name → lazily opened dataset with metadata
 * @param steps    the steps, resolved
 * @param kinds    every dataset name (inputs and step outputs) → kind
 * @param results  the names of the datasets to write
 * @param warnings what the input sources could use only with caveats (provenance), one line each
 */
public record PipelinePlan(Pipeline pipeline, Map<String, ILazyDataset> inputs, List<PlannedStep> steps,
        Map<String, DataKind> kinds, List<String> results, List<String> warnings) {

    /**
     * One resolved step.
     *
     * @param position   1-based position
     * @param name       the step's name; outputs are called {@code name.port}
     * @param descriptor the stage
     * @param model      validated parameters
     * @param bindings   input port → dataset name
     */
    public record PlannedStep(int position, String name, StageDescriptor descriptor, Record model,
            Map<String, String> bindings) {

        /** @return e.g. {@code step 2 (edgewise.core.bin)}, the prefix of every message about this step */
        public String label() {
            return "step " + position + " (" + descriptor.id() + ")";
        }
    }
}
