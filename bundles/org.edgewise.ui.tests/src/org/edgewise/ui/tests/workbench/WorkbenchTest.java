package org.edgewise.ui.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ImageCanvas;
import org.edgewise.ui.image.SliceView;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.jobs.OpenJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.tests.Demo;
import org.edgewise.ui.tests.Ui;
import org.edgewise.ui.views.DataView;
import org.edgewise.ui.views.ProjectionsView;
import org.edgewise.ui.views.VolumeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running workbench: its perspectives, File › Open Demo Dataset, the Data view, errors. */
class WorkbenchTest {

    @TempDir
    Path folder;

    private IDatasetRegistry registry;

    @BeforeEach
    void emptyRegistry() {
        registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
    }

    @AfterEach
    void clearRegistry() {
        registry.clear();
        Ui.drain();
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @Test
    void fourPerspectivesInPipelineOrderEachWithTheDataView() {
        List<String> labels = new ArrayList<>();
        for (String id : Perspectives.PIPELINE_ORDER) {
            IPerspectiveDescriptor perspective = PlatformUI.getWorkbench().getPerspectiveRegistry()
                    .findPerspectiveWithId(id);
            assertNotNull(perspective, id);
            labels.add(perspective.getLabel());
            page().setPerspective(perspective);
            Ui.drain();
            assertNotNull(page().findView(DataView.ID), "Data view in " + perspective.getLabel());
        }
        assertEquals(List.of("Alignment", "Reconstruction", "Segmentation", "Gradient Analysis"), labels);
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.RECONSTRUCTION));
        Ui.drain();
        assertNotNull(page().findView(VolumeView.ID));
        assertNotNull(page().findView(ProjectionsView.ID));
    }

    @Test
    void theDemoDatasetFillsTheDataViewAndTheProjectionsView() throws Exception {
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.ALIGNMENT));
        DemoJob demo = Demo.open(registry);
        assertEquals(6, demo.getOpened().size());

        DataView data = (DataView) page().findView(DataView.ID);
        Ui.waitUntil(() -> data.getViewer().getTree().getItemCount() == 6, "six scans in the Data view");
        TreeItem first = data.getViewer().getTree().getItem(0);
        assertEquals("scan_01_mn_below", first.getText(0));
        assertEquals("projections", first.getText(1));
        assertEquals("Mn", first.getText(2));
        assertEquals("below", first.getText(3));
        assertEquals("6.534", first.getText(4));
        assertEquals(Demo.ANGLES + " × " + Demo.SIZE + " × " + Demo.SIZE, first.getText(5));
        TreeItem last = data.getViewer().getTree().getItem(5);
        assertEquals("Ni", last.getText(2));
        assertEquals("above", last.getText(3));
        assertEquals("8.353", last.getText(4));
        assertTrue(last.getText(8).startsWith("scan_06_ni_above.h5"), last.getText(8));

        // select the Ni above-edge scan: the projections view shows it
        DatasetEntry niAbove = demo.getOpened().get(5);
        data.getViewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(niAbove), true);
        ProjectionsView projections = (ProjectionsView) page().findView(ProjectionsView.ID);
        SliceView view = projections.getProjectionViewer().getSliceView();
        Ui.waitUntil(() -> projections.getShown() == niAbove && !view.isRenderPending(), "the Ni scan");
        assertEquals(Demo.SIZE, view.getCanvas().getImageData().width);
        assertEquals(Demo.SIZE, view.getCanvas().getImageData().height);
        assertEquals(Demo.ANGLES / 2, view.getIndex(), "the middle projection");

        // the value under the pointer is the count in the file at that angle, row and column
        ImageCanvas canvas = view.getCanvas();
        Point point = canvas.screenPointOf(17, 25);
        Event move = new Event();
        move.x = point.x;
        move.y = point.y;
        canvas.notifyListeners(SWT.MouseMove, move);
        // a small view shows the image below one screen pixel per voxel: read the voxel the pointer is on
        int[] pixel = canvas.imagePixelAt(point.x, point.y);
        float counts = DataExchangeReader.readProjections(demo.getFolder().resolve("scan_06_ni_above.h5"), 22, 1)
                .getFloat(0, pixel[1], pixel[0]);
        String readout = projections.getProjectionViewer().getReadoutText();
        assertTrue(readout.contains("[22, " + pixel[1] + ", " + pixel[0] + "]"), readout);
        assertTrue(readout.endsWith(String.format(java.util.Locale.ROOT, "value %.1f counts", counts)), readout);
        assertTrue(readout.startsWith("column "), readout);

        // opening the same settings again reuses the files instead of simulating anew
        long modified = Files.getLastModifiedTime(demo.getFolder().resolve("truth.json")).toMillis();
        DemoJob again = Demo.open(registry);
        assertEquals(modified, Files.getLastModifiedTime(again.getFolder().resolve("truth.json")).toMillis());
        assertEquals(6, registry.entries().size(), "the same scans, replaced");
    }

    @Test
    void aBrokenFileIsReportedInADialogNamingTheFileAndTheProblem() throws Exception {
        Path broken = Files.writeString(folder.resolve("scan_07_co_above.h5"), "not an HDF5 file");
        AtomicReference<String> dialogText = new AtomicReference<>();
        // the test harness suppresses error dialogs; this test wants to see the one a user would see
        boolean automated = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = false;
        IStatus status;
        try {
            watchForDialog(dialogText);
            status = Ui.run(new OpenJob(broken, registry));
            Ui.waitUntil(() -> dialogText.get() != null, "the error dialog");
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
        }
        assertEquals(IStatus.ERROR, status.getSeverity());
        assertTrue(status.getMessage().startsWith("Could not open " + broken), status.getMessage());
        assertTrue(dialogText.get().contains("scan_07_co_above.h5"), dialogText.get());
        assertTrue(dialogText.get().contains("not a readable HDF5 file"), dialogText.get());
        assertTrue(registry.entries().isEmpty(), "nothing was added");
        // the Error Log (the platform log) keeps the details, with the exception
        Path log = Path.of(Platform.getLogFileLocation().toOSString());
        String logged = Files.readString(log);
        assertTrue(logged.contains("Could not open " + broken) && logged.contains("DataFileException"),
                "logged with the exception in " + log);
    }

    /** Closes the first dialog that opens (within the time-out) and keeps the text of its labels. */
    private static void watchForDialog(AtomicReference<String> text) {
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        long deadline = System.currentTimeMillis() + Ui.TIMEOUT_MS;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (System.currentTimeMillis() > deadline) {
                return;
            }
            for (Shell shell : Ui.display().getShells()) {
                if (shell != workbench && shell.isVisible() && !shell.isDisposed()) {
                    StringBuilder all = new StringBuilder(shell.getText());
                    collect(shell, all);
                    text.set(all.toString());
                    shell.close();
                    return;
                }
            }
            Ui.display().timerExec(50, check[0]);
        };
        Ui.display().timerExec(50, check[0]);
    }

    private static void collect(Control control, StringBuilder text) {
        if (control instanceof Label label) {
            text.append('\n').append(label.getText());
        } else if (control instanceof Text field) {
            text.append('\n').append(field.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, text);
            }
        }
    }
}
