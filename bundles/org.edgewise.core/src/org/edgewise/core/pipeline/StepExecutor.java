package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.internal.registry.BundleManifests;
import org.edgewise.core.internal.run.ScratchStack;
import org.edgewise.core.pipeline.PipelinePlan.PlannedStep;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Executes one planned step: a whole stage gets its inputs loaded; a slab stage gets consecutive slabs along
 * axis 0 (the slab length follows from the heap) and its outputs are collected on disk in {@link ScratchStack}s, so
 * data larger than the heap can stream through. Every output is checked against the stage's declaration and
 * stamped with the stage id. Cancellation is honoured between slabs.
 */
final class StepExecutor {

    private final Path scratchDirectory;
    private final RunOptions options;
    private final IMonitor monitor;

    /**
     * @param scratchDirectory where slab outputs are collected (the run's temporary directory)
     * @param options          slab length and heap
     * @param monitor          progress and cancellation
     */
    StepExecutor(Path scratchDirectory, RunOptions options, IMonitor monitor) {
        this.scratchDirectory = scratchDirectory;
        this.options = options;
        this.monitor = monitor;
    }

    /**
     * Runs one step and adds its outputs ({@code name.port}) to {@code datasets}.
     *
     * @param step     the step
     * @param count    number of steps in the plan, for progress text
     * @param datasets every dataset so far by name; the step's outputs are added
     * @return the step's provenance record
     * @throws PipelineException if the stage fails, returns outputs that break its declaration, or the run is
     *                           cancelled ({@link PipelineCancelledException})
     */
    Provenance.Step run(PlannedStep step, int count, Map<String, ILazyDataset> datasets) throws PipelineException {
        String label = step.label();
        checkCancelled(monitor, "before " + label);
        Instant started = Instant.now();
        IStage<?> stage;
        try {
            stage = step.descriptor().newStage();
        } catch (RuntimeException e) {
            throw new PipelineException(label + " cannot be created: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        IStage<Record> typed = (IStage<Record>) stage;
        SlabPolicy policy = typed.slabPolicy(step.model());
        Map<String, ILazyDataset> inputs = new LinkedHashMap<>();
        step.bindings().forEach((port, name) -> inputs.put(port, datasets.get(name)));
        String prefix = "step " + step.position() + "/" + count + " " + step.descriptor().id();

        int slabs;
        Map<String, ILazyDataset> outputs = new LinkedHashMap<>();
        try {
            if (!policy.slabwise() || inputs.isEmpty()) {
                monitor.subTask(prefix);
                Map<String, Dataset> loaded = new LinkedHashMap<>();
                for (Map.Entry<String, ILazyDataset> input : inputs.entrySet()) {
                    loaded.put(input.getKey(), load(input.getValue(), label));
                }
                StageOutput output = typed.apply(StageInput.whole(loaded), step.model(), monitor);
                outputs.putAll(checkOutputs(step, output));
                slabs = 1;
                monitor.worked(1);
            } else {
                slabs = runSlabs(step, typed, policy, inputs, outputs, prefix);
            }
            checkCancelled(monitor, "after " + label);
        } catch (StageException e) {
            throw new PipelineException(label + " failed: " + e.getMessage(), e);
        } catch (PipelineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PipelineException(label + " failed: " + e, e);
        }
        outputs.forEach((port, dataset) -> datasets.put(step.name() + "." + port, dataset));
        Bundle bundle = FrameworkUtil.getBundle(stage.getClass());
        // outside OSGi (bundles as plain jars) the stage's jar manifest names the bundle
        String bundleName = bundle != null ? bundle.getSymbolicName()
                : BundleManifests.of(stage.getClass()).map(BundleManifests.Identity::symbolicName)
                        .orElse(RuntimeInfo.UNKNOWN);
        return new Provenance.Step(step.position(), step.name(), step.descriptor().id(), bundleName,
                bundle == null ? step.descriptor().bundleVersion() : bundle.getVersion().toString(),
                step.descriptor().doi(), Parameters.toMap(step.model()), step.bindings(), slabs, started.toString(),
                Instant.now().toString());
    }

    private int runSlabs(PlannedStep step, IStage<Record> stage, SlabPolicy policy, Map<String, ILazyDataset> inputs,
            Map<String, ILazyDataset> outputs, String prefix) throws PipelineException, StageException, IOException {
        List<Port> ports = step.descriptor().inputs();
        DataKind primaryKind = ports.get(0).kind();
        ILazyDataset primary = inputs.get(ports.get(0).name());
        int length = primary.getShape()[0];
        List<ILazyDataset> stacked = new ArrayList<>();
        Map<String, Dataset> fixed = new LinkedHashMap<>();
        for (Port port : ports) {
            ILazyDataset lazy = inputs.get(port.name());
            if (stacksWith(port.kind(), primaryKind) && lazy.getShape()[0] == length) {
                stacked.add(lazy); // e.g. a mask [z, y, x] cut into the same z slabs as its volume
            } else {
                fixed.put(port.name(), load(lazy, step.label())); // e.g. a flat field [y, x] next to projections
            }
        }
        int slab = slabLength(length, stacked, policy.multiple(), options);
        int count = (length + slab - 1) / slab;
        Map<String, ScratchStack> stacks = new LinkedHashMap<>();
        try {
            for (Port port : step.descriptor().outputs()) {
                String name = step.name() + "." + port.name();
                stacks.put(port.name(), new ScratchStack(scratchDirectory.resolve(name + ".raw"), name, port.kind()));
            }
            for (int index = 0, start = 0; start < length; index++, start += slab) {
                checkCancelled(monitor, step.label() + " before slab " + (index + 1) + "/" + count);
                int stop = Math.min(length, start + slab);
                monitor.subTask(prefix + ": slab " + (index + 1) + "/" + count + " [" + start + ", " + stop + ")");
                Map<String, Dataset> slabInputs = new LinkedHashMap<>();
                for (Map.Entry<String, ILazyDataset> input : inputs.entrySet()) {
                    Dataset whole = fixed.get(input.getKey());
                    slabInputs.put(input.getKey(), whole != null ? whole : slice(input.getValue(), start, stop));
                }
                StageOutput output = stage.apply(new StageInput(slabInputs, start, stop - start, length),
                        step.model(), monitor);
                for (Map.Entry<String, Dataset> entry : checkOutputs(step, output).entrySet()) {
                    if (entry.getValue().getShape()[0] > 0) {
                        stacks.get(entry.getKey()).append(entry.getValue());
                    }
                }
                monitor.worked(1);
            }
            for (Map.Entry<String, ScratchStack> entry : stacks.entrySet()) {
                try {
                    outputs.put(entry.getKey(), entry.getValue().finish());
                } catch (IllegalStateException e) {
                    throw new PipelineException(step.label() + " produced no data for output '" + entry.getKey()
                            + "'");
                }
            }
            return count;
        } finally {
            stacks.values().forEach(ScratchStack::abandon);
        }
    }

    /** Two kinds are cut into the same slabs when they have the same rank and the same first axis (z, angle, row). */
    static boolean stacksWith(DataKind kind, DataKind primary) {
        return kind.rank() == primary.rank() && kind.axes().get(0).equals(primary.axes().get(0));
    }

    /**
     * The slab length along axis 0: a fixed one from the options, else as many entries as fit in an eighth of the
     * heap with room for input, output and temporaries (three copies, 8 bytes per value), rounded down to a
     * multiple of {@code multiple}.
     */
    static int slabLength(int length, List<ILazyDataset> stacked, int multiple, RunOptions options) {
        long requested;
        if (options.slabLength() > 0) {
            requested = options.slabLength();
        } else {
            long bytesPerEntry = 0;
            for (ILazyDataset lazy : stacked) {
                long values = 1;
                for (int i = 1; i < lazy.getRank(); i++) {
                    values *= lazy.getShape()[i];
                }
                bytesPerEntry += values * Double.BYTES * 3;
            }
            requested = options.heapBytes() / 8 / Math.max(1, bytesPerEntry);
        }
        long rounded = Math.max(multiple, requested / multiple * multiple);
        long whole = ((long) length + multiple - 1) / multiple * multiple;
        return (int) Math.max(1, Math.min(rounded, whole));
    }

    private static Dataset slice(ILazyDataset lazy, int start, int stop) throws IOException {
        try {
            Slice[] slices = new Slice[lazy.getRank()];
            slices[0] = new Slice(start, stop);
            return DatasetUtils.convertToDataset(lazy.getSlice(new SliceND(lazy.getShape(), slices)));
        } catch (DatasetException e) {
            throw new IOException("cannot read [" + start + ", " + stop + ") of " + lazy.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Dataset load(ILazyDataset lazy, String label) throws PipelineException {
        try {
            return DatasetUtils.sliceAndConvertLazyDataset(lazy);
        } catch (DatasetException e) {
            throw new PipelineException(label + ": cannot read " + lazy.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every declared output present, of the declared rank and number type, with metadata. Returns views of the
     * outputs whose metadata carries the stage id appended to the provenance chain (views, so that a stage that
     * returns one of its inputs unchanged does not alter that input's metadata).
     */
    private static Map<String, Dataset> checkOutputs(PlannedStep step, StageOutput output) throws PipelineException {
        String label = step.label();
        if (output == null) {
            throw new PipelineException(label + " returned no output");
        }
        Set<String> declared = new LinkedHashSet<>();
        Map<String, Dataset> stamped = new LinkedHashMap<>();
        for (Port port : step.descriptor().outputs()) {
            declared.add(port.name());
            Dataset dataset = output.get(port.name());
            if (dataset == null) {
                throw new PipelineException(label + " did not return its output '" + port.name() + "'");
            }
            if (dataset.getRank() != port.kind().rank()) {
                throw new PipelineException(label + " returned '" + port.name() + "' with shape "
                        + Arrays.toString(dataset.getShape()) + ", but " + port.kind().describe() + " has rank "
                        + port.kind().rank());
            }
            if (port.kind().isInteger() && !InterfaceUtils.isInteger(dataset.getClass())) {
                throw new PipelineException(label + " returned '" + port.name() + "' as "
                        + dataset.getClass().getSimpleName() + ", but " + port.kind().id() + " must be integer");
            }
            PhysicalMetadata metadata = PhysicalMetadata.find(dataset).orElseThrow(() -> new PipelineException(
                    label + " returned '" + port.name() + "' without PhysicalMetadata (pixel size, energy, unit):"
                            + " a bare array may not cross a stage boundary"));
            Dataset view = dataset.getView(true); // own metadata: the stage's dataset stays as it was
            metadata.withProvenanceStep(step.descriptor().id()).attachTo(view);
            stamped.put(port.name(), view);
        }
        for (String name : output.datasets().keySet()) {
            if (!declared.contains(name)) {
                throw new PipelineException(label + " returned '" + name + "', which is not one of its declared"
                        + " outputs " + declared);
            }
        }
        return stamped;
    }

    /** @throws PipelineCancelledException if the monitor asks to stop */
    static void checkCancelled(IMonitor monitor, String where) throws PipelineCancelledException {
        if (monitor.isCancelled()) {
            throw new PipelineCancelledException("cancelled " + where + "; nothing was written");
        }
    }
}
