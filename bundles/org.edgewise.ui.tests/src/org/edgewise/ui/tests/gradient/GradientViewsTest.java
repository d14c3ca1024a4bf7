package org.edgewise.ui.tests.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.io.CsvTable;
import org.edgewise.io.ResultsFile;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.gradient.ElementalMapView;
import org.edgewise.ui.gradient.MetricsView;
import org.edgewise.ui.gradient.ProfilesView;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.jobs.OpenJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.preferences.EdgewisePreferences;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradient Analysis perspective on an analysis folder as {@code edgewise analyze} writes it: profiles.csv,
 * metrics.csv and the per-element maps in results.h5, with known values.
 */
class GradientViewsTest {

    private static final String[] ELEMENTS = { "Ni", "Mn", "Co" };
    private static final int N = 12;

    @TempDir
    Path folder;

    private IDatasetRegistry registry;
    private IWorkbenchPage page;

    /** ratio(particle, element, depth) = base + slope·depth, with a CI of ± 0.01·(1 + element index). */
    static double ratio(int particle, int element, double depthUm) {
        return 0.2 + 0.1 * element + 0.01 * particle + 0.05 * depthUm;
    }

    static double fraction(int particle, int element, double depthUm) {
        return 0.3 + 0.1 * element - 0.02 * depthUm + 0.001 * particle;
    }

