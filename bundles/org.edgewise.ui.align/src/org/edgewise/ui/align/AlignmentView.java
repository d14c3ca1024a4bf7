package org.edgewise.ui.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
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
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetRegistryEvent;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.IDatasetRegistryListener;
import org.edgewise.ui.forms.ParameterForm;
import org.edgewise.ui.plot.DatasetCharts;
import org.edgewise.ui.views.DatasetTracker;
import org.edgewise.ui.views.ScrolledPanel;

/**
 * Runs the alignment on the open scans and shows its evidence: the selected scan's shifts against angle, its
 * rotation centre with the uncertainty, and the registration of every energy pair with its residual. The parameters
 * come in a form generated from the stage's parameter record.
 */
public final class AlignmentView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.align.views.alignment";

    /** Pair table column titles. */
    public static final List<String> PAIR_COLUMNS = List.of("Registration", "Shift rows (px)", "Shift columns (px)",
            "Scale", "Residual");

    private ParameterForm<AlignModel> form;
    private Button alignButton;
    private Label status;
    private Label centre;
    private Chart shifts;
    private TableViewer pairs;
    private IDatasetRegistry registry;
    private DatasetTracker tracker;
    private final IDatasetRegistryListener registryListener = this::registryChanged;
    private AlignJob running;
    private DatasetEntry table;

    @Override
    public void createPartControl(Composite parent) {
        registry = getSite().getService(IDatasetRegistry.class);
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite top = ScrolledPanel.create(sash);
        top.setLayout(new GridLayout(1, false));
        Group parameters = new Group(top, SWT.NONE);
        parameters.setText("Alignment (" + AlignStage.ID + ")");
        parameters.setLayout(new FillLayout());
        parameters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form = new ParameterForm<>(parameters, AlignModel.class);
        // the button and its status on one row, so that the chart below keeps its height
        Composite run = new Composite(top, SWT.NONE);
        run.setLayout(new GridLayout(2, false));
        run.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        alignButton = new Button(run, SWT.PUSH);
        alignButton.setText("Align the open scans");
        alignButton.setToolTipText("Normalise, align each scan (jitter, rotation centre) and register every energy"
                + " pair, as 'edgewise align' does");
        alignButton.addListener(SWT.Selection, event -> align());
        status = new Label(run, SWT.WRAP);
        status.setLayoutData(wrapping());
        centre = new Label(top, SWT.WRAP);
        centre.setLayoutData(wrapping());
        shifts = DatasetCharts.createLineChart(sash, "Shifts against angle", "Projection angle", "°", "Shift", "px");
        pairs = new TableViewer(sash, SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        pairs.getTable().setHeaderVisible(true);
        pairs.getTable().setLinesVisible(true);
        int[] widths = { 250, 95, 110, 75, 70 };
        for (int i = 0; i < PAIR_COLUMNS.size(); i++) {
            TableViewerColumn column = new TableViewerColumn(pairs, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.getColumn().setText(PAIR_COLUMNS.get(i));
            column.getColumn().setWidth(widths[i]);
            int index = i;
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((String[]) element)[index];
                }
            });
        }
        pairs.setContentProvider(ArrayContentProvider.getInstance());
        sash.setWeights(10, 8, 3);
        ScrolledPanel.update(top);
        registry.addListener(registryListener);
        tracker = new DatasetTracker(getSite(), registry, isScan().or(AlignmentView::isAlignmentTable), this::show);
        showPairs();
    }

    private static Predicate<DatasetEntry> isScan() {
        return entry -> entry.kind() == DataKind.PROJECTIONS && entry.origin() instanceof DatasetEntry.FileOrigin;
    }

    /** @return true for an alignment table (shifts against angle) */
    static boolean isAlignmentTable(DatasetEntry entry) {
        return columns(entry).containsAll(List.of(AlignmentTables.ANGLE_DEG, AlignmentTables.SHIFT_COL_PX));
    }

    private static boolean isRegistrationTable(DatasetEntry entry) {
        return columns(entry).containsAll(List.of(AlignmentTables.SCALE, AlignmentTables.RESIDUAL,
                AlignmentTables.SHIFT_COL_PX)) && !columns(entry).contains(AlignmentTables.SHIFT_Z_PX);
    }

    private static List<String> columns(DatasetEntry entry) {
        TableMetadata metadata = entry.kind() == DataKind.TABLE ? entry.data().getFirstMetadata(TableMetadata.class)
                : null;
        return metadata == null ? List.of() : metadata.names();
    }

    private void align() {
        List<DatasetEntry> scans = registry.entries().stream().filter(isScan())
                .filter(entry -> "counts".equals(entry.valueUnit())).toList();
        if (scans.isEmpty()) {
            status.setText("Open a folder of scans (or the demo dataset) first.");
            return;
        }
        AlignModel model = form.validModel().orElse(null);
        if (model == null) {
            status.setText(form.getError());
            return;
        }
        running = new AlignJob(scans, model, registry);
        alignButton.setEnabled(false);
        status.setText("Aligning " + scans.size() + " scans …");
        running.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        alignButton.setEnabled(true);
                        status.setText(event.getResult().isOK() ? "Aligned; results in "
                                + ((AlignJob) event.getJob()).getRunFolder()
                                : event.getResult().getMessage());
                        status.getParent().getParent().layout(true, true);
                        ScrolledPanel.update(status.getParent().getParent());
                    }
                });
            }
        });
        running.schedule();
    }

    /** @return the job started by the button, or {@code null} */
    public AlignJob getJob() {
        return running;
    }

    private void show(DatasetEntry entry) {
        if (shifts.isDisposed()) {
            return;
        }
        table = entry == null ? null
                : isAlignmentTable(entry) ? entry
                        : registry.find(AlignJob.derivedId(entry, AlignJob.ALIGNMENT)).orElse(null);
        DatasetCharts.clear(shifts);
        if (table == null) {
            centre.setText(entry == null ? "" : entry.name() + " is not aligned yet.");
            shifts.redraw();
            return;
        }
        try {
            Dataset values = DatasetUtils.sliceAndConvertLazyDataset(table.data());
            double[] angles = Tables.column(values, AlignmentTables.ANGLE_DEG);
            series("row shift", angles, Tables.column(values, AlignmentTables.SHIFT_ROW_PX), 0x1f77b4);
            series("column shift", angles, Tables.column(values, AlignmentTables.SHIFT_COL_PX), 0xd62728);
            shifts.getTitle().setText("Shifts against angle: " + table.name());
            double centrePx = Tables.get(values, 0, AlignmentTables.ROTATION_CENTER_PX);
            double uncertainty = Tables.get(values, 0, AlignmentTables.ROTATION_CENTER_UNCERTAINTY_PX);
            centre.setText(String.format(Locale.ROOT, "%s: rotation centre %.3f ± %.3f px (column, 0-based)",
                    table.name(), centrePx, uncertainty));
            centre.getParent().layout(true, true);
            ScrolledPanel.update(centre.getParent());
        } catch (DatasetException | RuntimeException e) {
            centre.setText("Cannot read " + table.name() + ": " + e.getMessage());
        }
        shifts.getAxisSet().adjustRange();
        shifts.redraw();
        centre.getParent().layout(true);
    }

    private void series(String id, double[] angles, double[] values, int rgb) {
        ILineSeries series = DatasetCharts.addLineSeries(shifts, id, DatasetFactory.createFromObject(angles),
                DatasetFactory.createFromObject(values));
        series.setLineColor(new Color(shifts.getDisplay(), (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
        series.setSymbolType(ILineSeries.PlotSymbolType.CIRCLE);
        series.setSymbolSize(2);
    }

    private void showPairs() {
        List<String[]> rows = new ArrayList<>();
        for (DatasetEntry entry : registry.entries()) {
            if (!isRegistrationTable(entry)) {
                continue;
            }
            try {
                Dataset values = DatasetUtils.sliceAndConvertLazyDataset(entry.data());
                rows.add(new String[] { entry.name(),
                    String.format(Locale.ROOT, "%.3f", Tables.get(values, 0, AlignmentTables.SHIFT_ROW_PX)),
                    String.format(Locale.ROOT, "%.3f", Tables.get(values, 0, AlignmentTables.SHIFT_COL_PX)),
                    String.format(Locale.ROOT, "%.5f", Tables.get(values, 0, AlignmentTables.SCALE)),
                    String.format(Locale.ROOT, "%.4f", Tables.get(values, 0, AlignmentTables.RESIDUAL)) });
            } catch (DatasetException | RuntimeException e) {
                rows.add(new String[] { entry.name() + ": " + e.getMessage(), "", "", "", "" });
            }
        }
        pairs.setInput(rows);
    }

    private void registryChanged(DatasetRegistryEvent event) {
        pairs.getControl().getDisplay().asyncExec(() -> {
            if (!pairs.getControl().isDisposed()) {
                showPairs();
                if (tracker != null && tracker.shown() != null) {
                    show(tracker.shown());
                }
            }
        });
    }

    /** @return the parameter form */
    public ParameterForm<AlignModel> getForm() {
        return form;
    }

    /** @return the shift chart */
    public Chart getShiftChart() {
        return shifts;
    }

    /** @return the line with the rotation centre and its uncertainty */
    public String getCentreText() {
        return centre.getText();
    }

    /** @return the pair registrations table */
    public TableViewer getPairTable() {
        return pairs;
    }

    /** @return the alignment table shown, or {@code null} */
    public DatasetEntry getAlignmentTable() {
        return table;
    }

    /** @return layout data of a label that wraps at the view's width instead of widening the panel */
    private static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 160;
        return data;
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
        registry.removeListener(registryListener);
        super.dispose();
    }
}
