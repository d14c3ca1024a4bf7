package org.edgewise.ui.gradient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.gradient.stages.MetricsStage;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.IDatasetRegistryListener;
import org.edgewise.ui.forms.ParameterForm;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.views.DatasetTracker;
import org.edgewise.ui.views.ScrolledPanel;

/**
 * Runs the gradient analysis on the six reconstructions as a job, and holds the comparison region: the Table-1 depth
 * windows in a form generated from the metrics stage's parameter record. A change of the windows recomputes the
 * metrics in place from the depth profiles already computed (the metrics stage on the profile table, no new
 * analysis); the metrics table and the profile markers follow.
 */
public final class GradientAnalysisView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.analysis";
    /** The stage that computes Table 1 from a profile table. */
    public static final String METRICS_STAGE = "edgewise.gradient.metrics";

    private IDatasetRegistry registry;
    private Label inputs;
    private Button analyzeButton;
    private ParameterForm<MetricsModel> form;
    private Label status;
    private DatasetTracker tracker;
    private DatasetEntry profiles;
    private AnalyzeJob running;
    private final IDatasetRegistryListener volumesChanged = event -> {
        if (inputs != null && !inputs.isDisposed()) {
            inputs.getDisplay().asyncExec(this::listInputs);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        registry = getSite().getService(IDatasetRegistry.class);
        parent.setLayout(new FillLayout());
        Composite top = ScrolledPanel.create(parent);
        top.setLayout(new GridLayout(1, false));
        Group analysis = new Group(top, SWT.NONE);
        analysis.setText("Gradient analysis (edgewise analyze)");
        analysis.setLayout(new GridLayout(1, false));
        analysis.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        inputs = new Label(analysis, SWT.WRAP);
        inputs.setLayoutData(wrapping());
        analyzeButton = new Button(analysis, SWT.PUSH);
        analyzeButton.setText("Analyze");
        analyzeButton.setToolTipText("Register Mn and Co to the Ni grid, find the particles and their hull depth, and"
                + " compute depth profiles and Table 1 from the latest reconstruction of each scan");
        analyzeButton.addListener(SWT.Selection, event -> analyze());
        Group windows = new Group(top, SWT.NONE);
        windows.setText("Comparison region (" + METRICS_STAGE + ")");
        windows.setLayout(new FillLayout());
        windows.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form = new ParameterForm<>(windows, MetricsModel.class);
        form.setModel(GradientWindows.defaults());
        form.addChangeListener(this::recompute);
        status = new Label(top, SWT.WRAP);
        status.setLayoutData(wrapping());
        ScrolledPanel.update(top);
        registry.addListener(volumesChanged);
        listInputs();
        tracker = new DatasetTracker(getSite(), registry, GradientTables::canRecomputeMetrics,
                entry -> profiles = entry);
    }

    private void setStatus(String text) {
        status.setText(text);
        status.getParent().layout(true, true);
        ScrolledPanel.update(status.getParent());
    }

    /** @return layout data of a label that wraps at the view's width instead of widening the panel */
    private static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 160;
        return data;
    }

    private void listInputs() {
        if (inputs.isDisposed()) {
            return;
        }
        List<DatasetEntry> volumes = AnalyzeJob.latestReconstructions(registry.entries());
        inputs.setText(volumes.size() == 6 ? "Volumes: " + String.join(", ", volumes.stream()
                .map(DatasetEntry::name).toList())
                : "Reconstruct the six scans (Reconstruction perspective) or open a volumes.h5: " + volumes.size()
                        + " of 6 volumes open");
        inputs.getParent().getParent().layout(true, true);
        ScrolledPanel.update(inputs.getParent().getParent());
    }

    private void analyze() {
        MetricsModel windows = form.validModel().orElse(null);
        if (windows == null) {
            setStatus(form.getError());
            return;
        }
        startAnalysis(AnalyzeJob.latestReconstructions(registry.entries()), windows);
    }

    /**
     * Starts the analysis as a job, as the Analyze button does.
     *
     * @param volumes the six reconstructions
     * @param windows the Table-1 windows
     * @return the scheduled job
     */
    public AnalyzeJob startAnalysis(List<DatasetEntry> volumes, MetricsModel windows) {
        running = new AnalyzeJob(volumes, windows, registry);
        analyzeButton.setEnabled(false);
        setStatus("Analysing …");
        running.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        analyzeButton.setEnabled(true);
                        AnalyzeJob job = (AnalyzeJob) event.getJob();
                        setStatus(event.getResult().isOK() ? String.format(Locale.ROOT,
                                "Analysed: %d particles in %.0f s; results in %s%s",
                                job.getAnalysis().particles().size(), job.getAnalysis().seconds(),
                                job.getRunFolder(), job.getAnalysis().warnings().isEmpty() ? ""
                                        : "\nWarning: " + String.join("\nWarning: ", job.getAnalysis().warnings()))
                                : event.getResult().getMessage());
                    }
                });
            }
        });
        running.schedule();
        return running;
    }

    /**
     * Recomputes Table 1 of the shown profiles with other windows, in place: the metrics stage on the profile table;
     * the result replaces the metrics table that belongs to those profiles.
     *
     * @param windows the depth windows
     */
    private void recompute(MetricsModel windows) {
        DatasetEntry source = profiles;
        if (source == null) {
            return;
        }
        try {
            Dataset table = GradientTables.table(source);
            Dataset metrics = new MetricsStage().apply(StageInput.of("profiles", table), windows, new IMonitor.Stub())
                    .get("metrics");
            Map<String, Object> parameters = Parameters.toMap(windows);
            registry.put(new DatasetEntry(GradientTables.metricsId(source), "metrics", source.kind(), metrics, null,
                    Double.NaN, Double.NaN, source.valueUnit(),
                    new DatasetEntry.Derivation(METRICS_STAGE, parameters, List.of(source.id()))));
            setStatus(String.format(Locale.ROOT, "Table 1 recomputed: edge %.3f–%.3f µm, core %.3f–%.3f µm,"
                    + " region %.3f–%.3f µm", windows.edgeFromUm(), windows.edgeToUm(), windows.coreFromUm(),
                    windows.coreToUm(), windows.regionFromUm(), windows.regionToUm()));
        } catch (DatasetException | StageException | RuntimeException e) {
            setStatus(ErrorReporter.status("Cannot recompute Table 1 of " + source.name(), e).getMessage());
        }
    }

    /** @return the Table-1 windows form */
    public ParameterForm<MetricsModel> getForm() {
        return form;
    }

    /** @return the analysis started last from this view, or {@code null} */
    public AnalyzeJob getLastJob() {
        return running;
    }

    /** @return the status line */
    public String getStatus() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        analyzeButton.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        if (registry != null) {
            registry.removeListener(volumesChanged);
        }
        super.dispose();
    }
}
