package org.edgewise.ui.recon;

import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.recon.stages.ReconstructModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.forms.ParameterForm;
import org.edgewise.ui.image.ImageViewer;
import org.edgewise.ui.image.StackAxes;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.jobs.MonitorAdapter;
import org.edgewise.ui.views.DatasetDisplay;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The reconstruction parameters in a form generated from the stage's parameter record, and a preview slice of the
 * selected scan that follows every change of the centre, filter or method (and of the previewed row).
 */
public final class ReconstructionView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.recon.views.reconstruction";

    private ParameterForm<ReconstructModel> form;
    private ImageViewer preview;
    private Scale row;
    private Label rowLabel;
    private Label status;
    private DatasetTracker tracker;
    private DatasetEntry scan;
    private ReconstructionPreview source;
    private DatasetEntry sourceEntry;
    private Job previewJob;
    private volatile long previewsRequested;
    private volatile long previewsShown;
    private volatile double lastPreviewSeconds = Double.NaN;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        Group parameters = new Group(left, SWT.NONE);
        parameters.setText("Reconstruction (edgewise.recon.reconstruct)");
        parameters.setLayout(new FillLayout());
        parameters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form = new ParameterForm<>(parameters, ReconstructModel.class);
        form.addChangeListener(model -> requestPreview());
        Composite rowArea = new Composite(left, SWT.NONE);
        rowArea.setLayout(new GridLayout(2, false));
        rowArea.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        rowLabel = new Label(rowArea, SWT.NONE);
        rowLabel.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        row = new Scale(rowArea, SWT.HORIZONTAL);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        row.addListener(SWT.Selection, event -> requestPreview());
        status = new Label(left, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        preview = new ImageViewer(sash, SWT.NONE);
        sash.setWeights(2, 3);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                Set.of(DataKind.PROJECTIONS), this::show);
    }

    private void show(DatasetEntry entry) {
        if (row.isDisposed()) {
            return;
        }
        scan = entry;
        if (entry == null) {
            preview.clear();
            row.setEnabled(false);
            rowLabel.setText("Preview row");
            setContentDescription("Select a scan in the Data view for a preview");
            return;
        }
        int rows = entry.data().getShape()[1];
        row.setEnabled(true);
        row.setMinimum(0);
        row.setMaximum(rows - 1);
        row.setPageIncrement(Math.max(1, rows / 16));
        row.setSelection(rows / 2);
        setContentDescription("Preview: " + DatasetDisplay.describe(entry));
        requestPreview();
    }

    /** Reconstructs the previewed row again off the display thread; a newer request cancels an older one. */
    private void requestPreview() {
        DatasetEntry entry = scan;
        ReconstructModel model = form.validModel().orElse(null);
        if (entry == null || model == null || row.isDisposed()) {
            return;
        }
        int rowIndex = row.getSelection();
        rowLabel.setText(String.format(Locale.ROOT, "Preview row %d", rowIndex));
        long request = ++previewsRequested;
        if (previewJob != null) {
            previewJob.cancel();
        }
        previewJob = Job.create("Preview of " + entry.name() + " row " + rowIndex, (IProgressMonitor monitor) -> {
            long start = System.nanoTime();
            try {
                ReconstructionPreview from = sourceFor(entry);
                Dataset slice = from.slice(rowIndex, model, new MonitorAdapter(monitor));
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                preview.getDisplay().asyncExec(() -> shown(request, entry, slice, seconds));
                return Status.OK_STATUS;
            } catch (Exception e) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                IStatus error = ErrorReporter.status("Preview of " + entry.name() + " failed", e);
                preview.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText(error.getMessage());
                        previewsShown = request;
                    }
                });
                return error;
            }
        });
        previewJob.setSystem(true);
        previewJob.schedule();
    }

    private synchronized ReconstructionPreview sourceFor(DatasetEntry entry) throws java.io.IOException {
        if (source == null || sourceEntry != entry) {
            source = ReconstructionPreview.of(entry);
            sourceEntry = entry;
        }
        return source;
    }

    private void shown(long request, DatasetEntry entry, Dataset slice, double seconds) {
        if (preview.isDisposed() || request < previewsShown || entry != scan) {
            return;
        }
        previewsShown = request;
        lastPreviewSeconds = seconds;
        double voxelUm = PhysicalMetadata.find(slice).map(PhysicalMetadata::pixelSizeUm).orElse(entry.pixelSizeUm());
        preview.setStack(slice, StackAxes.volume(voxelUm, "1/µm"), 0);
        status.setText(String.format(Locale.ROOT, "Preview of row %d: %.2f s", row.getSelection(), seconds));
    }

    /** @return the scan previewed, or {@code null} */
    public DatasetEntry getScan() {
        return scan;
    }

    /** @return the parameter form */
    public ParameterForm<ReconstructModel> getForm() {
        return form;
    }

    /** @return the preview image */
    public ImageViewer getPreview() {
        return preview;
    }

    /** @return the previewed detector row */
    public Scale getRowScale() {
        return row;
    }

    /** @return true while a requested preview has not been shown (or failed) */
    public boolean isPreviewPending() {
        return previewsShown < previewsRequested || preview.getSliceView().isRenderPending();
    }

    /** @return seconds the last preview took to compute (reading the row, normalising, reconstructing) */
    public double getLastPreviewSeconds() {
        return lastPreviewSeconds;
    }

    @Override
    public void setFocus() {
        form.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        if (previewJob != null) {
            previewJob.cancel();
        }
        super.dispose();
    }
}
