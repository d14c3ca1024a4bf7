package org.edgewise.ui.gradient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Tables;
import org.edgewise.core.pipeline.Provenance;
import org.edgewise.gradient.Calibration;
import org.edgewise.gradient.DensityHistograms;
import org.edgewise.gradient.LineScans;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.io.ResultsFile;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.MonitorAdapter;
import org.edgewise.ui.jobs.WorkflowRuns;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;
import org.edgewise.workflow.AnalyzeWorkflow;
import org.edgewise.workflow.StandardIo;

/**
 * The gradient analysis of the six reconstructions, exactly as {@code edgewise analyze VOLUMES.h5} runs it
 * ({@link Analysis#run}): particles and their hull depth on the Ni above-edge volume, Mn and Co registered to the Ni
 * grid, Δμ per element, depth profiles with confidence intervals, Table 1 and the composition maps, written with
 * {@code particles.csv}, {@code profiles.csv}, {@code metrics.csv}, {@code results.h5}, {@code provenance.json} and
 * {@code report.html} into the run folder. For the views it then takes the line scans through every particle's
 * centre and the data density of Δμ against depth from those results (into {@value #CHART_FILE}), and puts the maps,
 * labels, depth and tables into the registry, derived from the six volumes.
 */
public final class AnalyzeJob extends EdgewiseJob {

    /** Results file of the line scans and densities, beside the analysis files. */
    public static final String CHART_FILE = "charts.h5";
    /** Edge of the square cross-section a line scan averages over, voxels. */
    public static final int LINE_WIDTH_VOXELS = 3;
    /** Value bins of a data-density histogram. */
    public static final int DENSITY_VALUE_BINS = 48;

    private final List<DatasetEntry> volumes;
    private final MetricsModel windows;
    private final IDatasetRegistry registry;
    private volatile Path runFolder;
    private volatile Analysis.Result analysis;
    private volatile AnalyzeWorkflow.Plan plan;
    private volatile List<DatasetEntry> results = List.of();

    /**
     * @param volumes  the six reconstructions {@code [z, y, x]}, 1/µm, each labelled with its element and side, all
     *                 stored in one results file (one reconstruction run, or a {@code volumes.h5})
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
     * @return the last reconstruction of each element and side (six entries), or fewer when some are missing
     */
    public static List<DatasetEntry> latestReconstructions(List<DatasetEntry> entries) {
        Map<String, DatasetEntry> latest = new LinkedHashMap<>();
        for (Element element : Element.values()) {
            for (boolean above : new boolean[] { false, true }) {
                latest.put(AnalyzeWorkflow.volumeName(element, above), null);
            }
        }
        for (DatasetEntry entry : entries) {
            if (entry.kind() == DataKind.VOLUME && entry.scan() != null && storedIn(entry) != null) {
                latest.put(AnalyzeWorkflow.volumeName(entry.scan().element(), entry.scan().above()), entry);
            }
        }
        return latest.values().stream().filter(Objects::nonNull).toList();
    }

    /** @return the results file an entry is stored in, or null for one that lives only in memory */
    private static Path storedIn(DatasetEntry entry) {
        if (entry.origin() instanceof DatasetEntry.FileOrigin file) {
            return file.file();
        }
        return entry.origin() instanceof DatasetEntry.Derivation derivation ? derivation.resultsFile() : null;
    }

    @Override
    protected void work(IProgressMonitor monitor) throws Exception {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Path volumesFile = volumesFile();
        AnalysisParameters parameters = AnalysisParameters.defaults().withMetrics(windows);
        runFolder = WorkflowRuns.newRunFolder("analyze");
        Analysis.Result r = Analysis.run(volumesFile, runFolder, parameters, new MonitorAdapter(monitor));
        checkCancel(monitor);
        // the same builder and inputs as inside Analysis.run: the names of its results
        AnalyzeWorkflow.Plan p = AnalyzeWorkflow.builder().volumes(volumesFile).parameters(parameters).plan();
        Path resultsFile = runFolder.resolve(Analysis.RESULTS_FILE);
        monitor.subTask("line scans and data density");
        writeChartTables(r, p, resultsFile, parameters.profiles().lithium());
        checkCancel(monitor);
        monitor.subTask("reading the results");
        results = List.copyOf(entries(p, resultsFile));
        registry.putAll(results);
        plan = p;
        analysis = r;
    }

    /** @return the one results file that holds the six volumes under their names ({@code ni_below} ...) */
    private Path volumesFile() throws IOException {
        Path file = null;
        for (DatasetEntry volume : volumes) {
            Path stored = storedIn(volume);
            if (stored == null || volume.scan() == null) {
                throw new IllegalArgumentException(volume.name() + " is not a stored reconstruction of a labelled"
                        + " scan: reconstruct the six scans (Reconstruction perspective) or open a volumes.h5");
            }
            if (file != null && !file.equals(stored)) {
                throw new IllegalArgumentException("the six volumes come from different files (" + file + ", "
                        + stored + "): reconstruct the six scans in one run, or open one volumes.h5");
            }
            file = stored;
        }
        if (file == null || volumes.size() != 6) {
            throw new IllegalArgumentException("the analysis needs the six reconstructions (Ni, Mn, Co below and"
                    + " above the edge), got " + volumes.stream().map(DatasetEntry::name).toList());
        }
        return file;
    }