    @BeforeEach
    void analysisFolder() throws Exception {
        CsvTable profiles = new CsvTable("particle", "element", "depth_um", "n", "intensity_mean", "intensity_ci_low",
                "intensity_ci_high", "ratio", "ratio_ci_low", "ratio_ci_high", "fraction", "fraction_ci_low",
                "fraction_ci_high");
        for (int particle = 1; particle <= 2; particle++) {
            for (int e = 0; e < 3; e++) {
                for (int bin = 0; bin < 5; bin++) {
                    double depth = 0.125 + 0.25 * bin;
                    double ci = 0.01 * (1 + e);
                    profiles.addRow(particle, ELEMENTS[e], depth, 100 + bin, 0.01, 0.009, 0.011,
                            ratio(particle, e, depth), ratio(particle, e, depth) - ci, ratio(particle, e, depth) + ci,
                            fraction(particle, e, depth), fraction(particle, e, depth) - ci,
                            fraction(particle, e, depth) + ci);
                }
            }
        }
        profiles.write(folder.resolve("profiles.csv"));
        CsvTable metrics = new CsvTable("particle", "element", "quantity", "edge_depth_um", "edge_value", "edge_ci",
                "core_depth_um", "core_value", "core_ci", "d_core_edge", "max_depth_um", "max_value", "max_ci",
                "d_max_min");
        metrics.addRow(1, "Ni", "ratio", 0.275, 0.4138, 0.0042, 1.975, 0.4988, 0.0051, 0.085, 1.975, 0.4988, 0.0051,
                0.085);
        metrics.addRow(1, "Ni", "fraction", 0.275, 0.6012, 0.0031, 1.975, 0.5321, 0.0040, -0.0691, 0.275, 0.6012,
                0.0031, 0.0691);
        metrics.write(folder.resolve("metrics.csv"));
        float[][] maps = new float[3][N * N * N];
        int[] hulls = new int[N * N * N];
        for (int i = 0; i < hulls.length; i++) {
            for (int e = 0; e < 3; e++) {
                maps[e][i] = (e + 1) * 0.1f + (i % N) * 0.01f;
            }
            hulls[i] = (i / (N * N)) >= 3 && (i / (N * N)) < 9 ? 1 : 0;
        }
        ResultsFile.write(folder.resolve("results.h5"), List.of(
                volume("fraction_ni", maps[0], "1"), volume("fraction_mn", maps[1], "1"),
                volume("fraction_co", maps[2], "1"),
                new ResultsFile.Volume("hulls", DatasetFactory.createFromObject(IntegerDataset.class, hulls, N, N, N),
                        0.1, "label", "hulls")), "{}");
        registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.GRADIENT_ANALYSIS));
        assertTrue(Ui.run(new OpenJob(folder, registry)).isOK());
    }

    private static ResultsFile.Volume volume(String name, float[] values, String unit) {
        return new ResultsFile.Volume(name, DatasetFactory.createFromObject(FloatDataset.class, values, N, N, N), 0.1,
                unit, name);
    }

    @AfterEach
    void clear() {
        EdgewisePreferences.store().setToDefault(EdgewisePreferences.REGION_START_UM);
        registry.clear();
        Ui.drain();
    }

    @Test
    void profilesShowEachElementWithItsBandAndFollowTheParticleAndTheQuantity() throws Exception {
        ProfilesView view = (ProfilesView) page.showView(ProfilesView.ID);
        Ui.waitUntil(() -> view.getTable() != null, "the profile table");
        assertProfiles(view, 1, false);
        view.setParticle(2);
        assertProfiles(view, 2, false);
        view.setFraction(true);
        assertProfiles(view, 2, true);
        assertEquals(3, DatasetCharts.bands(view.getChart()).size());
        DatasetCharts.Band niBand = DatasetCharts.bands(view.getChart()).get(0);
        assertEquals(fraction(2, 0, 0.375) - 0.01, niBand.low()[1], 1e-12);
        assertEquals(fraction(2, 0, 0.375) + 0.01, niBand.high()[1], 1e-12);

        // the comparison region's points follow the preferences
        assertEquals(0.275, marker(view, "edge"), 1e-12);
        assertEquals(1.975, marker(view, "core"), 1e-12);
        EdgewisePreferences.store().setValue(EdgewisePreferences.REGION_START_UM, 0.5);
        Ui.waitUntil(() -> Math.abs(marker(view, "edge") - 0.525) < 1e-12, "the edge point at 0.50–0.55 µm");
    }

    private static double marker(ProfilesView view, String id) {
        return DatasetCharts.markers(view.getChart()).stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow().x();
    }

    private static void assertProfiles(ProfilesView view, int particle, boolean fractions) {
        List<ISeries> series = DatasetCharts.visibleSeries(view.getChart());
        assertEquals(List.of("Ni", "Mn", "Co"), series.stream().map(ISeries::getId).toList());
        for (int e = 0; e < 3; e++) {
            ILineSeries line = (ILineSeries) series.get(e);
            assertArrayEquals(new double[] { 0.125, 0.375, 0.625, 0.875, 1.125 }, line.getXSeries(), 1e-12);
            for (int bin = 0; bin < 5; bin++) {
                double depth = 0.125 + 0.25 * bin;
                assertEquals(fractions ? fraction(particle, e, depth) : ratio(particle, e, depth),
                        line.getYSeries()[bin], 1e-12, ELEMENTS[e] + " bin " + bin);
            }
        }
        assertTrue(view.getChart().getTitle().getText().startsWith("Particle " + particle + ": "));
    }

    @Test
    void metricsTableListsTheValuesWithTheirHalfWidths() throws Exception {
        MetricsView view = (MetricsView) page.showView(MetricsView.ID);
        Ui.waitUntil(() -> view.getViewer().getTable().getItemCount() == 2, "the metrics");
        Table table = view.getViewer().getTable();
        assertEquals(List.of("1", "Ni", "ratio", "0.275", "0.4138 ± 0.0042", "1.975", "0.4988 ± 0.0051", "0.0850",
                "1.975", "0.4988 ± 0.0051", "0.0850"), texts(table, 0));
        assertEquals("fraction", table.getItem(1).getText(2));
        Path csv = folder.resolve("exported.csv");
        view.exportCsv(csv);
        assertEquals("1,Ni,fraction,0.275,0.6012,0.0031,1.975,0.5321,0.004,-0.0691,0.275,0.6012,0.0031,0.0691",
                java.nio.file.Files.readAllLines(csv).get(2));
    }

    @Test
    void theElementalMapIsOneRgbCompositeOfTheThreeFractions() throws Exception {
        ElementalMapView view = (ElementalMapView) page.showView(ElementalMapView.ID);
        OrthoSliceViewer viewer = view.getViewer();
        Ui.waitUntil(() -> viewer.getCursorVoxel() != null && !viewer.isRenderPending(), "the map");
        SliceView xy = viewer.getView(OrthoSliceViewer.Plane.XY);
        assertEquals(3, xy.getChannelCount());
        SliceView.Readout readout = xy.readout(7, 4);
        assertArrayEquals(new float[] { 0.17f, 0.27f, 0.37f }, readout.values(), 1e-6f);
        assertTrue(readout.text().contains(String.format(Locale.ROOT, "Ni %.5f  Mn %.5f  Co %.5f", 0.17, 0.27,
                0.37)), readout.text());
        assertEquals(1, readout.label(), "the hulls are outlined over the map");
    }

    private static List<String> texts(Table table, int row) {
        return java.util.stream.IntStream.range(0, table.getColumnCount()).mapToObj(c -> table.getItem(row).getText(c))
                .toList();
    }
}
