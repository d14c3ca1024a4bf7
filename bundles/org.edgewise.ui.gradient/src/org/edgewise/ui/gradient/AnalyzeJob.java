package org.edgewise.ui.gradient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.gradient.DensityHistograms;
import org.edgewise.gradient.ElementalMaps;
import org.edgewise.gradient.GradientAnalysis;
import org.edgewise.gradient.LineScans;
import org.edgewise.gradient.ProfileTables;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.ParticleMetrics;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.WorkflowRuns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gradient analysis of the six reconstructions, as {@code edgewise analyze} does it after reconstructing
 * ({@link GradientAnalysis}): Mn and Co registered to the Ni grid, Δμ per element, particles and their hull depth,
 * depth profiles with confidence intervals, the Table-1 metrics; then, for the views, the calibrated fraction maps,
 * the line scans through every particle's centre and the data density of Δμ against depth. Everything goes into the
 * registry, derived from the six volumes, and into {@code results.h5} and {@code provenance.json} of the run folder.
 */
public final class AnalyzeJob extends EdgewiseJob {

    /** What the registry entries' origin names as the step. */
    public static final String STEP = "edgewise analyze";
    /** Edge of the square cross-section a line scan averages over, voxels. */
    public static final int LINE_WIDTH_VOXELS = 3;
    /** Value bins of a data-density histogram. */
    public static final int DENSITY_VALUE_BINS = 48;

    private final List<DatasetEntry> volumes;
    private final MetricsModel windows;
    private final IDatasetRegistry registry;
    private volatile Path runFolder;
    private volatile GradientAnalysis.Result result;
    private volatile List<DatasetEntry> results = List.of();

    /**
     * @param volumes  the six reconstructions {@code [z, y, x]}, 1/µm, each labelled with its element and side (one
     *                 per element and side; each pair on one grid)
     * @param windows  the Table-1 depth windows
     * @param registry where the results go
     */
    public AnalyzeJob(List<DatasetEntry> volumes, MetricsModel windows, IDatasetRegistry registry) {
        super("Gradient analysis of " + volumes.size() + " volumes", "Could not analyse "
                + volumes.stream().map(DatasetEntry::name).toList());
        this.volumes = List.copyOf(volumes);
        this.windows = windows;
        this.registry = registry;
    }

    /**
     * @param entries candidate entries, in registry order
     * @return the last reconstruction of each element and side, Ni below first (six entries), or fewer when some
     *         are missing
     */
    public static List<DatasetEntry> latestReconstructions(List<DatasetEntry> entries) {
        Map<String, DatasetEntry> latest = new LinkedHashMap<>();
        for (Element element : Element.values()) {
            for (boolean above : new boolean[] { false, true }) {
                latest.put(element + "/" + above, null);
            }
        }
        for (DatasetEntry entry : entries) {
            if (entry.kind() == DataKind.VOLUME && entry.scan() != null) {
                latest.put(entry.scan().element() + "/" + entry.scan().above(), entry);
            }
        }
        return latest.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Map<Element, Dataset[]> sides = new EnumMap<>(Element.class);
        for (DatasetEntry volume : volumes) {
            if (volume.kind() != DataKind.VOLUME || volume.scan() == null) {
                throw new IllegalArgumentException(volume.name() + " is not a reconstruction of a labelled scan");
            }
            monitor.subTask("reading " + volume.name());
            Dataset data = DatasetUtils.sliceAndConvertLazyDataset(volume.data());
            PhysicalMetadata.create(volume.pixelSizeUm(), volume.energyKev(), volume.valueUnit()).attachTo(data);
            sides.computeIfAbsent(volume.scan().element(), e -> new Dataset[2])[volume.scan().above() ? 1 : 0] = data;
        }
        Map<Element, GradientAnalysis.PairVolumes> pairs = new EnumMap<>(Element.class);
        for (Element element : Element.values()) {
            Dataset[] pair = sides.get(element);
            if (pair == null || pair[0] == null || pair[1] == null) {
                throw new IllegalArgumentException("no " + element.symbol() + " pair among " + volumes.stream()
                        .map(DatasetEntry::name).toList() + ": reconstruct the six scans first");
            }
            pairs.put(element, new GradientAnalysis.PairVolumes(pair[0], pair[1]));
        }
        GradientAnalysis.Settings d = GradientAnalysis.Settings.defaults();
        GradientAnalysis.Settings settings = new GradientAnalysis.Settings(d.segmentation(), d.surface(),
                d.statistics(), d.confidence(), d.lithium(), GradientWindows.settings(windows), d.reliable(),
                d.register());
        GradientAnalysis.Result r = GradientAnalysis.run(pairs, settings, line -> {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            monitor.subTask(line);
        });
        checkCancel(monitor);
        monitor.subTask("fraction maps, line scans and data density");
        List<ResultDataset> outputs = outputs(r);
        checkCancel(monitor);
        runFolder = WorkflowRuns.newRunFolder("analyze");
        String provenance = provenance(r, settings);
        monitor.subTask("writing " + runFolder.resolve(ResultsFile.PIPELINE_FILE_NAME));
        ResultsFile.write(runFolder.resolve(ResultsFile.PIPELINE_FILE_NAME), outputs, provenance, null);
        AtomicFiles.write(runFolder.resolve("provenance.json"), t -> Files.writeString(t, provenance));
        checkCancel(monitor);
        String base = "analysis/" + String.join("+", volumes.stream().map(DatasetEntry::id).toList());
        List<String> from = volumes.stream().map(DatasetEntry::id).toList();
        Map<String, Object> parameters = new LinkedHashMap<>(Parameters.toMap(windows));
        parameters.put("confidence", settings.confidence());
        parameters.put("lithium", settings.lithium());
        List<DatasetEntry> entries = new ArrayList<>();
        for (ResultDataset output : outputs) {
            PhysicalMetadata metadata = PhysicalMetadata.of(output.data());
            entries.add(new DatasetEntry(base + "/" + output.name(), output.name(), output.kind(), output.data(), null,
                    Double.NaN, output.kind() == DataKind.TABLE ? Double.NaN : r.voxelUm(), metadata.valueUnit(),
                    new DatasetEntry.Derivation(STEP, parameters, from,
                            runFolder.resolve(ResultsFile.PIPELINE_FILE_NAME), output.name())));
        }
        registry.putAll(entries);
        result = r;
        results = List.copyOf(entries);
    }