    private static void checkCancel(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** The registry entries of the analysis: Δμ, maps, particles and depth, tables; ids stable across reruns. */
    private List<DatasetEntry> entries(AnalyzeWorkflow.Plan p, Path resultsFile) throws IOException {
        Provenance provenance;
        try {
            provenance = Provenance.fromJson(ResultsFile.readProvenance(resultsFile));
        } catch (IOException | RuntimeException e) {
            provenance = null; // the entries then name the pipeline instead of each stage
        }
        String base = "analysis/" + String.join("+", volumes.stream().map(DatasetEntry::id).sorted().toList());
        List<String> from = volumes.stream().map(DatasetEntry::id).toList();
        Map<String, String> named = new LinkedHashMap<>();
        for (Element e : Element.values()) {
            named.put("delta_mu_" + GradientTables.lower(e), p.deltaMu().get(e));
        }
        p.maps().forEach(named::put);
        named.put("labels", p.segmentation().labels());
        named.put("hulls", p.segmentation().hulls());
        named.put("depth", p.segmentation().depth());
        named.put("particles", p.segmentation().particles());
        named.put("profiles", p.profiles());
        named.put("metrics", p.metrics());
        List<DatasetEntry> out = new ArrayList<>();
        for (Map.Entry<String, String> result : named.entrySet()) {
            out.add(WorkflowRuns.entry(resultsFile, provenance, result.getValue(), base + "/" + result.getKey(),
                    result.getKey(), null, from));
        }
        Path charts = runFolder.resolve(CHART_FILE);
        for (String table : List.of("line_scans", "density")) {
            out.add(WorkflowRuns.entry(charts, null, table, base + "/" + table, table, null, from));
        }
        return out;
    }

    /**
     * Line scans through every particle's centre and the density of each element's Δμ against depth, from the
     * analysis' results (Δμ, hulls, depth, particle centroids; the calibration of its energy pairs).
     */
    private void writeChartTables(Analysis.Result r, AnalyzeWorkflow.Plan p, Path resultsFile, double lithium)
            throws IOException {
        float[][] deltaMu = new float[3][];
        for (Element e : Element.values()) {
            deltaMu[e.ordinal()] = FlatArrays.floats(StandardIo.readResult(resultsFile, p.deltaMu().get(e)));
        }
        Dataset hullData = StandardIo.readResult(resultsFile, p.segmentation().hulls());
        int[] shape = FlatArrays.volumeShape(hullData);
        int[] hulls = FlatArrays.ints(hullData);
        float[] depthUm = FlatArrays.floats(StandardIo.readResult(resultsFile, p.segmentation().depth()));
        double voxelUm = PhysicalMetadata.of(hullData).pixelSizeUm();
        Dataset particles = DatasetUtils.convertToDataset(StandardIo.readResult(resultsFile,
                p.segmentation().particles()));
        Calibration calibration = Calibration.of(r.pairs(), lithium);
        List<LineScans.Scan> scans = new ArrayList<>();
        List<ChartTables.Entry> densities = new ArrayList<>();
        for (int row = 0; row < Tables.rows(particles); row++) {
            int label = (int) Math.round(Tables.get(particles, row, "particle"));
            if (r.rows().stream().noneMatch(profile -> profile.particle() == label)) {
                continue; // a particle without a profile (too small, cut away) has no depth to scan
            }
            double[] centreVoxel = { Tables.get(particles, row, "centroid_z_um") / voxelUm,
                Tables.get(particles, row, "centroid_y_um") / voxelUm,
                Tables.get(particles, row, "centroid_x_um") / voxelUm };
            scans.addAll(LineScans.through(deltaMu, hulls, depthUm, shape[0], shape[1], shape[2], label, centreVoxel,
                    LINE_WIDTH_VOXELS, voxelUm, calibration));
            for (Element e : Element.values()) {
                densities.add(new ChartTables.Entry(e, DensityHistograms.of(deltaMu[e.ordinal()], hulls, depthUm,
                        label, voxelUm, DENSITY_VALUE_BINS)));
            }
        }
        String provenance = String.format(java.util.Locale.ROOT, "{\"from\": \"%s\", \"lineScanWidthVoxels\": %d,"
                + " \"densityValueBins\": %d, \"densityDepthBinUm\": %s}", resultsFile.toString().replace("\\", "/")
                        .replace("\"", "'"), LINE_WIDTH_VOXELS, DENSITY_VALUE_BINS, voxelUm);
        ResultsFile.write(runFolder.resolve(CHART_FILE), List.of(
                new ResultDataset("line_scans", DataKind.TABLE, ChartTables.lineScans(scans)),
                new ResultDataset("density", DataKind.TABLE, ChartTables.density(densities))), provenance, null);
    }

    /** @return what {@link Analysis#run} returned (tests compare the views with it), or {@code null} */
    public Analysis.Result getAnalysis() {
        return analysis;
    }

    /** @return the analysis' plan: the names of its results in {@code results.h5}, or {@code null} */
    public AnalyzeWorkflow.Plan getPlan() {
        return plan;
    }

    /** @return what the job added to the registry */
    public List<DatasetEntry> getResults() {
        return results;
    }

    /** @return the folder of the run, or {@code null} */
    public Path getRunFolder() {
        return runFolder;
    }

    /** @return the profile rows of the analysis, or an empty list before it finished */
    public List<ProfileRow> getRows() {
        return analysis == null ? List.of() : analysis.rows();
    }
}
