package org.edgewise.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.IMonitor.Stub;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageDescriptor;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.core.RuntimeInfo;
import org.edgewise.core.internal.run.Hdf5Results;
import org.edgewise.core.internal.run.ScratchStack;
import org.edgewise.core.pipeline.PipelinePlan.PlannedStep;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Checks and runs pipelines.
 * <p>
 * {@link #check} finds every stage, validates every parameter, binds every input port to a dataset of its kind and
 * opens the inputs, all before anything is computed. {@link #run} then executes the steps in order: slab stages get
 * consecutive slabs along axis 0 (the slab length follows from the heap), and their outputs are collected on disk,
 * so data larger than the heap can stream through; whole stages get their inputs loaded. Progress goes to the
 * {@link IMonitor} per step and per slab; cancellation is honoured between slabs.
 * <p>
 * Results are written to a temporary directory inside the output directory and moved into place atomically
 * ({@code results.h5}, then {@code provenance.json}) only when everything succeeded: a failed or cancelled run
 * leaves nothing behind. Inputs are only read.
 * <p>
 * A runner holds no state between runs; one instance may serve several runs at once.
 */
public final class PipelineRunner {

    /** File name of the HDF5 results in the output directory. */
    public static final String RESULTS_FILE = "results.h5";
    /** File name of the provenance record in the output directory. */
    public static final String PROVENANCE_FILE = "provenance.json";

    private final IStageRegistry registry;
    private final List<IDatasetSource> sources;

    /**
     * @param registry where stage ids are looked up
     * @param sources  readers for the input files, asked in order
     */
    public PipelineRunner(IStageRegistry registry, List<? extends IDatasetSource> sources) {
        this.registry = registry;
        this.sources = List.copyOf(sources);
    }

    /**
     * Checks a pipeline without computing anything.
     *
     * @param pipeline      the pipeline
     * @param baseDirectory the directory relative input paths are resolved against (the pipeline file's)
     * @return the resolved plan
     * @throws InvalidPipelineException on the first problem: one line naming the step or input and what is wrong
     */
    public PipelinePlan check(Pipeline pipeline, Path baseDirectory) throws InvalidPipelineException {
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
     * Checks and runs a pipeline, writing {@value #RESULTS_FILE} and {@value #PROVENANCE_FILE} into
     * {@code outputDirectory} (created if needed; existing files of those names are replaced).
     *
     * @param pipeline        the pipeline
     * @param baseDirectory   the directory relative input paths are resolved against
     * @param outputDirectory where the results go
     * @param options         slab length and heap
     * @param monitor         progress and cancellation; may be null
     * @return the written files and the provenance record
     * @throws InvalidPipelineException   if the pipeline cannot run (nothing was computed or written)
     * @throws PipelineCancelledException if the monitor cancelled the run (nothing was written)
     * @throws PipelineException          if a stage failed or the results could not be written (nothing was
     *                                    written)
     */
    public RunResult run(Pipeline pipeline, Path baseDirectory, Path outputDirectory, RunOptions options,
            IMonitor monitor) throws PipelineException {
        Instant started = Instant.now();
        IMonitor progress = monitor == null ? new Stub() : monitor;
        PipelinePlan plan = check(pipeline, baseDirectory);
        progress.subTask("computing SHA-256 of the inputs");
        List<Provenance.Input> inputRecords = describeInputs(pipeline, baseDirectory);

        boolean createdOutput = !Files.isDirectory(outputDirectory);
        Path temporary;
        try {
            Files.createDirectories(outputDirectory);
            temporary = Files.createTempDirectory(outputDirectory, ".edgewise-run-");
        } catch (IOException e) {
            throw new PipelineException("cannot create output directory " + outputDirectory + ": " + e, e);
        }
        boolean success = false;
        try {
            Map<String, ILazyDataset> datasets = new LinkedHashMap<>(plan.inputs());
            List<Provenance.Step> stepRecords = new ArrayList<>();
            for (PlannedStep step : plan.steps()) {
                stepRecords.add(runStep(plan, step, datasets, temporary, options, progress));
            }
            checkCancelled(progress, "before writing results");
            progress.subTask("writing " + RESULTS_FILE);
            RuntimeInfo runtime = RuntimeInfo.current();
            Provenance provenance = new Provenance("Edgewise", runtime.edgewiseVersion(), started.toString(),
                    Instant.now().toString(), runtime.hostName(), runtime.javaVersion(), runtime.operatingSystem(),
                    runtime.libraryVersions(), pipeline.description(), inputRecords, stepRecords, plan.results());
            Map<String, ILazyDataset> results = new LinkedHashMap<>();
            for (String name : plan.results()) {
                results.put(name, datasets.get(name));
            }
            String json = provenance.toJson();
            Path results5 = temporary.resolve(RESULTS_FILE);
            Path provenanceJson = temporary.resolve(PROVENANCE_FILE);
            try {
                Hdf5Results.write(results5, results, plan.kinds(), json, runtime.edgewiseVersion());
                Files.writeString(provenanceJson, json);
            } catch (IOException | org.eclipse.january.DatasetException | RuntimeException e) {
                throw new PipelineException("cannot write results in " + outputDirectory + ": " + e.getMessage(), e);
            }
            checkCancelled(progress, "before moving results into place");
            Path finalResults = outputDirectory.resolve(RESULTS_FILE);
            Path finalProvenance = outputDirectory.resolve(PROVENANCE_FILE);
            moveAtomically(results5, finalResults);
            moveAtomically(provenanceJson, finalProvenance);
            success = true;
            progress.subTask("done: " + finalResults);
            return new RunResult(finalResults, finalProvenance, provenance);
        } finally {
            deleteRecursively(temporary);
            if (!success && createdOutput) {
                try {
                    Files.deleteIfExists(outputDirectory); // only if still empty
                } catch (IOException e) {
                    // not empty: someone else wrote there; leave it
                }
            }
        }
    }

    private Provenance.Step runStep(PipelinePlan plan, PlannedStep step, Map<String, ILazyDataset> datasets,
            Path temporary, RunOptions options, IMonitor monitor) throws PipelineException {
        int count = plan.steps().size();
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
                slabs = runSlabs(step, typed, policy, inputs, outputs, temporary, options, monitor, prefix);
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
        return new Provenance.Step(step.position(), step.name(), step.descriptor().id(),
                bundle == null ? RuntimeInfo.UNKNOWN : bundle.getSymbolicName(),
                bundle == null ? step.descriptor().bundleVersion() : bundle.getVersion().toString(),
                step.descriptor().doi(), Parameters.toMap(step.model()), step.bindings(), slabs, started.toString(),
                Instant.now().toString());
    }

    private static int runSlabs(PlannedStep step, IStage<Record> stage, SlabPolicy policy,
            Map<String, ILazyDataset> inputs, Map<String, ILazyDataset> outputs, Path temporary, RunOptions options,
            IMonitor monitor, String prefix) throws PipelineException, StageException, IOException {
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
                stacks.put(port.name(), new ScratchStack(temporary.resolve(step.name() + "." + port.name() + ".raw"),
                        step.name() + "." + port.name(), port.kind()));
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
        } catch (org.eclipse.january.DatasetException e) {
            throw new IOException("cannot read [" + start + ", " + stop + ") of " + lazy.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Dataset load(ILazyDataset lazy, String label) throws PipelineException {
        try {
            return DatasetUtils.sliceAndConvertLazyDataset(lazy);
        } catch (org.eclipse.january.DatasetException e) {
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
        Set<String> declared = new java.util.LinkedHashSet<>();
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

    private static Map<String, String> bind(PipelineStep step, StageDescriptor descriptor,
            Map<String, DataKind> kinds, String label) throws InvalidPipelineException {
        Set<String> ports = new java.util.HashSet<>();
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

    private static List<Provenance.Input> describeInputs(Pipeline pipeline, Path baseDirectory)
            throws PipelineException {
        List<Provenance.Input> records = new ArrayList<>();
        for (InputSpec spec : pipeline.inputs()) {
            String dataset = spec.path() == null ? "" : spec.path();
            if (spec.inMemory()) {
                records.add(new Provenance.Input(spec.name(), spec.file(), dataset, spec.kind().id(), -1, ""));
                continue;
            }
            Path file = spec.resolve(baseDirectory);
            try {
                records.add(new Provenance.Input(spec.name(), file.toString(), dataset, spec.kind().id(),
                        Files.size(file), sha256(file)));
            } catch (IOException e) {
                throw new PipelineException("input '" + spec.name() + "': cannot read " + file + ": " + e, e);
            }
        }
        return records;
    }

    /**
     * @param file a file
     * @return its SHA-256 as 64 lowercase hex digits
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void checkCancelled(IMonitor monitor, String where) throws PipelineCancelledException {
        if (monitor.isCancelled()) {
            throw new PipelineCancelledException("cancelled " + where + "; nothing was written");
        }
    }

    private static void moveAtomically(Path source, Path target) throws PipelineException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new PipelineException("cannot move " + source.getFileName() + " into " + target.getParent()
                    + " atomically: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException("cannot move " + source.getFileName() + " to " + target + ": " + e, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a leftover hidden temporary directory is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
