package org.edgewise.ui.tests.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.IndexIterator;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ImageCanvas;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.recon.ReconstructionPreview;
import org.edgewise.ui.recon.ReconstructionView;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Reconstruction perspective on the demo dataset: the form and its preview slice. */
class ReconstructionPerspectiveTest {

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

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /**
     * The negative mass of a slice: attenuation is never negative, and the arcs a wrong rotation centre draws around
     * every particle undershoot, so it is smallest at the true centre.
     */
    static double negativeMass(Dataset slice) {
        double sum = 0;
        IndexIterator it = slice.getIterator();
        while (it.hasNext()) {
            double v = slice.getElementDoubleAbs(it.index);
            if (v < 0) {
                sum -= v;
            }
        }
        return sum;
    }

    @Test
    void thePreviewIsSharpestAtTheTrueRotationCentre() throws Exception {
        DatasetEntry scan = Demo.scan(demo, NI_ABOVE);
        ReconstructionPreview preview = ReconstructionPreview.of(scan);
        double trueOffset = Demo.trueCentreOffsetPx(demo, NI_ABOVE + ".h5");
        ReconstructModel defaults = Parameters.defaults(ReconstructModel.class);
        double[] undershoot = new double[3];
        double[] offsets = { trueOffset - 3, trueOffset, trueOffset + 3 };
        for (int i = 0; i < 3; i++) {
            ReconstructModel model = new ReconstructModel(defaults.method(), defaults.filter(), defaults.padding(),
                    offsets[i], 0, 16);
            Dataset slice = preview.slice(Demo.SIZE / 2, model, new IMonitor.Stub());
            assertEquals(java.util.List.of(1, Demo.SIZE, Demo.SIZE), java.util.Arrays.stream(slice.getShape())
                    .boxed().toList());
            undershoot[i] = negativeMass(slice);
        }
        assertTrue(undershoot[1] < 0.85 * undershoot[0] && undershoot[1] < 0.85 * undershoot[2],
                "negative mass at −3, 0, +3 px from the true centre: " + java.util.Arrays.toString(undershoot));
    }

    @Test
    void theFormDrivesThePreviewAndThePointerReadsTheReconstructedValue() throws Exception {
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.RECONSTRUCTION));
        ReconstructionView view = (ReconstructionView) page().showView(ReconstructionView.ID);
        DataView data = (DataView) page().findView(DataView.ID);
        DatasetEntry scan = Demo.scan(demo, NI_ABOVE);
        page().activate(data); // as a user clicking into the Data view
        data.getViewer().setSelection(new StructuredSelection(scan), true);
        Ui.waitUntil(() -> view.getScan() == scan && !view.isPreviewPending()
                && view.getPreview().getSliceView().getCanvas().getImageData() != null, "the first preview");

        double offset = Demo.trueCentreOffsetPx(demo, NI_ABOVE + ".h5");
        view.getForm().setValue("centerOffsetPx", Math.round(offset * 10) / 10.0);
        view.getForm().setValue("filter", "HANN");
        assertTrue(view.isPreviewPending(), "a centre or filter change asks for a new preview");
        Ui.waitUntil(() -> !view.isPreviewPending(), "the preview at the new centre");
        SliceView slice = view.getPreview().getSliceView();
        assertEquals(Demo.SIZE, slice.getCanvas().getImageData().width);
        assertEquals(Demo.SIZE, slice.getCanvas().getImageData().height);

        // the value under the pointer is the reconstruction of that row with the form's parameters
        Dataset expected = ReconstructionPreview.of(scan).slice(view.getRowScale().getSelection(),
                view.getForm().getModel(), new IMonitor.Stub());
        ImageCanvas canvas = slice.getCanvas();
        Point point = canvas.screenPointOf(21, 17);
        Event move = new Event();
        move.x = point.x;
        move.y = point.y;
        canvas.notifyListeners(SWT.MouseMove, move);
        int[] pixel = canvas.imagePixelAt(point.x, point.y);
        String readout = view.getPreview().getReadoutText();
        assertTrue(readout.contains("[0, " + pixel[1] + ", " + pixel[0] + "]"), readout);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("value (\\S+) 1/µm$").matcher(readout);
        assertTrue(value.find(), readout);
        float atPixel = expected.getFloat(0, pixel[1], pixel[0]);
        assertEquals(atPixel, Double.parseDouble(value.group(1)), 1e-5 + 1e-4 * Math.abs(atPixel), readout);
        assertTrue(view.getLastPreviewSeconds() > 0);
    }
}
