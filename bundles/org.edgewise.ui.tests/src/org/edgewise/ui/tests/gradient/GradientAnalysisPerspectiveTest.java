package org.edgewise.ui.tests.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.ProfileMetrics;
import org.edgewise.gradient.ProfileRow;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.gradient.AnalyzeJob;
import org.edgewise.ui.gradient.DensityView;
import org.edgewise.ui.gradient.GradientAnalysisView;
import org.edgewise.ui.gradient.LineScanView;
import org.edgewise.ui.gradient.MetricsView;
import org.edgewise.ui.gradient.ProfilesView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.recon.ReconstructJob;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalyzeWorkflow;
import org.edgewise.workflow.ReconstructWorkflow;
import org.edgewise.workflow.StandardIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Gradient Analysis perspective driven like a user on the demo dataset: reconstruct the six scans, run the
 * analysis from the perspective (the library behind {@code edgewise analyze}), and check what the profile, density,
 * line-scan and Table-1 views show against the headless result and the results file; then move the comparison region and check that Table 1 and the profile markers follow in place.
 */
class GradientAnalysisPerspectiveTest {

    private IDatasetRegistry registry;
    private DemoJob demo;

    @BeforeEach
    void openDemo() throws Exception {
        registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
        demo = Demo.open(registry);
    }

    @AfterEach
    void clear() {
        registry.clear();
        Ui.drain();
    }

