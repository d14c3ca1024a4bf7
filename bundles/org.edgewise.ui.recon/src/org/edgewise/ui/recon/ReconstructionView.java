package org.edgewise.ui.recon;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
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
import org.edgewise.ui.views.ScrolledPanel;
import org.edgewise.workflow.ReconstructWorkflow;

/**
 * The reconstruction parameters in a form generated from the stage's parameter record, a preview slice of the
 * selected scan that follows every change of the centre, filter or method (and of the previewed row), and the full
 * reconstruction of that scan or of every open scan as a job, through the same workflow as
 * {@code edgewise reconstruct}.
 */
public final class ReconstructionView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.recon.views.reconstruction";

    private ParameterForm<ReconstructModel> form;
    private ImageViewer preview;
    private Scale row;
    private Label rowLabel;
    private Label status;
    private Button automaticCentre;
    private Button registerPairs;
    private Button allScans;
    private Button reconstructButton;
    private ReconstructJob running;
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
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite left = ScrolledPanel.create(sash);
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
        Group run = new Group(left, SWT.NONE);
        run.setText("Full reconstruction");
        run.setLayout(new GridLayout(1, false));
        run.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        automaticCentre = new Button(run, SWT.CHECK);
        automaticCentre.setText("Automatic centre: align the scans first (else the form's centre)");
        registerPairs = new Button(run, SWT.CHECK);
        registerPairs.setText("Register each energy pair on one grid");
        registerPairs.setSelection(true);
        allScans = new Button(run, SWT.CHECK);
        allScans.setText("All open scans (else the previewed scan)");
        reconstructButton = new Button(run, SWT.PUSH);
        reconstructButton.setText("Reconstruct");
        reconstructButton.addListener(SWT.Selection, event -> reconstruct());
        status = new Label(left, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        preview = new ImageViewer(sash, SWT.NONE);
        sash.setWeights(1, 1);
        ScrolledPanel.update(left);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                entry -> entry.kind() == DataKind.PROJECTIONS && entry.origin() instanceof DatasetEntry.FileOrigin,
                this::show);
    }

    private void reconstruct() {
        ReconstructModel model = form.validModel().orElse(null);
        if (model == null) {
            status.setText(form.getError());
            return;
        }
        List<DatasetEntry> scans = allScans.getSelection()
                ? getSite().getService(IDatasetRegistry.class).entries().stream()
                        .filter(entry -> entry.kind() == DataKind.PROJECTIONS && "counts".equals(entry.valueUnit())
                                && entry.origin() instanceof DatasetEntry.FileOrigin).toList()
                : scan == null ? List.of() : List.of(scan);
        if (scans.isEmpty()) {
            status.setText("Open scans (or the demo dataset) first.");
            return;
        }
        ReconstructWorkflow.Centre centre = automaticCentre.getSelection() ? ReconstructWorkflow.Centre.auto()
                : ReconstructWorkflow.Centre.column((scans.get(0).data().getShape()[2] - 1) / 2.0
                        + model.centerOffsetPx());
        startReconstruction(scans, centre, registerPairs.getSelection(), model);
    }

    /**
     * Starts the full reconstruction as a job, as the Reconstruct button does.
     *
     * @param scans    the scans
     * @param centre   the rotation axis
     * @param register register energy pairs (automatic centre only)
     * @param model    the parameters
     * @return the scheduled job
     */
    public ReconstructJob startReconstruction(List<DatasetEntry> scans, ReconstructWorkflow.Centre centre,
            boolean register, ReconstructModel model) {
        running = new ReconstructJob(scans, centre, register, model, getSite().getService(IDatasetRegistry.class));
        reconstructButton.setEnabled(false);
        status.setText("Reconstructing " + scans.size() + (scans.size() == 1 ? " scan" : " scans") + " …");
        running.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        reconstructButton.setEnabled(true);
                        status.setText(event.getResult().isOK() ? "Reconstructed; results in "
                                + ((ReconstructJob) event.getJob()).getRunFolder() : event.getResult().getMessage());
                    }
                });
            }
        });
        running.schedule();
        return running;
    }

    /** @return the last job started, or {@code null} */
    public ReconstructJob getJob() {
        return running;
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
