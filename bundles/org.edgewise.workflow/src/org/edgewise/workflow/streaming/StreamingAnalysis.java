package org.edgewise.workflow.streaming;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.api.tables.Tables;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.core.pipeline.PipelineCancelledException;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.core.pipeline.RunOptions;
import org.edgewise.core.pipeline.RunResult;
import org.edgewise.gradient.AnalysisTables;
import org.edgewise.gradient.ElementalMaps;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.ProfileTables;
import org.edgewise.gradient.stages.RegisterElementStage;
import org.edgewise.io.CsvTable;
import org.edgewise.io.ResultsCrops;
import org.edgewise.io.ResultsFile;
import org.edgewise.io.VolumeRegionReader;
import org.edgewise.physics.EnergyPair;
import org.edgewise.segment.Labelling;
import org.edgewise.segment.Morphology;
import org.edgewise.segment.ParticleSegmentation;
import org.edgewise.segment.RadixMedian;
import org.edgewise.segment.RunLabelling;
import org.edgewise.segment.Thresholds;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ParticlesStage;
import org.edgewise.segment.stages.ThresholdModel;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;
import org.edgewise.workflow.AnalyzeWorkflow;
import org.edgewise.workflow.Recipe;
import org.edgewise.workflow.SegmentWorkflow;
import org.edgewise.workflow.StandardIo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgewise.api.files.FileTrees;

/**
 * The gradient analysis of a volumes file too large to hold: the six reconstructions ({@code ni_below} ...
 * {@code co_above}, as {@link StandardIo#volumes(Path)} reads them, all of one shape {@code [z, y, x]}) are read by
 * region, never whole, and the analysis files {@link Analysis#FILES} are written as {@link Analysis#runInto} writes
 * them.
 * <ol>
 * <li>Otsu's threshold of the Ni above-edge volume from its range and histogram added up slab by slab (the threshold
 * of the whole volume); a manual threshold is taken as it is.</li>
 * <li>Threshold and opening slab by slab (slabs overlap by twice the opening radius, so every kept plane is opened as
 * in the whole volume), connected components by run-length labelling across slab borders ({@link RunLabelling}):
 * per component its box, voxel count and whether it touches a face of the volume.</li>
 * <li>The Mn and Co volumes' registration to the Ni grid is estimated once ({@code edgewise.gradient.register-element}
 * on the particles of a copy of the volumes binned by {@link Settings#reductionFactor()}; f = 1 is the estimate of the
 * in-memory analysis) and scaled to full resolution.</li>
 * <li>Per component (those whose box can hold the smallest volume): the six volumes cropped around it with a margin
 * (the opening, the surface reach and the growth), the Mn and Co crops resampled onto the Ni crop's grid through the
 * registration, other components' voxels set to background, and the whole analysis of {@link Analysis#runInto} run on
 * the crop (registration off: the crops are already on the Ni grid; the global threshold). Particles are renumbered
 * in the order of their components, the tables merged. A particle is cut by the field of view when it touches a face
 * of the volume or, in a reconstruction (square planes), reaches beyond the circle every projection sees.</li>
 * </ol>
 * The surface level of the depth maps lies between the whole volume's background and material medians of the Ni
 * above-edge values, as in memory ({@code org.edgewise.segment.DepthMaps}): computed exactly in two passes
 * ({@link RadixMedian}) from the volume's counts, taken while labelling, and the regions' material, counted when they
 * are cropped, before any region is analysed ({@code docs/large-data.md}).
 * <pre>{@code
 * Analysis.Result r = StreamingAnalysis.run(Path.of("volumes.h5"), staging, AnalysisParameters.defaults(),
 *         new StreamingAnalysis.Settings(2, 32, null), StageRegistries.fromExtensions(), monitor);
 * }</pre>
 */
public final class StreamingAnalysis {

    /** The crop's results group name prefix in {@code results.h5} ({@link ResultsCrops}). */
    static final String CROP_PREFIX = "crop_";
    /** Neighbourhood within which the surface level may add voxels to a particle, voxels (as the depth maps). */
    private static final int SURFACE_REACH_VOXELS = 3;
    /** Margin inside the reconstruction circle beyond which a particle counts as cut, voxels. */
    static final int CYLINDER_MARGIN_VOXELS = 2;
    /** The largest binning factor of a particle region that does not fit the budget at full resolution. */
    public static final int MAX_REGION_BINNING = 4;

    private StreamingAnalysis() {
    }

    /**
     * How the volume is streamed.
     *
     * @param reductionFactor f ≥ 1: the whole-volume estimates (element registration) are made on a copy binned by f
     * @param slabRows        planes of the volume (z) read at once for the threshold and the labelling, ≥ 1
     * @param scratch         folder for intermediate files (crops, the binned copy), or null: a folder inside the
     *                        staging folder; it is deleted at the end
     * @param memoryBytes     the memory budget each particle region's in-memory analysis must fit (a region that
     *                        does not at full resolution is analysed binned by the smallest factor up to
     *                        {@value #MAX_REGION_BINNING} that fits, else refused before its analysis with the memory
     *                        it would need)
     * @param regionBinning   the smallest binning factor of every particle region, ≥ 1 (1: full resolution where the
     *                        budget allows)
     */
    public record Settings(int reductionFactor, int slabRows, Path scratch, long memoryBytes, int regionBinning) {

        public Settings {
            if (reductionFactor < 1 || slabRows < 1) {
                throw new IllegalArgumentException("reduction factor and slab rows must be at least 1, were "
                        + reductionFactor + " and " + slabRows);
            }
            if (memoryBytes <= 0) {
                throw new IllegalArgumentException("the memory budget must be positive, was " + memoryBytes);
            }
            if (regionBinning < 1 || regionBinning > MAX_REGION_BINNING) {
                throw new IllegalArgumentException("the region binning must be 1 to " + MAX_REGION_BINNING + ", was "
                        + regionBinning);
            }
        }

        /** Settings whose regions are binned only when the budget requires it. */
        public Settings(int reductionFactor, int slabRows, Path scratch, long memoryBytes) {
            this(reductionFactor, slabRows, scratch, memoryBytes, 1);
        }

        /** Settings with the JVM's maximum heap as the memory budget. */
        public Settings(int reductionFactor, int slabRows, Path scratch) {
            this(reductionFactor, slabRows, scratch, Runtime.getRuntime().maxMemory());
        }
    }

    /**
     * Runs the analysis and writes {@link Analysis#FILES} into {@code staging}.
     *
     * @see #runInto(Path, Path, Path, AnalysisParameters, Settings, IStageRegistry, IMonitor)
     */
    public static Analysis.Result run(Path volumesFile, Path staging, AnalysisParameters parameters,
            Settings settings, IStageRegistry stages, IMonitor monitor) throws IOException, PipelineException {
        return runInto(volumesFile, staging, staging, parameters, settings, stages, monitor);
    }