    private static void checkCancel(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** The volumes and tables of the analysis, each with its unit; names as {@code edgewise analyze} writes them. */
    private static List<ResultDataset> outputs(GradientAnalysis.Result r) {
        int[] s = r.shape();
        double v = r.voxelUm();
        List<ResultDataset> out = new ArrayList<>();
        for (Element e : Element.values()) {
            out.add(volume("delta_mu_" + lower(e), FlatArrays.wrap(r.deltaMu()[e.ordinal()], s), v, "1/µm"));
        }
        int[] hulls = r.surface().hulls();
        double[] noise = new double[3];
        for (Element e : Element.values()) {
            noise[e.ordinal()] = ElementalMaps.backgroundNoise(r.deltaMu()[e.ordinal()], hulls);
        }
        float[][] fraction = ElementalMaps.composition(r.deltaMu(), hulls, noise, r.calibration());
        for (Element e : Element.values()) {
            out.add(volume("fraction_" + lower(e), FlatArrays.wrap(fraction[e.ordinal()], s), v,
                    PhysicalMetadata.DIMENSIONLESS));
        }
        out.add(new ResultDataset("labels", DataKind.LABELS, PhysicalMetadata.create(v, Double.NaN, "label")
                .attachTo(FlatArrays.wrap(r.labels(), s))));
        out.add(new ResultDataset("hulls", DataKind.LABELS, PhysicalMetadata.create(v, Double.NaN, "label")
                .attachTo(FlatArrays.wrap(hulls, s))));
        out.add(volume("depth", FlatArrays.wrap(r.surface().depthUm(), s), v, "µm"));
        out.add(table("profiles", ProfileTables.profiles(r.rows())));
        out.add(table("metrics", ProfileTables.metrics(r.metrics())));
        List<LineScans.Scan> scans = new ArrayList<>();
        List<ChartTables.Entry> densities = new ArrayList<>();
        for (ParticleMetrics.Metrics particle : r.particles()) {
            if (r.rows().stream().noneMatch(row -> row.particle() == particle.label())) {
                continue;
            }
            double[] centreVoxel = new double[3];
            for (int a = 0; a < 3; a++) {
                centreVoxel[a] = particle.centroidUm()[a] / v;
            }
            scans.addAll(LineScans.through(r.deltaMu(), hulls, r.surface().depthUm(), s[0], s[1], s[2],
                    particle.label(), centreVoxel, LINE_WIDTH_VOXELS, v, r.calibration()));
            for (Element e : Element.values()) {
                densities.add(new ChartTables.Entry(e, DensityHistograms.of(r.deltaMu()[e.ordinal()], hulls,
                        r.surface().depthUm(), particle.label(), v, DENSITY_VALUE_BINS)));
            }
        }
        out.add(table("line_scans", ChartTables.lineScans(scans)));
        out.add(table("density", ChartTables.density(densities)));
        return out;
    }

    private static ResultDataset volume(String name, Dataset data, double voxelUm, String unit) {
        return new ResultDataset(name, DataKind.VOLUME, PhysicalMetadata.create(voxelUm, Double.NaN, unit)
                .attachTo(data));
    }

    private static ResultDataset table(String name, Dataset table) {
        return new ResultDataset(name, DataKind.TABLE, table);
    }

    private static String lower(Element e) {
        return e.symbol().toLowerCase(Locale.ROOT);
    }

    private String provenance(GradientAnalysis.Result r, GradientAnalysis.Settings settings) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("step", STEP);
        root.put("voxelUm", r.voxelUm());
        ArrayNode inputs = root.putArray("inputs");
        for (DatasetEntry volume : volumes) {
            inputs.addObject().put("name", volume.name()).put("origin", volume.origin().describe())
                    .put("energyKev", volume.energyKev());
        }
        ArrayNode registrations = root.putArray("registrations");
        for (GradientAnalysis.ElementRegistration g : r.registrations()) {
            registrations.addObject().put("element", g.element().symbol()).put("registration",
                    g.registration().describe());
        }
        ObjectNode parameters = root.putObject("parameters");
        parameters.set("metrics", json.valueToTree(Parameters.toMap(windows)));
        parameters.put("confidence", settings.confidence());
        parameters.put("lithium", settings.lithium());
        parameters.put("lineScanWidthVoxels", LINE_WIDTH_VOXELS);
        parameters.put("densityValueBins", DENSITY_VALUE_BINS);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** @return the analysis as the headless code returned it (tests compare the views with it), or {@code null} */
    public GradientAnalysis.Result getAnalysis() {
        return result;
    }

    /** @return what the job added to the registry */
    public List<DatasetEntry> getResults() {
        return results;
    }

    /** @return the folder of the run, or {@code null} */
    public Path getRunFolder() {
        return runFolder;
    }
}
