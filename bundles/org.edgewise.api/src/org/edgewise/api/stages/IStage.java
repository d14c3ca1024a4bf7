package org.edgewise.api.stages;

import org.eclipse.january.IMonitor;

/**
 * One step of a pipeline: a pure function from named January datasets and a parameter record to named datasets.
 * <p>
 * Rules for implementations:
 * <ul>
 * <li>No state: the same inputs and model give the same outputs; one instance may run on several threads.</li>
 * <li>Do not modify the input datasets; return new ones.</li>
 * <li>Every output carries {@link org.edgewise.api.metadata.PhysicalMetadata} (usually the input's, updated).</li>
 * <li>Id, name, ports and category are declared once, in {@code plugin.xml} (extension point
 * {@code org.edgewise.api.stages}), not repeated here.</li>
 * <li>Check {@link IMonitor#isCancelled()} in long loops; the runner also checks between slabs.</li>
 * </ul>
 *
 * @param <M> the parameter record; its components are annotated with
 *            {@link org.edgewise.api.parameters.Parameter}
 */
public interface IStage<M extends Record> {

    /**
     * Computes the outputs.
     *
     * @param input   the input datasets by port name (a slab of them if {@link #slabPolicy} allows it)
     * @param model   validated parameters
     * @param monitor progress and cancellation; never null
     * @return the output datasets by port name
     * @throws StageException if the inputs cannot be processed with these parameters; the message is shown as is
     */
    StageOutput apply(StageInput input, M model, IMonitor monitor) throws StageException;

    /**
     * @param model the parameters of the run (a binning factor decides the slab multiple)
     * @return whether the runner may feed slabs along axis 0; {@link SlabPolicy#WHOLE} by default
     */
    default SlabPolicy slabPolicy(M model) {
        return SlabPolicy.WHOLE;
    }
}