    @Test
    void analysingTheDemoFillsEveryViewAndANewComparisonRegionRecomputesTable1InPlace() throws Exception {
        ReconstructJob reconstruct = new ReconstructJob(demo.getOpened(), ReconstructWorkflow.Centre.auto(), true,
                Parameters.defaults(ReconstructModel.class), registry);
        assertTrue(Ui.run(reconstruct).isOK(), reconstruct.getResult().getMessage());

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.GRADIENT_ANALYSIS));
        GradientAnalysisView analysis = (GradientAnalysisView) page.showView(GradientAnalysisView.ID);
        List<DatasetEntry> volumes = AnalyzeJob.latestReconstructions(registry.entries());
        assertEquals(reconstruct.getVolumes().stream().map(DatasetEntry::id).sorted().toList(),
                volumes.stream().map(DatasetEntry::id).sorted().toList(), "the six reconstructions");
        AnalyzeJob job = analysis.startAnalysis(volumes, analysis.getForm().getModel());
        Ui.waitUntil(() -> job.getResult() != null, "the analysis");
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());
        Analysis.Result result = job.getAnalysis();
        assertEquals(2, result.particles().size(), "the demo's two particles");
        for (String file : Analysis.FILES) {
            assertTrue(Files.isRegularFile(job.getRunFolder().resolve(file)), file + " as edgewise analyze writes it");
        }
        AnalyzeWorkflow.Plan plan = job.getPlan();
        Path resultsFile = job.getRunFolder().resolve(Analysis.RESULTS_FILE);
        Dataset hullData = StandardIo.readResult(resultsFile, plan.segmentation().hulls());
        int[] hulls = FlatArrays.ints(hullData);
        int[] n = FlatArrays.volumeShape(hullData);
        double voxelUm = PhysicalMetadata.of(hullData).pixelSizeUm();
        float[] deltaMuNi = FlatArrays.floats(StandardIo.readResult(resultsFile, plan.deltaMu().get(Element.NI)));
        Dataset particles = DatasetUtils.convertToDataset(StandardIo.readResult(resultsFile,
                plan.segmentation().particles()));
        int particle = result.rows().stream().mapToInt(ProfileRow::particle).min().orElseThrow();

        // depth profiles: the chart's Ni series is the headless profile of the first particle
        ProfilesView profiles = (ProfilesView) page.showView(ProfilesView.ID);
        Ui.waitUntil(() -> profiles.getTable() != null && profiles.getTable().id().endsWith("/profiles"),
                "the profiles");
        List<ProfileRow> niRows = result.rows().stream().filter(r -> r.particle() == particle
                && r.element() == Element.NI).sorted(Comparator.comparingDouble(ProfileRow::depthUm)).toList();
        ILineSeries ni = (ILineSeries) series(profiles.getChart().getSeriesSet().getSeries(), "Ni");
        assertArrayEquals(niRows.stream().mapToDouble(ProfileRow::depthUm).toArray(), ni.getXSeries(), 1e-9);
        assertArrayEquals(niRows.stream().mapToDouble(r -> r.ratio().value()).toArray(), ni.getYSeries(), 1e-9);
        assertArrayEquals(niRows.stream().mapToDouble(r -> r.ratio().low()).toArray(),
                DatasetCharts.bands(profiles.getChart()).get(0).low(), 1e-9);

        // Table 1: one row per particle, element and quantity, as the headless metrics
        MetricsView metrics = (MetricsView) page.showView(MetricsView.ID);
        Ui.drain();
        Table table = metrics.getViewer().getTable();
        assertEquals(result.metrics().size(), table.getItemCount());
        assertEquals(2 * 3 * 2, table.getItemCount());
        assertTable1(table, result.metrics());

        // data density: the cells count the particle's hull voxels (all but the 1 % outside the value range)
        DensityView density = (DensityView) page.showView(DensityView.ID);
        Ui.drain();
        density.setParticle(particle);
        density.setElement(Element.NI);
        DatasetCharts.Density cells = DatasetCharts.density(density.getChart());
        long hullVoxels = Arrays.stream(hulls).filter(h -> h == particle).count();
        double counted = Arrays.stream(cells.counts()).sum();
        assertTrue(counted <= hullVoxels && counted >= 0.98 * hullVoxels, counted + " of " + hullVoxels);
        ILineSeries mean = (ILineSeries) series(density.getChart().getSeriesSet().getSeries(), DensityView.MEAN);
        assertArrayEquals(niRows.stream().mapToDouble(r -> r.intensity().value()).toArray(), mean.getYSeries(),
                1e-9);

        // line scan along x: at the particle's centre, the mean Δμ_Ni of the 3 × 3 voxels around the line
        LineScanView lines = (LineScanView) page.showView(LineScanView.ID);
        Ui.drain();
        lines.setParticle(particle);
        lines.setScan(0, 0);
        ILineSeries niLine = (ILineSeries) series(lines.getChart().getSeriesSet().getSeries(), "Ni");
        int row = 0;
        while ((int) Tables.get(particles, row, "particle") != particle) {
            row++;
        }
        double[] centroidUm = { Tables.get(particles, row, "centroid_z_um"), Tables.get(particles, row,
            "centroid_y_um"), Tables.get(particles, row, "centroid_x_um") };
        int[] centre = new int[3];
        for (int a = 0; a < 3; a++) {
            centre[a] = (int) Math.round(centroidUm[a] / voxelUm);
        }
        int nearest = 0;
        for (int k = 0; k < niLine.getXSeries().length; k++) {
            if (Math.abs(niLine.getXSeries()[k]) < Math.abs(niLine.getXSeries()[nearest])) {
                nearest = k;
            }
        }
        int x = (int) Math.round(centroidUm[2] / voxelUm + niLine.getXSeries()[nearest] / voxelUm);
        double sum = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                sum += deltaMuNi[((centre[0] + dz) * n[1] + centre[1] + dy) * n[2] + x];
            }
        }
        assertEquals(sum / 9, niLine.getYSeries()[nearest], 1e-6);

        // a new comparison region: Table 1 and the profile markers follow, without a new analysis
        List<ProfileMetrics.Metric> before = result.metrics();
        analysis.getForm().setValue("edgeToUm", 1.0);
        analysis.getForm().setValue("edgeFromUm", 0.6);
        ProfileMetrics.Settings moved = new ProfileMetrics.Settings(0.6, 1.0, 1.95, 2.0, 0.25, 2.0);
        List<ProfileMetrics.Metric> expected = ProfileMetrics.compute(result.rows(), moved);
        assertNotEquals(before.get(0).edge().value(), expected.get(0).edge().value(), "the region matters");
        Ui.drain();
        assertTrue(analysis.getStatus().startsWith("Table 1 recomputed"), analysis.getStatus());
        assertTable1(metrics.getViewer().getTable(), expected);
        profiles.setParticle(particle);
        Ui.drain();
        double edgeMarker = DatasetCharts.markers(profiles.getChart()).stream().filter(m -> m.id().equals("edge"))
                .findFirst().orElseThrow().x();
        assertEquals(expected.get(0).edgeDepthUm(), edgeMarker, 1e-9);
        assertEquals(job, analysis.getLastJob(), "no second analysis ran");
        analysis.getForm().setModel(Parameters.defaults(MetricsModel.class));
    }

    private static void assertTable1(Table table, List<ProfileMetrics.Metric> metrics) {
        assertEquals(metrics.size(), table.getItemCount());
        for (int i = 0; i < metrics.size(); i++) {
            ProfileMetrics.Metric m = metrics.get(i);
            assertEquals(Integer.toString(m.particle()), table.getItem(i).getText(0));
            assertEquals(m.element().symbol(), table.getItem(i).getText(1));
            assertEquals(String.format(Locale.ROOT, "%.4f ± %.4f", m.edge().value(), m.edge().halfWidth()),
                    table.getItem(i).getText(4), "edge of row " + i);
            assertEquals(String.format(Locale.ROOT, "%.4f ± %.4f", m.core().value(), m.core().halfWidth()),
                    table.getItem(i).getText(6), "core of row " + i);
        }
    }

    private static ISeries series(ISeries[] all, String id) {
        return Arrays.stream(all).filter(s -> s.getId().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no series " + id + " among " + Arrays.stream(all).map(ISeries::getId)
                        .toList()));
    }
}
