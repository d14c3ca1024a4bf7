package org.edgewise.ui.tests.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.recon.ReconstructJob;
import org.edgewise.ui.recon.ReconstructionPreview;
import org.edgewise.ui.recon.ReconstructionView;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.edgewise.ui.views.VolumeView;
import org.edgewise.workflow.ReconstructWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full reconstruction from the Reconstruction perspective: it runs as a job that leaves the display thread
 * free, and the volume it shows is the one the preview promised.
 */
class ReconstructionJobTest {

    private static final String NI_ABOVE = "scan_06_ni_above";

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
    void theDisplayThreadStaysFreeWhileEveryScanIsAlignedAndReconstructed() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.RECONSTRUCTION));
        ReconstructionView view = (ReconstructionView) page.showView(ReconstructionView.ID);
        ReconstructJob job = view.startReconstruction(demo.getOpened(), ReconstructWorkflow.Centre.auto(), true,
                view.getForm().getModel());
        int ticks = Ui.ticksWhileRunning(job);
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());
        assertTrue(ticks >= 10, "the display thread ran only " + ticks + " 10-ms timers while the job ran");
        assertEquals(6, job.getVolumes().size());
        assertEquals(List.of("mn_below μ", "mn_above μ", "co_below μ", "co_above μ", "ni_below μ", "ni_above μ"),
                job.getVolumes().stream().map(DatasetEntry::name).toList());
    }

    @Test
    void theVolumeIsThePreviewAtEveryRow() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.RECONSTRUCTION));
        ReconstructionView view = (ReconstructionView) page.showView(ReconstructionView.ID);
        DataView data = (DataView) page.findView(DataView.ID);
        DatasetEntry scan = Demo.scan(demo, NI_ABOVE);
        page.activate(data);
        data.getViewer().setSelection(new StructuredSelection(scan), true);
        Ui.waitUntil(() -> view.getScan() == scan && !view.isPreviewPending(), "the preview");

        double offset = Math.round(Demo.trueCentreOffsetPx(demo, NI_ABOVE + ".h5") * 10) / 10.0;
        view.getForm().setValue("centerOffsetPx", offset);
        ReconstructModel model = view.getForm().getModel();
        ReconstructJob job = view.startReconstruction(List.of(scan),
                ReconstructWorkflow.Centre.column((Demo.SIZE - 1) / 2.0 + offset), false, model);
        assertTrue(Ui.run(job).isOK(), job.getResult().getMessage());

        DatasetEntry volume = job.getVolumes().get(0);
        assertEquals("ni_above μ", volume.name());
        assertEquals(List.of(Demo.SIZE, Demo.SIZE, Demo.SIZE), java.util.Arrays.stream(volume.data().getShape())
                .boxed().toList());
        assertEquals(scan.id(), ((DatasetEntry.Derivation) volume.origin()).inputIds().get(0));

        // row 20 of the volume is the preview of row 20 with the same parameters
        int row = Demo.SIZE / 2;
        Dataset preview = ReconstructionPreview.of(scan).slice(row, model, new IMonitor.Stub());
        Dataset full = DatasetUtils.sliceAndConvertLazyDataset(volume.data());
        double largest = 0;
        double worst = 0;
        for (int y = 0; y < Demo.SIZE; y++) {
            for (int x = 0; x < Demo.SIZE; x++) {
                double expected = preview.getDouble(0, y, x);
                if (Double.isFinite(expected)) {
                    largest = Math.max(largest, Math.abs(expected));
                    worst = Math.max(worst, Math.abs(full.getDouble(row, y, x) - expected));
                }
            }
        }
        assertTrue(worst <= 1e-5 * largest, "largest difference " + worst + " of " + largest);

        // the Volume view shows it; the value under the cursor is the volume's
        VolumeView volumes = (VolumeView) page.showView(VolumeView.ID);
        OrthoSliceViewer orthoslices = volumes.getViewer();
        orthoslices.setCursorVoxel(new int[] { row, 17, 21 });
        Ui.waitUntil(() -> !orthoslices.isRenderPending(), "the volume");
        SliceView xy = orthoslices.getView(OrthoSliceViewer.Plane.XY);
        assertEquals(full.getFloat(row, 17, 21), xy.readout(21, 17).values()[0], 1e-7);
        assertEquals(Demo.SIZE, xy.getCanvas().getImageData().width);
    }

}
