package org.edgewise.ui.tests.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.ui.align.AlignJob;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.gradient.AnalyzeJob;
import org.edgewise.ui.gradient.DensityView;
import org.edgewise.ui.gradient.GradientAnalysisView;
import org.edgewise.ui.gradient.LineScanView;
import org.edgewise.ui.gradient.ProfilesView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.preferences.EdgewisePreferences;
import org.edgewise.ui.recon.ReconstructJob;
import org.edgewise.ui.segment.ParticleTableView;
import org.edgewise.ui.segment.SegmentJob;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.edgewise.workflow.ReconstructWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Walks through the four perspectives with the simulated demo dataset (the preferences' default size), running each
 * perspective's step as a user would (align, reconstruct, segment, analyse), and saves a screenshot of each with
 * ImageMagick's {@code import} (the X display of the test run, Xvfb). Runs only when {@code EDGEWISE_SCREENSHOTS} names the folder to write to
 * ({@code ./build.sh screenshots}).
 */
@EnabledIfEnvironmentVariable(named = "EDGEWISE_SCREENSHOTS", matches = ".+")
class ScreenshotTour {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    /** The demo's steps take minutes on a loaded machine; the tour waits for them, it does not time them. */
    private static final long STEP_TIMEOUT_MS = 20 * 60_000;

    @Test
    void fourPerspectivesWithTheDemoDataset() throws Exception {
        Path out = Path.of(System.getenv("EDGEWISE_SCREENSHOTS"));
        Files.createDirectories(out);
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        window.setBounds(new Rectangle(0, 0, WIDTH, HEIGHT));
        IDatasetRegistry registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
        DemoJob demo = new DemoJob(out.resolve("data"), EdgewisePreferences.demo(), registry);
        assertTrue(Ui.run(demo, STEP_TIMEOUT_MS).isOK());
        List<DatasetEntry> scans = demo.getOpened();
        DatasetEntry niAbove = scans.get(5);

        IWorkbenchPage page = perspective(Perspectives.ALIGNMENT);
        AlignJob align = new AlignJob(scans, Parameters.defaults(AlignModel.class), registry);
        assertTrue(Ui.run(align, STEP_TIMEOUT_MS).isOK());
        select(page, niAbove);
        capture(out.resolve("alignment.png"));

        page = perspective(Perspectives.RECONSTRUCTION);
        ReconstructJob reconstruct = new ReconstructJob(scans, ReconstructWorkflow.Centre.auto(), true,
                Parameters.defaults(ReconstructModel.class), registry);
        assertTrue(Ui.run(reconstruct, STEP_TIMEOUT_MS).isOK());
        DatasetEntry volume = reconstruct.getVolumes().get(5);
        select(page, niAbove);
        select(page, volume);
        capture(out.resolve("reconstruction.png"));

        page = perspective(Perspectives.SEGMENTATION);
        select(page, volume);
        SegmentJob segment = new SegmentJob(volume, Parameters.defaults(ParticlesModel.class), registry);
        assertTrue(Ui.run(segment, STEP_TIMEOUT_MS).isOK());
        select(page, volume);
        IViewPart particles = page.showView(ParticleTableView.ID);
        ParticleTableView table = (ParticleTableView) particles;
        page.activate(particles);
        table.getViewer().setSelection(new StructuredSelection(table.getViewer().getElementAt(0)), true);
        capture(out.resolve("segmentation.png"));

        page = perspective(Perspectives.GRADIENT_ANALYSIS);
        GradientAnalysisView analysis = (GradientAnalysisView) page.showView(GradientAnalysisView.ID);
        analysis.getForm().setModel(Parameters.defaults(MetricsModel.class)); // the paper's comparison region
        AnalyzeJob analyze = analysis.startAnalysis(AnalyzeJob.latestReconstructions(registry.entries()),
                analysis.getForm().getModel());
        assertTrue(Ui.run(analyze, STEP_TIMEOUT_MS).isOK(), String.valueOf(analyze.getResult()));
        ((ProfilesView) page.showView(ProfilesView.ID)).setFraction(true);
        capture(out.resolve("gradient.png"));
        page.showView(DensityView.ID);
        capture(out.resolve("gradient-density.png"));
        page.showView(LineScanView.ID);
        capture(out.resolve("gradient-linescans.png"));
    }

    private static IWorkbenchPage perspective(String id) throws InterruptedException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(id));
        settle();
        return page;
    }

    private static void select(IWorkbenchPage page, DatasetEntry entry) throws InterruptedException {
        DataView data = (DataView) page.findView(DataView.ID);
        page.activate(data);
        data.getViewer().setSelection(new StructuredSelection(entry), true);
        settle();
    }

    /** Lets jobs post their results and slices render (seconds, not a condition: a screenshot waits for the eye). */
    private static void settle() throws InterruptedException {
        long end = System.currentTimeMillis() + 2500;
        while (System.currentTimeMillis() < end) {
            if (!Ui.display().readAndDispatch()) {
                Thread.sleep(10);
            }
        }
    }

    private static void capture(Path png) throws Exception {
        settle();
        Process process = new ProcessBuilder("import", "-window", "root", "-crop", WIDTH + "x" + HEIGHT + "+0+0",
                "+repage", png.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "import " + png);
    }
}