    /**
     * @param volumesFile the six reconstructions, one shape
     * @param staging     an empty folder the files are written into
     * @param out         where the files will be once {@code staging} is put in place (for the result)
     * @param parameters  the stages' parameters (as the in-memory analysis)
     * @param settings    slab size and reduction factor
     * @param stages      the stages
     * @param monitor     progress (one sub-task per slab and per particle) and cancellation; may be null
     * @return what was found, as {@link Analysis#runInto} returns it
     * @throws IOException       if the volumes file is unfit (an input error naming it) or a file cannot be written
     * @throws PipelineException if a step failed, no particle was found, or the run was cancelled
     */
    public static Analysis.Result runInto(Path volumesFile, Path staging, Path out, AnalysisParameters parameters,
            Settings settings, IStageRegistry stages, IMonitor monitor) throws IOException, PipelineException {
        long start = System.nanoTime();
        Path scratch = settings.scratch() != null ? settings.scratch() : staging.resolve(".streaming");
        Files.createDirectories(scratch);
        try {
            return new Run(volumesFile, staging, out, parameters, settings, stages, monitor, scratch).run(start);
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /** One streaming run's state. */
    private static final class Run {
        private final Path volumesFile;
        private final Path staging;
        private final Path out;
        private final AnalysisParameters parameters;
        private final Settings settings;
        private final IStageRegistry stages;
        private final IMonitor monitor;
        private final Path scratch;
        private final Map<String, StandardIo.StoredVolume> volumes = new LinkedHashMap<>();
        private final Map<String, Double> energies = new LinkedHashMap<>();
        private int[] shape;
        private double voxelUm;
        private String unit;

        Run(Path volumesFile, Path staging, Path out, AnalysisParameters parameters, Settings settings,
                IStageRegistry stages, IMonitor monitor, Path scratch) {
            this.volumesFile = volumesFile;
            this.staging = staging;
            this.out = out;
            this.parameters = parameters;
            this.settings = settings;
            this.stages = stages;
            this.monitor = monitor;
            this.scratch = scratch;
        }

        Analysis.Result run(long start) throws IOException, PipelineException {
            describeVolumes();
            ParticlesModel particles = parameters.particles();
            double threshold = threshold(particles);
            // the crops are thresholded manually: "value > t" of Otsu is "value ≥ the next float above t"
            double cropThreshold = particles.method() == ThresholdModel.Method.OTSU ? nextFloatAbove(threshold)
                    : particles.threshold();
            // the surface level lies between the whole volume's background and material medians, as in memory
            boolean wholeVolumeLevels = particles.surfaceLevel() > 0 && !particles.surface().levelsGiven();
            RadixMedian backgroundLevel = wholeVolumeLevels ? new RadixMedian() : null;
            RunLabelling runs = label(cropThreshold, backgroundLevel);
            List<RunLabelling.Component> components = runs.components();
            Map<Element, double[]> registration = parameters.register() ? registration() : Map.of();
            ParticlesModel cropParticles = new ParticlesModel(ThresholdModel.Method.MANUAL, cropThreshold,
                    particles.openRadiusUm(), particles.minVolumeUm3(), particles.hUm(), particles.dilateUm(),
                    particles.surfaceLevel(), particles.depthOffsetVoxels());
            AnalysisParameters cropParameters = parameters.withRegister(false).withParticles(cropParticles);
            long minVoxels = (long) Math.ceil(particles.minVolumeUm3() / (voxelUm * voxelUm * voxelUm) - 1e-9);
            int margin = margin(particles);
            float background = (float) Math.min(0, cropThreshold - Math.abs(cropThreshold) - 1e-6);

            List<Analysis.Particle> found = new ArrayList<>();
            List<ProfileRow> rows = new ArrayList<>();
            List<ProfileMetrics.Metric> metrics = new ArrayList<>();
            List<Object[]> particleRows = new ArrayList<>();
            List<Crop> crops = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            // first every region is cropped (and its material counted for the surface level), then analysed
            List<Crop> regions = new ArrayList<>();
            RadixMedian materialLevel = wholeVolumeLevels ? new RadixMedian() : null;
            Path materialValues = scratch.resolve("material.f32");
            int done = 0;
            try (DataOutputStream material = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                    materialValues), 1 << 16))) {
                for (RunLabelling.Component c : components) {
                    done++;
                    checkCancelled();
                    long boxVoxels = (long) (c.box()[1] - c.box()[0] + 1) * (c.box()[3] - c.box()[2] + 1)
                            * (c.box()[5] - c.box()[4] + 1);
                    if (boxVoxels < minVoxels) {
                        continue; // its envelope lies in its box: smaller than the smallest particle
                    }
                    if (monitor != null) {
                        monitor.subTask(String.format(Locale.ROOT, "cropping particle region %d of %d (%d voxels)",
                                done, components.size(), c.voxels()));
                    }
                    String region = String.format(Locale.ROOT, "particle region %d of %d", done, components.size());
                    long left = memoryLeft();
                    int bin = regionBinning(c, margin, left, region);
                    Crop crop = crop(c, runs, margin, bin, registration, background);
                    crop.region = region;
                    if (bin > 1) {
                        warnings.add(String.format(Locale.ROOT, "%s (%s%d, %d × %d × %d voxels, z × y × x) was"
                                + " analysed binned by %d (voxel %.4g µm): at full resolution it needs %s of memory,"
                                + " the budget left %s", region, CROP_PREFIX, c.label(), crop.size[0], crop.size[1],
                                crop.size[2], bin, voxelUm * bin, MemoryPlan.formatSize(MemoryPlan.cropBytes(
                                        crop.fullVoxels())), MemoryPlan.formatSize(left)));
                    }
                    if (materialLevel != null) {
                        countMaterial(crop, cropParticles, materialLevel, material);
                    }
                    crop.niAbove = null;
                    crop.component = null; // the regions' maps together may not fit: painted again when analysed
                    regions.add(crop);
                }
            }
            if (materialLevel != null && materialLevel.count() > 0) {
                double[] levels = surfaceLevels(backgroundLevel, materialLevel, materialValues);
                surfaceLevels = levels;
                cropParameters = cropParameters.withParticles(cropParticles.withSurfaceLevels(levels[0], levels[1]));
            }
            Files.deleteIfExists(materialValues);
            int next = 1;
            for (Crop crop : regions) {
                checkCancelled();
                String region = crop.region;
                if (monitor != null) {
                    monitor.subTask(region);
                }
                RunLabelling.Component c = crop.source;
                int bin = crop.bin;
                long left = memoryLeft();
                crop.component = componentMap(crop, runs);
                Path cropStaging = scratch.resolve(CROP_PREFIX + c.label());
                Files.createDirectories(cropStaging);
                Analysis.Result r;
                try {
                    // in memory, always: a region is one component's box, so streaming it again would find the
                    // same region; what it keeps of the crop (its component map) is taken from the budget
                    r = Analysis.runInto(List.of(crop.file), cropStaging, cropStaging, regionParameters(cropParameters,
                            crop),
                            new MemoryOptions(Math.max(1, left - 4L * crop.component.length), null, 1,
                                    MemoryPlan.Choice.OFF), stages, monitor);
                } catch (MemoryPlan.TooSmallException e) {
                    throw new MemoryPlan.TooSmallException(e.neededBytes(), e.budgetBytes(), String.format(
                            Locale.ROOT, "%s (%d × %d × %d voxels, z × y × x, binned by %d)", region, crop.size[0],
                            crop.size[1], crop.size[2], bin), "; give more memory, or bin the input (--bin 2)");
                } catch (PipelineCancelledException e) {
                    throw e;
                } catch (PipelineException e) {
                    if (String.valueOf(e.getMessage()).contains("holds no particle")) {
                        // what the threshold found here is smaller than the smallest particle
                        crop.component = null;
                        Files.deleteIfExists(crop.file);
                        continue;
                    }
                    throw e;
                }
                // the crop's particles that belong to this component (not parts of others cut by the crop)
                int[] cropLabels = FlatArrays.ints(ResultsFile.readDataset(cropStaging.resolve(Analysis.RESULTS_FILE),
                        AnalyzeWorkflow.SEGMENTATION_STEP + "." + ParticlesStage.LABELS));
                int[] global = new int[r.particles().stream().mapToInt(Analysis.Particle::label).max().orElse(0)];
                for (int i = 0; i < cropLabels.length; i++) {
                    if (cropLabels[i] > 0 && crop.component[i] == c.label() && global[cropLabels[i] - 1] == 0) {
                        global[cropLabels[i] - 1] = -1;
                    }
                }
                for (int l = 0; l < global.length; l++) {
                    global[l] = global[l] == -1 ? next++ : 0;
                }
                crop.component = null; // a region's map is needed only here: the regions' maps together may not fit
                boolean[] outside = outsideVisibleCylinder(cropLabels, crop, global.length);
                for (Analysis.Particle p : r.particles()) {
                    int g = global[p.label() - 1];
                    if (g > 0) {
                        found.add(new Analysis.Particle(g, p.volumeUm3(), p.equivDiameterUm(), p.feretRatio(),
                                p.cutByFieldOfView() || outside[p.label() - 1], p.meanRatio(), p.meanFraction()));
                    }
                }
                for (ProfileRow row : r.rows()) {
                    int g = global[row.particle() - 1];
                    if (g > 0) {
                        rows.add(new ProfileRow(g, row.element(), row.depthLowUm(), row.depthHighUm(), row.n(),
                                row.nEff(), row.intensity(), row.ratio(), row.fraction(), row.totalIntensity(),
                                row.reliable()));
                    }
                }
                for (ProfileMetrics.Metric m : r.metrics()) {
                    int g = global[m.particle() - 1];
                    if (g > 0) {
                        metrics.add(new ProfileMetrics.Metric(g, m.element(), m.quantity(), m.edgeDepthUm(), m.edge(),
                                m.coreDepthUm(), m.core(), m.coreMinusEdge(), m.maxDepthUm(), m.max(),
                                m.maxMinusMin()));
                    }
                }
                particleRows.addAll(particleRows(cropStaging.resolve(Analysis.PARTICLES_FILE), global, outside,
                        crop));
                crop.outside = outside;
                for (String w : r.warnings()) {
                    if (!warnings.contains(w)) {
                        warnings.add(w);
                    }
                }
                crop.global = global;
                crop.staging = cropStaging;
                crops.add(crop);
                Files.deleteIfExists(crop.file);
            }
            if (found.isEmpty()) {
                throw new PipelineException(volumesFile + ": segmentation of " + AnalyzeWorkflow.volumeName(
                        Element.NI, true) + " holds no particle (" + components.size() + " components above the"
                        + " threshold " + threshold + ", none a particle)");
            }
            found.sort(Comparator.comparingInt(Analysis.Particle::label));
            rows.sort(Comparator.comparingInt(ProfileRow::particle));
            metrics.sort(Comparator.comparingInt(ProfileMetrics.Metric::particle));
            particleRows.sort(Comparator.comparingInt(row -> (Integer) row[0]));
            if (monitor != null) {
                monitor.subTask("writing " + String.join(", ", Analysis.FILES));
            }
            writeFiles(found, rows, metrics, particleRows, crops, registration, threshold, components.size(),
                    warnings);
            List<EnergyPair> pairs = new ArrayList<>();
            for (Element e : Element.values()) {
                pairs.add(new EnergyPair(e, energies.get(AnalyzeWorkflow.volumeName(e, false)), energies.get(
                        AnalyzeWorkflow.volumeName(e, true))));
            }
            return new Analysis.Result(out, Analysis.FILES.stream().map(out::resolve).toList(), pairs, found, rows,
                    metrics, warnings, (System.nanoTime() - start) / 1e9);
        }

