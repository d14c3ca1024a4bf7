package org.edgewise.ui.tests.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.ResultsFile;
import org.edgewise.segment.stages.ParticlesStage;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.recon.ReconstructJob;
import org.edgewise.ui.segment.ParticleTableView;
import org.edgewise.ui.segment.SegmentJob;
import org.edgewise.ui.segment.SegmentationView;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.edgewise.ui.views.VolumeView;
import org.edgewise.workflow.ReconstructWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Segmentation perspective on a reconstructed demo scan: threshold, segment, particle table, labels. */
class SegmentationPerspectiveTest {

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
    void segmentingAVolumeFillsTheParticleTableAndDrawsTheLabels() throws Exception {
        DatasetEntry scan = Demo.scan(demo, "scan_06_ni_above");
        ReconstructJob reconstruct = new ReconstructJob(List.of(scan), ReconstructWorkflow.Centre.auto(), false,
                org.edgewise.api.parameters.Parameters.defaults(org.edgewise.recon.stages.ReconstructModel.class),
                registry);
        assertTrue(Ui.run(reconstruct).isOK(), reconstruct.getResult().getMessage());
        DatasetEntry volume = reconstruct.getVolumes().get(0);

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.SEGMENTATION));
        SegmentationView view = (SegmentationView) page.showView(SegmentationView.ID);
        DataView data = (DataView) page.findView(DataView.ID);
        page.activate(data);
        data.getViewer().setSelection(new StructuredSelection(volume), true);
        Ui.waitUntil(() -> view.getVolume() == volume && !Double.isNaN(view.getOtsuThreshold()), "the histogram");

        // the histogram counts every finite voxel once; the marker sits at Otsu's threshold
        ILineSeries histogram = (ILineSeries) DatasetCharts.visibleSeries(view.getHistogram()).get(0);
        double voxels = 0;
        for (double logCount : histogram.getYSeries()) {
            voxels += Math.pow(10, logCount) - 1;
        }
        long finite = java.util.stream.IntStream.range(0, Demo.SIZE * Demo.SIZE * Demo.SIZE)
                .filter(i -> Double.isFinite(((Dataset) volume.data()).getElementDoubleAbs(i))).count();
        assertEquals(finite, voxels, 0.5);
        double marker = DatasetCharts.markers(view.getHistogram()).get(0).x();
        assertEquals(view.getOtsuThreshold(), marker);

        SegmentJob job = view.startSegmentation(volume, view.getForm().getModel());
        Ui.waitUntil(() -> job.getResult() != null, "the segmentation");
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());

        // the threshold the stage used is the one the histogram marked
        DatasetEntry threshold = registry.find(volume.id() + "/segmentation/threshold").orElseThrow();
        assertEquals(marker, Tables.get((Dataset) threshold.data(), 0, ParticlesStage.THRESHOLD_COLUMN), 1e-9);

        // the particle table lists the run's particles; the volume view draws their labels
        Dataset particles = ResultsFile.readDataset(job.getRunFolder().resolve("results.h5"),
                ((DatasetEntry.Derivation) registry.find(volume.id() + "/segmentation/particles").orElseThrow()
                        .origin()).resultName());
        ParticleTableView table = (ParticleTableView) page.showView(ParticleTableView.ID);
        Ui.drain();
        Table rows = table.getViewer().getTable();
        assertEquals(Tables.rows(particles), rows.getItemCount());
        assertEquals(2, rows.getItemCount(), "the demo's two particles");
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", Tables.get(particles, 0, "volume_um3")),
                rows.getItem(0).getText(1));

        VolumeView volumes = (VolumeView) page.showView(VolumeView.ID);
        page.activate(table);
        table.getViewer().setSelection(new StructuredSelection(table.getViewer().getElementAt(0)), true);
        OrthoSliceViewer orthoslices = volumes.getViewer();
        Ui.waitUntil(() -> !orthoslices.isRenderPending(), "the first particle");
        int[] cursor = orthoslices.getCursorVoxel();
        assertEquals(1, orthoslices.getView(OrthoSliceViewer.Plane.XY).readout(cursor[2], cursor[1]).label(),
                "the centroid of particle 1 lies inside its label");
    }
}
