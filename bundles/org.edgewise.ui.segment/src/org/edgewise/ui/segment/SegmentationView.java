package org.edgewise.ui.segment;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.DataKind;
import org.edgewise.segment.Thresholds;
import org.edgewise.segment.stages.ParticlesModel;
import org.edgewise.segment.stages.ParticlesStage;
import org.edgewise.segment.stages.ThresholdModel;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.forms.ParameterForm;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.image.Histogram;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.views.DatasetTracker;
import org.edgewise.ui.views.ScrolledPanel;

/**
 * The segmentation parameters in a form generated from the stage's parameter record, the histogram of the selected
 * volume with the threshold in use (Otsu's, computed as the stage computes it, or the manual one), and the
 * segmentation itself as a job through the same workflow as {@code edgewise segment}.
 */
public final class SegmentationView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.segment.views.segmentation";

    /** Name of the threshold marker on the histogram. */
    public static final String THRESHOLD = "threshold";

    private ParameterForm<ParticlesModel> form;
    private Button segmentButton;
    private Label status;
    private Chart histogram;
    private DatasetTracker tracker;
    private DatasetEntry volume;
    private volatile double otsu = Double.NaN;
    private volatile boolean histogramPending;
    private SegmentJob running;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite top = ScrolledPanel.create(sash);
        top.setLayout(new GridLayout(1, false));
        Group parameters = new Group(top, SWT.NONE);
        parameters.setText("Segmentation (" + ParticlesStage.ID + ")");
        parameters.setLayout(new FillLayout());
        parameters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form = new ParameterForm<>(parameters, ParticlesModel.class);
        form.addChangeListener(model -> markThreshold());
        segmentButton = new Button(top, SWT.PUSH);
        segmentButton.setText("Segment");
        segmentButton.addListener(SWT.Selection, event -> segment());
        status = new Label(top, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        histogram = DatasetCharts.createLineChart(sash, "Histogram", "Value", "", "Voxels (log scale)", null);
        sash.setWeights(2, 1);
        ScrolledPanel.update(top);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                SegmentationView::isSegmentable, this::show);
    }

    /** @return true for a volume one would segment: attenuation (not a depth map or an elemental fraction) */
    static boolean isSegmentable(DatasetEntry entry) {
        String name = entry.name().toLowerCase(Locale.ROOT);
        return entry.kind() == DataKind.VOLUME && !name.endsWith("depth") && !name.startsWith("fraction");
    }

    private void show(DatasetEntry entry) {
        if (histogram.isDisposed()) {
            return;
        }
        volume = entry;
        otsu = Double.NaN;
        DatasetCharts.clear(histogram);
        if (entry == null) {
            setContentDescription("Reconstruct a volume, or open a volumes.h5");
            return;
        }
        setContentDescription("Volume: " + entry.name() + " (" + entry.shapeText() + ")");
        histogram.getTitle().setText("Histogram of " + entry.name());
        DatasetCharts.xAxis(histogram).getTitle().setText(DatasetCharts.axisTitle("Value", entry.valueUnit()));
        histogramPending = true;
        Job job = Job.create("Histogram of " + entry.name(), (IProgressMonitor monitor) -> {
            try {
                float[] values = FlatArrays.floatsReadOnly(DatasetUtils.sliceAndConvertLazyDataset(entry.data()));
                Histogram counts = Histogram.of(values, Thresholds.BINS);
                double threshold = Thresholds.otsu(values);
                histogram.getDisplay().asyncExec(() -> drawHistogram(entry, counts, threshold));
                return Status.OK_STATUS;
            } catch (DatasetException | RuntimeException e) {
                IStatus error = ErrorReporter.status("Cannot histogram " + entry.name(), e);
                histogram.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        histogramPending = false;
                        status.setText(error.getMessage());
                    }
                });
                return error;
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void drawHistogram(DatasetEntry entry, Histogram counts, double threshold) {
        if (histogram.isDisposed() || entry != volume) {
            return;
        }
        histogramPending = false;
        otsu = threshold;
        double[] x = new double[counts.bins()];
        double[] y = new double[counts.bins()];
        long[] perBin = counts.counts();
        for (int b = 0; b < x.length; b++) {
            x[b] = counts.binCentre(b);
            y[b] = Math.log10(1 + perBin[b]);
        }
        DatasetCharts.clear(histogram);
        ILineSeries series = DatasetCharts.addLineSeries(histogram, "log10(1 + voxels)",
                DatasetFactory.createFromObject(x), DatasetFactory.createFromObject(y));
        series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        series.enableArea(true);
        markThreshold();
    }

    /** Puts the marker at the threshold the stage will use: Otsu's, or the form's manual value. */
    private void markThreshold() {
        if (histogram.isDisposed() || Double.isNaN(otsu)) {
            return;
        }
        form.validModel().ifPresent(model -> {
            double threshold = model.method() == ThresholdModel.Method.MANUAL ? model.threshold() : otsu;
            DatasetCharts.setMarker(histogram, THRESHOLD, threshold, 0xaa0000);
            status.setText(String.format(Locale.ROOT, "Threshold %.5g %s (%s)", threshold, volume.valueUnit(),
                    model.method() == ThresholdModel.Method.MANUAL ? "manual" : "Otsu"));
        });
    }

    private void segment() {
        ParticlesModel model = form.validModel().orElse(null);
        if (model == null) {
            status.setText(form.getError());
            return;
        }
        if (volume == null) {
            status.setText("Select a volume to segment in the Data view.");
            return;
        }
        startSegmentation(volume, model);
    }

    /**
     * Starts the segmentation as a job, as the Segment button does.
     *
     * @param target the volume
     * @param model  the parameters
     * @return the scheduled job
     */
    public SegmentJob startSegmentation(DatasetEntry target, ParticlesModel model) {
        running = new SegmentJob(target, model, getSite().getService(IDatasetRegistry.class));
        segmentButton.setEnabled(false);
        running.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        segmentButton.setEnabled(true);
                        status.setText(event.getResult().isOK() ? "Segmented; results in "
                                + ((SegmentJob) event.getJob()).getRunFolder() : event.getResult().getMessage());
                    }
                });
            }
        });
        running.schedule();
        return running;
    }

    /** @return the parameter form */
    public ParameterForm<ParticlesModel> getForm() {
        return form;
    }

    /** @return the histogram chart */
    public Chart getHistogram() {
        return histogram;
    }

    /** @return Otsu's threshold of the shown volume, NaN until it is known */
    public double getOtsuThreshold() {
        return otsu;
    }

    /** @return true while the histogram is being computed */
    public boolean isHistogramPending() {
        return histogramPending;
    }

    /** @return the volume shown, or {@code null} */
    public DatasetEntry getVolume() {
        return volume;
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
        super.dispose();
    }
}