        /** The six volumes: present, one shape; their voxel size, unit and energies. */
        private void describeVolumes() throws IOException {
            Map<String, StandardIo.StoredVolume> stored = new LinkedHashMap<>();
            for (StandardIo.StoredVolume v : StandardIo.volumes(volumesFile)) {
                stored.put(v.name(), v);
            }
            for (Element e : Element.values()) {
                for (boolean above : new boolean[] { false, true }) {
                    String name = AnalyzeWorkflow.volumeName(e, above);
                    StandardIo.StoredVolume v = stored.get(name);
                    if (v == null) {
                        throw new org.edgewise.api.files.InputException(volumesFile, null, "no volume " + name
                                + "; volumes are " + stored.keySet());
                    }
                    if (shape == null) {
                        shape = v.shape();
                        voxelUm = v.voxelSizeUm();
                        unit = v.input().valueUnit();
                    } else if (!Arrays.equals(shape, v.shape())) {
                        throw new org.edgewise.api.files.InputException(volumesFile, v.input().path(), "volume "
                                + name + " of " + Arrays.toString(v.shape()) + ", but the others are "
                                + Arrays.toString(shape) + "; the streaming analysis needs volumes of one shape");
                    }
                    volumes.put(name, v);
                    energies.put(name, energy(v));
                }
            }
            if (!(voxelUm > 0)) {
                throw new org.edgewise.api.files.InputException(volumesFile, null, "the volumes have no voxel size");
            }
        }

