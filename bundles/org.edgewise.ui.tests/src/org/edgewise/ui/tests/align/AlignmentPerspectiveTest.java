package org.edgewise.ui.tests.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.ResultsFile;
import org.edgewise.ui.align.AlignJob;
import org.edgewise.ui.align.AlignedProjectionsView;
import org.edgewise.ui.align.AlignmentView;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alignment perspective on the demo dataset: align the six scans from the view, then read what it shows. */
class AlignmentPerspectiveTest {

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
    void aligningTheOpenScansShowsShiftsCentresRegistrationsAndAlignedProjections() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.ALIGNMENT));
        AlignmentView view = (AlignmentView) page.showView(AlignmentView.ID);
        view.getForm().setValue("maxIterations", 8);
        Ui.press(view.getForm().getParent().getParent(), "Align the open scans");
        AlignJob job = view.getJob();
        assertNotNull(job, "the button started a job");
        Ui.waitUntil(() -> job.getResult() != null, "the alignment");
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());

        // six scans, each with line integrals, aligned projections and an alignment table; three registrations
        assertEquals(6 + 6 * 3 + 3, registry.entries().size());
        DatasetEntry niAbove = Demo.scan(demo, "scan_06_ni_above");
        DataView data = (DataView) page.findView(DataView.ID);
        page.activate(data);
        data.getViewer().setSelection(new StructuredSelection(niAbove), true);
        Ui.waitUntil(() -> view.getAlignmentTable() != null
                && view.getAlignmentTable().id().startsWith(niAbove.id()), "the Ni scan's alignment");

        // the chart holds the table's shifts, the centre line its centre and uncertainty
        Dataset table = ResultsFile.readDataset(job.getRunFolder().resolve("results.h5"),
                ((DatasetEntry.Derivation) view.getAlignmentTable().origin()).resultName());
        List<ILineSeries> series = DatasetCharts.visibleSeries(view.getShiftChart()).stream()
                .map(s -> (ILineSeries) s).toList();
        assertEquals(List.of("row shift", "column shift"), series.stream().map(ILineSeries::getId).toList());
        assertArrayEquals(Tables.column(table, AlignmentTables.ANGLE_DEG), series.get(1).getXSeries(), 1e-12);
        assertArrayEquals(Tables.column(table, AlignmentTables.SHIFT_COL_PX), series.get(1).getYSeries(), 1e-12);
        Matcher centre = Pattern.compile("rotation centre (\\S+) ± (\\S+) px").matcher(view.getCentreText());
        assertTrue(centre.find(), view.getCentreText());
        double centrePx = Double.parseDouble(centre.group(1));
        assertEquals(Tables.get(table, 0, AlignmentTables.ROTATION_CENTER_PX), centrePx, 1e-3);
        assertEquals(Tables.get(table, 0, AlignmentTables.ROTATION_CENTER_UNCERTAINTY_PX),
                Double.parseDouble(centre.group(2)), 1e-3);
        // and the centre found is the simulation's (within a pixel: 45 projections, jitter 0.5 px)
        double truth = Demo.trueCentreOffsetPx(demo, "scan_06_ni_above.h5") + (Demo.SIZE - 1) / 2.0;
        assertEquals(truth, centrePx, 1.0, "true rotation centre " + truth);

        Table pairs = view.getPairTable().getTable();
        assertEquals(3, pairs.getItemCount(), "one registration per energy pair");
        assertTrue(pairs.getItem(0).getText(0).contains("registration to"), pairs.getItem(0).getText(0));

        // before and after, at the same angle; the value under the pointer is the aligned projection's
        AlignedProjectionsView projections = (AlignedProjectionsView) page.showView(AlignedProjectionsView.ID);
        page.activate(data);
        data.getViewer().setSelection(new StructuredSelection(niAbove), true);
        SliceView after = projections.getAfter().getSliceView();
        Ui.waitUntil(() -> !after.isRenderPending() && after.getCanvas().getImageData() != null
                && !projections.getBefore().getSliceView().isRenderPending(), "before and after");
        projections.getBefore().getSlider().setSelection(10);
        projections.getBefore().getSlider().notifyListeners(org.eclipse.swt.SWT.Selection,
                new org.eclipse.swt.widgets.Event());
        Ui.waitUntil(() -> !after.isRenderPending() && after.getIndex() == 10, "the linked angle");
        DatasetEntry aligned = registry.find(niAbove.id() + "/aligned").orElseThrow();
        Dataset alignedData = ResultsFile.readDataset(job.getRunFolder().resolve("results.h5"),
                ((DatasetEntry.Derivation) aligned.origin()).resultName());
        assertEquals(alignedData.getFloat(10, 21, 17), after.readout(17, 21).values()[0], 1e-6);
        assertEquals(Demo.SIZE, after.getCanvas().getImageData().width);
    }
}