        /** @return the energy of a stored volume (attribute {@code energy_kev} of it or its group), keV */
        private double energy(StandardIo.StoredVolume v) throws IOException {
            try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(volumesFile)) {
                io.jhdf.api.Node data = hdf.getByPath(v.input().path());
                for (io.jhdf.api.Node node : List.of(data, data.getParent())) {
                    io.jhdf.api.Attribute a = node.getAttribute("energy_kev");
                    if (a != null && a.getData() instanceof Number n) {
                        return n.doubleValue();
                    }
                }
            } catch (RuntimeException e) {
                throw new org.edgewise.api.files.InputException(volumesFile, v.input().path(),
                        "cannot be read (" + e.getMessage() + ")", e);
            }
            throw new org.edgewise.api.files.InputException(volumesFile, v.input().path(), "has no energy_kev");
        }

        private VolumeRegionReader open(String name) throws IOException {
            return VolumeRegionReader.open(volumesFile, volumes.get(name).input().path());
        }

        /** Otsu's threshold of the Ni above-edge volume from two passes over slabs, or the manual threshold. */
        private double threshold(ParticlesModel particles) throws IOException, PipelineCancelledException {
            if (particles.method() != ThresholdModel.Method.OTSU) {
                return particles.threshold();
            }
            try (VolumeRegionReader in = open(AnalyzeWorkflow.volumeName(Element.NI, true))) {
                double[] range = { Double.NaN, Double.NaN };
                for (int z0 = 0; z0 < shape[0]; z0 += settings.slabRows()) {
                    checkCancelled();
                    range = Thresholds.union(range, Thresholds.range(slab(in, z0, settings.slabRows())));
                }
                if (!(range[0] <= range[1])) {
                    throw new org.edgewise.api.files.InputException(volumesFile, null, "no finite value in "
                            + AnalyzeWorkflow.volumeName(Element.NI, true));
                }
                if (range[0] == range[1]) {
                    return range[0];
                }
                long[] hist = new long[Thresholds.BINS];
                for (int z0 = 0; z0 < shape[0]; z0 += settings.slabRows()) {
                    checkCancelled();
                    long[] h = Thresholds.histogram(slab(in, z0, settings.slabRows()), range[0], range[1],
                            Thresholds.BINS);
                    for (int b = 0; b < hist.length; b++) {
                        hist[b] += h[b];
                    }
                }
                return Thresholds.otsu(hist, range[0], range[1]);
            }
        }

        private float[] slab(VolumeRegionReader in, int z0, int planes) throws IOException {
            return in.read(new int[] { z0, 0, 0 }, new int[] { Math.min(planes, shape[0] - z0), shape[1], shape[2] });
        }

        /**
         * Threshold (value ≥ t) and opening slab by slab, components by runs.
         *
         * @param wholeVolume receives the first pass of the Ni above-edge volume's median (every voxel), or null
         */
        private RunLabelling label(double threshold, RadixMedian wholeVolume) throws IOException,
                PipelineCancelledException {
            double radius = parameters.particles().openRadiusUm() / voxelUm;
            int overlap = radius > 0 ? 2 * (int) Math.ceil(radius) : 0;
            RunLabelling runs = new RunLabelling(shape[0], shape[1], shape[2]);
            int plane = shape[1] * shape[2];
            // the slab rows were planned with MemoryPlan.PASS_OVERLAP_SLICES of overlap: a wider opening reads more
            int rows = Math.max(1, settings.slabRows() - Math.max(0, 2 * overlap - 2 * MemoryPlan.PASS_OVERLAP_SLICES));
            try (VolumeRegionReader in = open(AnalyzeWorkflow.volumeName(Element.NI, true))) {
                for (int z0 = 0; z0 < shape[0]; z0 += rows) {
                    checkCancelled();
                    if (monitor != null) {
                        monitor.subTask(String.format(Locale.ROOT, "labelling planes %d to %d of %d", z0,
                                Math.min(shape[0], z0 + rows) - 1, shape[0]));
                    }
                    int planes = Math.min(rows, shape[0] - z0);
                    int from = Math.max(0, z0 - overlap);
                    int to = Math.min(shape[0], z0 + planes + overlap);
                    float[] values = slab(in, from, to - from);
                    if (wholeVolume != null) {
                        wholeVolume.countGroups(values, (z0 - from) * plane, (z0 - from + planes) * plane);
                    }
                    byte[] mask = Thresholds.atLeast(values, threshold);
                    if (radius > 0) {
                        mask = Morphology.open(mask, to - from, shape[1], shape[2], radius);
                    }
                    runs.add(Arrays.copyOfRange(mask, (z0 - from) * plane, (z0 - from + planes) * plane), planes);
                }
            }
            return runs;
        }

        /**
         * Margin around a component's box, voxels: the opening (twice its radius: outside the crop is neither
         * material nor background to the erosion and the dilation, so a voxel is opened as in the whole volume only
         * that far from a face), the surface level's reach and the growth.
         */
        private int margin(ParticlesModel particles) {
            return 2 * (int) Math.ceil(particles.openRadiusUm() / voxelUm) + SURFACE_REACH_VOXELS + 2
                    + (int) Math.ceil(particles.dilateUm() / voxelUm);
        }

        /**
         * The registration of Mn and Co to the Ni grid, estimated on the copy binned by f and scaled to full
         * resolution.
         *
         * @return per element {shift z, y, x (px of the full volume), scale}, as the resample stage applies it
         */
        private Map<Element, double[]> registration() throws IOException, PipelineException {
            int f = settings.reductionFactor();
            if (monitor != null) {
                monitor.subTask("registering Mn and Co to the Ni grid on a copy binned by " + f);
            }
            Path reduced = scratch.resolve("reduced.h5");
            List<ResultDataset> list = new ArrayList<>();
            int[] binned = null;
            for (String name : List.of(AnalyzeWorkflow.volumeName(Element.NI, false), AnalyzeWorkflow.volumeName(
                    Element.NI, true), AnalyzeWorkflow.volumeName(Element.MN, false), AnalyzeWorkflow.volumeName(
                            Element.CO, false))) {
                try (VolumeRegionReader in = open(name)) {
                    binned = in.binnedShape(f);
                    Dataset d = FlatArrays.wrap(in.readBinned(f), binned);
                    d.setName(name);
                    PhysicalMetadata.create(voxelUm * f, energies.get(name), unit).attachTo(d);
                    list.add(new ResultDataset(name, DataKind.VOLUME, d));
                }
            }
            ResultsFile.write(reduced, list, "{}", null);
            list.clear();
            Recipe recipe = new Recipe();
            Map<String, String> inputs = new LinkedHashMap<>();
            for (StandardIo.StoredVolume v : StandardIo.volumes(reduced)) {
                inputs.put(v.name(), recipe.input(v.input()));
            }
            SegmentWorkflow.Segmentation segmentation = SegmentWorkflow.appendSteps(recipe, inputs.get(
                    AnalyzeWorkflow.volumeName(Element.NI, true)), parameters.particles(),
                    AnalyzeWorkflow.SEGMENTATION_STEP);
            Map<Element, String> tables = new EnumMap<>(Element.class);
            for (Element e : List.of(Element.MN, Element.CO)) {
                String table = Recipe.output(recipe.step(RegisterElementStage.ID, e.symbol().toLowerCase(Locale.ROOT)
                        + "_to_ni", new NoParameters(), Recipe.bind(RegisterElementStage.REFERENCE, inputs.get(
                                AnalyzeWorkflow.volumeName(Element.NI, false)), RegisterElementStage.MOVING, inputs.get(
                                        AnalyzeWorkflow.volumeName(e, false)), RegisterElementStage.LABELS,
                                segmentation.labels())), RegisterElementStage.REGISTRATION);
                recipe.result(table);
                tables.put(e, table);
            }
            RunResult run = StandardIo.runner(stages).run(recipe.build("edgewise analyze: element registration on"
                    + " the volumes binned by " + f), scratch, scratch.resolve("registration"), RunOptions.defaults(),
                    monitor);
            Map<Element, double[]> out = new EnumMap<>(Element.class);
            for (Map.Entry<Element, String> t : tables.entrySet()) {
                Dataset table = StandardIo.readResult(run.resultsFile(), t.getValue());
                double scale = Tables.get(table, 0, AlignmentTables.SCALE) * Tables.get(table, 0,
                        AlignmentTables.NOMINAL_SCALE);
                double[] shift = { Tables.get(table, 0, AlignmentTables.SHIFT_Z_PX), Tables.get(table, 0,
                    AlignmentTables.SHIFT_Y_PX), Tables.get(table, 0, AlignmentTables.SHIFT_X_PX) };
                double[] full = new double[4];
                for (int a = 0; a < 3; a++) {
                    // binned voxel i is centred on full voxel f·i + (f − 1)/2: the binned grid's centre moves
                    double binnedCentre = (f * binned[a] - 1) / 2.0;
                    full[a] = f * shift[a] + (1 - scale) * (binnedCentre - (shape[a] - 1) / 2.0);
                }
                full[3] = scale;
                out.put(t.getKey(), full);
                registrationTables.put(t.getKey(), new double[] { full[0], full[2], Tables.get(table, 0,
                    AlignmentTables.SCALE), Tables.get(table, 0, AlignmentTables.RESIDUAL) });
            }
            FileTrees.delete(scratch.resolve("registration"));
            Files.deleteIfExists(reduced);
            return out;
        }

        /** Per registered element: shift z, shift x (full-resolution px), scale, residual (registration.csv). */
        private final Map<Element, double[]> registrationTables = new EnumMap<>(Element.class);

        /** A component's crop. */
        private static final class Crop {
            int label;
            /** The crop's first voxel in the volume {z, y, x}. */
            int[] origin;
            /** The crop's extent in the volume {z, y, x}, voxels (a multiple of {@link #bin}). */
            int[] size;
            /** The binning of the crop's volumes: each of their voxels is the mean of bin³ voxels of the volume. */
            int bin;
            /** The shape of the crop's volumes {z, y, x}: {@link #size} / {@link #bin}. */
            int[] grid;
            /** The component the crop was cut around. */
            RunLabelling.Component source;
            /** "particle region k of n", for messages. */
            String region;
            /** The crop's Ni above-edge values at full resolution ({@link #size}) until its material is counted. */
            float[] niAbove;
            Path file;
            int[] component;
            int[] global;
            boolean[] outside;
            Path staging;

            long fullVoxels() {
                return (long) size[0] * size[1] * size[2];
            }

            /** @return the position of the crop's voxel {@code index} along {@code axis} in the volume, voxels */
            double volumeCoordinate(int axis, int index) {
                return origin[axis] + bin * index + (bin - 1) / 2.0;
            }
        }

        /**
         * The extent of a component's crop: its box with the margin, within the volume, grown (or, at the volume's
         * faces, shrunk) to a multiple of {@code bin} along each axis.
         *
         * @return {origin z, y, x, size z, y, x}, voxels
         */
        private int[] extent(RunLabelling.Component c, int margin, int bin) {
            int[] out = new int[6];
            for (int a = 0; a < 3; a++) {
                int lo = Math.max(0, c.box()[2 * a] - margin);
                if (a == 0 && bin == 1) {
                    // the variance's clusters are slabs of z from the volume's first plane: the crop starts on one
                    lo -= lo % parameters.profiles().clusterVoxels();
                }
                int hi = Math.min(shape[a], c.box()[2 * a + 1] + margin + 1);
                int wanted = (hi - lo + bin - 1) / bin * bin;
                hi = Math.min(shape[a], lo + wanted);
                lo = Math.max(0, hi - wanted);
                int size = (hi - lo) / bin * bin;
                out[a] = lo;
                out[3 + a] = size;
            }
            return out;
        }

        /**
         * The binning of a component's crop: the smallest factor from {@link Settings#regionBinning()} whose crop
         * the analysis fits in the memory left, with the crop's component map (the model of
         * {@link MemoryPlan#cropBytes}).
         *
         * @throws MemoryPlan.TooSmallException if not even {@value #MAX_REGION_BINNING} fits
         */
        private int regionBinning(RunLabelling.Component c, int margin, long left, String region)
                throws MemoryPlan.TooSmallException {
            long needed = 0;
            for (int bin = settings.regionBinning(); bin <= MAX_REGION_BINNING; bin++) {
                int[] e = extent(c, margin, bin);
                long voxels = (long) (e[3] / bin) * (e[4] / bin) * (e[5] / bin);
                needed = MemoryPlan.cropBytes(voxels) + 4L * voxels;
                if (needed <= left && voxels > 0) {
                    return bin;
                }
            }
            int[] e = extent(c, margin, 1);
            throw new MemoryPlan.TooSmallException(needed, left, String.format(Locale.ROOT,
                    "%s (%d × %d × %d voxels, z × y × x, even binned by %d)", region, e[3], e[4], e[5],
                    MAX_REGION_BINNING), "; give more memory, or bin the input (--bin 2)");
        }

        /**
         * Crops the six volumes around a component, Mn and Co onto the Ni grid, other components masked, binned by
         * {@code bin} (block means, after the masking).
         */
        private Crop crop(RunLabelling.Component c, RunLabelling runs, int margin, int bin,
                Map<Element, double[]> registration, float background) throws IOException {
            Crop crop = new Crop();
            crop.label = c.label();
            crop.source = c;
            int[] extent = extent(c, margin, bin);
            crop.origin = Arrays.copyOfRange(extent, 0, 3);
            crop.size = Arrays.copyOfRange(extent, 3, 6);
            crop.bin = bin;
            crop.grid = new int[] { crop.size[0] / bin, crop.size[1] / bin, crop.size[2] / bin };
            int n = crop.size[0] * crop.size[1] * crop.size[2];
            int[] component = new int[n];
            runs.paint(component, crop.origin, crop.size);
            List<ResultDataset> list = new ArrayList<>();
            for (Element e : Element.values()) {
                for (boolean above : new boolean[] { false, true }) {
                    String name = AnalyzeWorkflow.volumeName(e, above);
                    float[] values;
                    try (VolumeRegionReader in = open(name)) {
                        double[] r = registration.get(e);
                        values = r == null ? in.read(crop.origin, crop.size) : resampled(in, crop, r);
                    }
                    float fill = e == Element.NI && above ? background : 0f;
                    for (int i = 0; i < n; i++) {
                        if (component[i] != 0 && component[i] != c.label()) {
                            values[i] = fill;
                        }
                    }
                    if (e == Element.NI && above) {
                        crop.niAbove = values;
                    }
                    if (bin > 1) {
                        values = VolumeRegionReader.blockMeans(values, crop.size, bin);
                    }
                    Dataset d = FlatArrays.wrap(values, crop.grid);
                    d.setName(name);
                    PhysicalMetadata.create(voxelUm * bin, energies.get(name), unit).attachTo(d);
                    list.add(new ResultDataset(name, DataKind.VOLUME, d));
                }
            }
            // the tables edgewise reconstruct stored next to its volumes (alignment, pair registration)
            for (String name : ResultsFile.names(volumesFile)) {
                if (name.endsWith("_alignment.alignment") || name.endsWith("_registration.registration")) {
                    Dataset table = ResultsFile.readDataset(volumesFile, name);
                    list.add(new ResultDataset(name, DataKind.TABLE, table));
                }
            }
            crop.file = scratch.resolve(CROP_PREFIX + c.label() + ".h5");
            ResultsFile.write(crop.file, list, "{}", null);
            crop.component = component;
            return crop;
        }

        /**
         * @return the parameters of a region's analysis: the variance's clusters are bands of distance from the whole
         *         volume's rotation axis (its centre), not from the crop's centre
         */
        private AnalysisParameters regionParameters(AnalysisParameters cropParameters, Crop crop) {
            double[] offset = new double[3];
            for (int a = 1; a < 3; a++) {
                double axis = ((shape[a] - 1) / 2.0 - crop.origin[a] - (crop.bin - 1) / 2.0) / crop.bin;
                offset[a] = axis - (crop.grid[a] - 1) / 2.0;
            }
            return cropParameters.withProfiles(cropParameters.profiles().withAxisOffset(offset[1], offset[2]));
        }

        /** @return the component map of a crop on its grid (the components' labels, painted from the runs) */
        private static int[] componentMap(Crop crop, RunLabelling runs) {
            int[] component = new int[crop.size[0] * crop.size[1] * crop.size[2]];
            runs.paint(component, crop.origin, crop.size);
            return crop.bin == 1 ? component : binnedComponents(component, crop, crop.label);
        }

        /** @return the memory the run's budget leaves after a collection, bytes */
        private long memoryLeft() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long held = runtime.totalMemory() - runtime.freeMemory();
            return Math.max(1, Math.min(settings.memoryBytes(), runtime.maxMemory()) - held);
        }

        /**
         * The region's material as its analysis will find it (the envelope of {@link ParticleSegmentation}: threshold,
         * opening, holes filled, small objects removed), the parts that belong to its component: counted for the
         * material median and written to {@code values} for the second pass.
         */
        private void countMaterial(Crop crop, ParticlesModel cropParticles, RadixMedian material,
                DataOutputStream values) throws IOException {
            int[] g = crop.grid;
            int bin = crop.bin;
            float[] grey = bin == 1 ? crop.niAbove : VolumeRegionReader.blockMeans(crop.niAbove, crop.size, bin);
            int[] component = bin == 1 ? crop.component : binnedComponents(crop.component, crop, crop.label);
            ParticleSegmentation.Envelope found = ParticleSegmentation.envelope(grey, g[0], g[1], g[2],
                    voxelUm * bin, cropParticles.settings());
            int[] pieces = new int[found.envelope().length];
            int n = Labelling.label(found.envelope(), g[0], g[1], g[2], pieces);
            boolean[] ours = new boolean[n + 1];
            for (int i = 0; i < pieces.length; i++) {
                if (pieces[i] > 0 && component[i] == crop.label) {
                    ours[pieces[i]] = true;
                }
            }
            // the volume's own values, at full resolution (a binned region's material is its blocks' voxels);
            // other components' voxels hold the mask's fill, not the volume's value, and are left out
            for (int z = 0; z < crop.size[0]; z++) {
                for (int y = 0; y < crop.size[1]; y++) {
                    int i = (z * crop.size[1] + y) * crop.size[2];
                    int j = ((z / bin) * g[1] + y / bin) * g[2];
                    for (int x = 0; x < crop.size[2]; x++, i++) {
                        int piece = pieces[j + x / bin];
                        int owner = crop.component[i];
                        if (piece > 0 && ours[piece] && (owner == 0 || owner == crop.label)) {
                            material.countGroup(crop.niAbove[i]);
                            values.writeFloat(crop.niAbove[i]);
                        }
                    }
                }
            }
        }

        /**
         * The whole volume's background and material medians of the Ni above-edge volume (as the in-memory analysis
         * takes them, {@code DepthMaps.levels}): the background's counts are the volume's less the material's, the
         * second pass reads the volume once more and the material's values back.
         *
         * @param background the volume's first-pass counts
         * @param material   the material's first-pass counts
         * @param values     the material's values, as written by {@link #countMaterial}
         * @return {background, material}
         */
        private double[] surfaceLevels(RadixMedian background, RadixMedian material, Path values)
                throws IOException, PipelineCancelledException {
            if (monitor != null) {
                monitor.subTask("surface level: the background and material medians of the whole volume");
            }
            background.subtract(material);
            background.locate();
            material.locate();
            RadixMedian materialInBackgroundGroups = new RadixMedian();
            materialInBackgroundGroups.locateAs(background);
            try (VolumeRegionReader in = open(AnalyzeWorkflow.volumeName(Element.NI, true))) {
                for (int z0 = 0; z0 < shape[0]; z0 += settings.slabRows()) {
                    checkCancelled();
                    float[] slab = slab(in, z0, settings.slabRows());
                    background.countLows(slab, 0, slab.length);
                }
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(values),
                    1 << 16))) {
                for (long i = 0; i < material.count(); i++) {
                    float v = in.readFloat();
                    material.countLow(v);
                    materialInBackgroundGroups.countLow(v);
                }
            }
            background.subtractLows(materialInBackgroundGroups);
            return new double[] { background.median(), material.median() };
        }

        /** The whole volume's {background, material} medians the regions' surface level lies between, or null. */
        private double[] surfaceLevels;

        /**
         * The component map on the binned grid: a block belongs to the region's component when any of its voxels
         * does, else to another component when one of its voxels does.
         */
        private static int[] binnedComponents(int[] component, Crop crop, int label) {
            int[] out = new int[crop.grid[0] * crop.grid[1] * crop.grid[2]];
            int bin = crop.bin;
            for (int z = 0; z < crop.size[0]; z++) {
                for (int y = 0; y < crop.size[1]; y++) {
                    int in = (z * crop.size[1] + y) * crop.size[2];
                    int row = ((z / bin) * crop.grid[1] + y / bin) * crop.grid[2];
                    for (int x = 0; x < crop.size[2]; x++) {
                        int v = component[in + x];
                        int j = row + x / bin;
                        if (v == label) {
                            out[j] = label;
                        } else if (v != 0 && out[j] != label) {
                            out[j] = v;
                        }
                    }
                }
            }
            return out;
        }

        /**
         * The crop of a volume resampled onto the Ni grid as {@code edgewise.gradient.resample} resamples the whole
         * volume: a source box holding every sample the crop needs is read, resampled with the shift moved to the
         * box's own centre and origin, and the crop's part kept.
         */
        private float[] resampled(VolumeRegionReader in, Crop crop, double[] registration) throws IOException {
            double scale = registration[3];
            int[] lo = new int[3];
            int[] size = new int[3];
            double[] shift = new double[3];
            for (int a = 0; a < 3; a++) {
                double centre = (shape[a] - 1) / 2.0;
                double first = centre + scale * (crop.origin[a] - centre) + registration[a];
                double last = centre + scale * (crop.origin[a] + crop.size[a] - 1 - centre) + registration[a];
                int from = Math.max(0, (int) Math.floor(Math.min(first, last)) - 2);
                int to = Math.min(shape[a], (int) Math.floor(Math.max(first, last)) + 3);
                to = Math.max(to, Math.min(shape[a], from + crop.size[a]));
                from = Math.min(from, Math.max(0, to - crop.size[a]));
                from = Math.max(0, Math.min(from, shape[a] - 1));
                to = Math.max(to, from + 1);
                lo[a] = from;
                size[a] = to - from;
                double boxCentre = (size[a] - 1) / 2.0;
                shift[a] = (1 - scale) * (centre - boxCentre) + scale * crop.origin[a] - from + registration[a];
            }
            float[] box = ElementalMaps.resample(in.read(lo, size), size[0], size[1], size[2], shift, scale);
            float[] out = new float[crop.size[0] * crop.size[1] * crop.size[2]];
            for (int z = 0; z < crop.size[0]; z++) {
                for (int y = 0; y < crop.size[1]; y++) {
                    System.arraycopy(box, (z * size[1] + y) * size[2], out, (z * crop.size[1] + y) * crop.size[2],
                            crop.size[2]);
                }
            }
            return out;
        }

        /**
         * A particle of a reconstruction (square planes) that reaches beyond the cylinder every projection sees
         * (radius (x − 1)/2 about the axis, less {@value #CYLINDER_MARGIN_VOXELS} voxels) is cut by the field of view
         * although it may touch no face of the volume: some projections missed part of it.
         *
         * @return per crop label 1..n (index 0 = label 1) whether it leaves that cylinder
         */
        private boolean[] outsideVisibleCylinder(int[] cropLabels, Crop crop, int n) {
            boolean[] out = new boolean[n];
            if (shape[1] != shape[2]) {
                return out;
            }
            double centre = (shape[2] - 1) / 2.0;
            double radius = centre - CYLINDER_MARGIN_VOXELS;
            for (int z = 0; z < crop.grid[0]; z++) {
                for (int y = 0; y < crop.grid[1]; y++) {
                    double dy = crop.volumeCoordinate(1, y) - centre;
                    for (int x = 0; x < crop.grid[2]; x++) {
                        int l = cropLabels[(z * crop.grid[1] + y) * crop.grid[2] + x];
                        if (l > 0 && l <= n && !out[l - 1]) {
                            double dx = crop.volumeCoordinate(2, x) - centre;
                            out[l - 1] = dx * dx + dy * dy > radius * radius;
                        }
                    }
                }
            }
            return out;
        }

        /** The rows of a crop's particles.csv that belong to the analysis, renumbered, centroids in the volume. */
        private List<Object[]> particleRows(Path csv, int[] global, boolean[] outside, Crop crop)
                throws IOException {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            List<Object[]> out = new ArrayList<>();
            String[] centroids = { "centroid_z_um", "centroid_y_um", "centroid_x_um" };
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Object[] row = new Object[cells.length];
                System.arraycopy(cells, 0, row, 0, cells.length);
                int local = Integer.parseInt(cells[header.indexOf("particle")]);
                int g = global[local - 1];
                if (g == 0) {
                    continue;
                }
                row[header.indexOf("particle")] = g;
                if (outside[local - 1]) {
                    row[header.indexOf("cut_by_fov")] = 1;
                }
                for (int a = 0; a < 3; a++) {
                    int k = header.indexOf(centroids[a]);
                    row[k] = Double.parseDouble(cells[k]) + crop.volumeCoordinate(a, 0) * voxelUm;
                }
                out.add(row);
            }
            return out;
        }

        private void writeFiles(List<Analysis.Particle> found, List<ProfileRow> rows,
                List<ProfileMetrics.Metric> metrics, List<Object[]> particleRows, List<Crop> crops,
                Map<Element, double[]> registration, double threshold, int components, List<String> warnings)
                throws IOException {
            Crop first = crops.get(0);
            CsvTable particleTable = new CsvTable(AnalysisTables.PARTICLE_COLUMNS);
            for (Object[] row : particleRows) {
                particleTable.addRow(row);
            }
            particleTable.write(staging.resolve(Analysis.PARTICLES_FILE));
            AnalysisTables.profiles(rows).write(staging.resolve(Analysis.PROFILES_FILE));
            AnalysisTables.metrics(metrics).write(staging.resolve(Analysis.METRICS_FILE));
            // every crop carries the volumes file's alignment tables: the first crop's alignment.csv is the run's
            Files.copy(first.staging.resolve(Analysis.ALIGNMENT_FILE), staging.resolve(Analysis.ALIGNMENT_FILE));
            List<String> registrationLines = new ArrayList<>(Files.readAllLines(first.staging.resolve(
                    Analysis.REGISTRATION_FILE), StandardCharsets.UTF_8));
            for (Map.Entry<Element, double[]> r : registrationTables.entrySet()) {
                double[] v = r.getValue();
                registrationLines.add(String.join(",", r.getKey().symbol().toLowerCase(Locale.ROOT) + "_volume",
                        "ni_volume", Double.toString(v[0]), Double.toString(v[1]), Double.toString(v[2]), "",
                        Double.toString(v[3])));
            }
            Files.write(staging.resolve(Analysis.REGISTRATION_FILE), registrationLines, StandardCharsets.UTF_8);
            String provenance = provenance(crops, registration, threshold, components, warnings, found);
            Files.writeString(staging.resolve(Analysis.PROVENANCE_FILE), provenance);
            writeResults(found, rows, metrics, crops, provenance);
            writeReport(found, crops, threshold, warnings);
        }

        /** results.h5: the merged tables in /entry, every crop's own results under /crops. */
        private void writeResults(List<Analysis.Particle> found, List<ProfileRow> rows,
                List<ProfileMetrics.Metric> metrics, List<Crop> crops, String provenance) throws IOException {
            double energy = energies.get(AnalyzeWorkflow.volumeName(Element.NI, true));
            org.eclipse.january.dataset.DoubleDataset table = Tables.create(ParticlesStage.PARTICLE_COLUMNS,
                    found.size(), energy);
            int row = 0;
            for (Crop crop : crops) {
                Dataset t = ResultsFile.readDataset(crop.staging.resolve(Analysis.RESULTS_FILE),
                        AnalyzeWorkflow.SEGMENTATION_STEP + "." + ParticlesStage.PARTICLES);
                for (int i = 0; i < Tables.rows(t); i++) {
                    int g = crop.global[(int) Tables.get(t, i, "particle") - 1];
                    if (g == 0) {
                        continue;
                    }
                    for (org.edgewise.api.tables.Column c : ParticlesStage.PARTICLE_COLUMNS) {
                        Tables.set(table, row, c.name(), Tables.get(t, i, c.name()));
                    }
                    Tables.set(table, row, "particle", g);
                    if (crop.outside[(int) Tables.get(t, i, "particle") - 1]) {
                        Tables.set(table, row, "cut_by_fov", 1);
                    }
                    Tables.set(table, row, "centroid_z_um", Tables.get(t, i, "centroid_z_um")
                            + crop.volumeCoordinate(0, 0) * voxelUm);
                    Tables.set(table, row, "centroid_y_um", Tables.get(t, i, "centroid_y_um")
                            + crop.volumeCoordinate(1, 0) * voxelUm);
                    Tables.set(table, row, "centroid_x_um", Tables.get(t, i, "centroid_x_um")
                            + crop.volumeCoordinate(2, 0) * voxelUm);
                    row++;
                }
            }
            Path results = staging.resolve(Analysis.RESULTS_FILE);
            ResultsFile.write(results, List.of(
                    new ResultDataset(AnalyzeWorkflow.SEGMENTATION_STEP + "." + ParticlesStage.PARTICLES,
                            DataKind.TABLE, table),
                    new ResultDataset(AnalyzeWorkflow.PROFILES_STEP + ".profiles", DataKind.TABLE,
                            ProfileTables.profiles(rows)),
                    new ResultDataset(AnalyzeWorkflow.METRICS_STEP + ".metrics", DataKind.TABLE,
                            ProfileTables.metrics(metrics))), provenance, null);
            for (Crop crop : crops) {
                ResultsCrops.append(results, crop.staging.resolve(Analysis.RESULTS_FILE), CROP_PREFIX + crop.label,
                        crop.origin, crop.size, crop.bin, crop.global);
            }
        }

        /** report.html: the merged particle list, then each crop's own report (its particles in the crop). */
        private void writeReport(List<Analysis.Particle> found, List<Crop> crops, double threshold,
                List<String> warnings) throws IOException {
            StringBuilder h = new StringBuilder();
            String firstReport = Files.readString(crops.get(0).staging.resolve(Analysis.REPORT_FILE));
            int body = firstReport.indexOf("<body>");
            h.append(firstReport, 0, body + "<body>".length()).append('\n');
            h.append("<h1>Elemental depth gradients (streaming analysis)</h1>\n");
            h.append(String.format(Locale.ROOT, "<p>%d particle(s) in %s; volume %d × %d × %d (z, y, x), voxel %.4f"
                    + " µm; Ni above-edge threshold %.6g; analysed region by region (below, each region's own"
                    + " report; its particle numbers are the region's, the table maps them).</p>\n", found.size(),
                    escape(volumesFile.getFileName().toString()), shape[0], shape[1], shape[2], voxelUm, threshold));
            for (String w : warnings) {
                h.append("<p class=\"warn\">Warning: ").append(escape(w)).append("</p>\n");
            }
            h.append("<table><tr><th>particle</th><th>region</th><th>label in region</th><th>volume µm³</th>"
                    + "<th>cut by field of view</th><th>fraction Ni</th><th>fraction Mn</th><th>fraction Co</th>"
                    + "</tr>\n");
            for (Crop crop : crops) {
                for (int l = 0; l < crop.global.length; l++) {
                    int g = crop.global[l];
                    if (g == 0) {
                        continue;
                    }
                    Analysis.Particle p = found.stream().filter(q -> q.label() == g).findFirst().orElseThrow();
                    h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s%d at %s</td><td>%d</td><td>%.3f</td>"
                            + "<td>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr>\n", g, CROP_PREFIX,
                            crop.label, Arrays.toString(crop.origin), l + 1, p.volumeUm3(), p.cutByFieldOfView()
                                    ? "yes" : "no", p.meanFraction()[Element.NI.ordinal()],
                            p.meanFraction()[Element.MN.ordinal()], p.meanFraction()[Element.CO.ordinal()]));
                }
            }
            h.append("</table>\n");
            for (Crop crop : crops) {
                String report = Files.readString(crop.staging.resolve(Analysis.REPORT_FILE));
                int from = report.indexOf("<body>") + "<body>".length();
                int to = report.lastIndexOf("</body>");
                h.append(String.format(Locale.ROOT, "<section><h2>Region %s%d: origin %s, size %s (z, y, x)%s</h2>\n",
                        CROP_PREFIX, crop.label, Arrays.toString(crop.origin), Arrays.toString(crop.size),
                        crop.bin > 1 ? ", binned by " + crop.bin : ""));
                h.append(report, from, to).append("</section>\n");
            }
            h.append("</body></html>\n");
            Files.writeString(staging.resolve(Analysis.REPORT_FILE), h.toString());
        }

        private String provenance(List<Crop> crops, Map<Element, double[]> registration, double threshold,
                int components, List<String> warnings, List<Analysis.Particle> found) throws IOException {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            root.put("command", Analysis.COMMAND);
            root.put("mode", "streaming");
            root.put("volumes_file", volumesFile.toAbsolutePath().toString());
            ObjectNode s = root.putObject("streaming");
            s.put("reduction_factor", settings.reductionFactor());
            s.put("slab_rows", settings.slabRows());
            s.put("threshold", threshold);
            if (surfaceLevels != null) {
                s.put("surface_background", surfaceLevels[0]);
                s.put("surface_material", surfaceLevels[1]);
            }
            s.put("components", components);
            ObjectNode reg = s.putObject("element_registration_full_resolution");
            for (Map.Entry<Element, double[]> r : registration.entrySet()) {
                ArrayNode a = reg.putArray(r.getKey().symbol());
                for (double v : r.getValue()) {
                    a.add(v);
                }
            }
            // the in-memory analysis's node: the pairs, its warnings, the particles cut by the field of view (the
            // memory plan is added by the caller)
            ObjectNode analysis = root.putObject("analysis");
            ArrayNode pairs = analysis.putArray("pairs");
            for (Element e : Element.values()) {
                pairs.addObject().put("element", e.symbol()).put("belowKev", energies.get(AnalyzeWorkflow.volumeName(
                        e, false))).put("aboveKev", energies.get(AnalyzeWorkflow.volumeName(e, true)));
            }
            ArrayNode w = analysis.putArray("warnings");
            warnings.forEach(w::add);
            ArrayNode cut = analysis.putArray("particlesCutByFieldOfView");
            found.stream().filter(Analysis.Particle::cutByFieldOfView).forEach(p -> cut.add(p.label()));
            ArrayNode list = root.putArray("regions");
            for (Crop crop : crops) {
                ObjectNode c = list.addObject();
                c.put("name", CROP_PREFIX + crop.label);
                ArrayNode o = c.putArray("origin_zyx");
                Arrays.stream(crop.origin).forEach(o::add);
                ArrayNode z = c.putArray("size_zyx");
                Arrays.stream(crop.size).forEach(z::add);
                c.put("binning", crop.bin);
                ArrayNode g = c.putArray("labels");
                Arrays.stream(crop.global).forEach(g::add);
                c.set("provenance", json.readTree(crop.staging.resolve(Analysis.PROVENANCE_FILE).toFile()));
            }
            return json.writeValueAsString(root);
        }

        private void checkCancelled() throws PipelineCancelledException {
            if (monitor != null && monitor.isCancelled()) {
                throw new PipelineCancelledException("cancelled");
            }
        }
    }

    /** @return the smallest float above t: for float values, {@code v > t} exactly when {@code v ≥} it */
    static double nextFloatAbove(double t) {
        float f = (float) t;
        while (f <= t) {
            f = Math.nextUp(f);
        }
        while (Math.nextDown(f) > t) {
            f = Math.nextDown(f);
        }
        return f;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
