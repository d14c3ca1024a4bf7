package org.edgewise.ui.gradient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.CsvTable;
import org.edgewise.ui.data.CsvTables;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The paper's Table 1 per particle and element: the value at the edge and core points of the comparison region with
 * their 99 % confidence half-widths, the core − edge difference, the maximum and the max − min difference, for the
 * ratio and the calibrated fraction. Exports as CSV.
 */
public final class MetricsView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.gradient.views.metrics";

    /** Column titles, in order. */
    public static final List<String> COLUMNS = List.of("Particle", "Element", "Quantity", "Edge (µm)", "Edge",
            "Core (µm)", "Core", "Core − edge", "Max (µm)", "Max", "Max − min");

    /** One row of the table, read by column name. */
    record Row(int particle, Element element, GradientTables.Quantity quantity, double edgeDepthUm, double edgeValue,
            double edgeCi, double coreDepthUm, double coreValue, double coreCi, double coreMinusEdge,
            double maxDepthUm, double maxValue, double maxCi, double maxMinusMin) {
    }

    private TableViewer viewer;
    private DatasetTracker tracker;
    private List<Row> rows = List.of();

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        int[] widths = { 70, 70, 80, 90, 130, 90, 130, 100, 90, 130, 90 };
        for (int i = 0; i < COLUMNS.size(); i++) {
            TableViewerColumn column = new TableViewerColumn(viewer, i < 3 ? SWT.LEFT : SWT.RIGHT);
            column.getColumn().setText(COLUMNS.get(i));
            column.getColumn().setWidth(widths[i]);
            int index = i;
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text((Row) element, index);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Action export = new Action("Export CSV…") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
                dialog.setFilterExtensions(new String[] { "*.csv" });
                dialog.setFileName("metrics.csv");
                dialog.setOverwrite(true);
                String chosen = dialog.open();
                if (chosen != null) {
                    try {
                        exportCsv(Path.of(chosen));
                    } catch (IOException e) {
                        ErrorReporter.report("Could not write " + chosen, e);
                    }
                }
            }
        };
        getViewSite().getActionBars().getToolBarManager().add(export);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                GradientTables::isMetricsTable, this::show);
    }

    /**
     * @param row    a row
     * @param column index into {@link #COLUMNS}
     * @return the cell's text; values with their 99 % half-width, {@code 0.512 ± 0.004}
     */
    static String text(Row row, int column) {
        return switch (column) {
        case 0 -> Integer.toString(row.particle());
        case 1 -> row.element().symbol();
        case 2 -> row.quantity().column();
        case 3 -> depth(row.edgeDepthUm());
        case 4 -> withCi(row.edgeValue(), row.edgeCi());
        case 5 -> depth(row.coreDepthUm());
        case 6 -> withCi(row.coreValue(), row.coreCi());
        case 7 -> String.format(Locale.ROOT, "%.4f", row.coreMinusEdge());
        case 8 -> depth(row.maxDepthUm());
        case 9 -> withCi(row.maxValue(), row.maxCi());
        case 10 -> String.format(Locale.ROOT, "%.4f", row.maxMinusMin());
        default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    private static String depth(double um) {
        return String.format(Locale.ROOT, "%.3f", um);
    }

    private static String withCi(double value, double ci) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", value, ci);
    }

    private void show(DatasetEntry entry) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        List<Row> read = new ArrayList<>();
        if (entry != null) {
            try {
                Dataset table = GradientTables.table(entry);
                for (int r = 0; r < Tables.rows(table); r++) {
                    int z = (int) Math.round(Tables.get(table, r, CsvTables.ELEMENT_Z));
                    Element element = java.util.Arrays.stream(Element.values()).filter(e -> e.atomicNumber() == z)
                            .findFirst().orElse(null);
                    if (element == null) {
                        continue;
                    }
                    read.add(new Row((int) Math.round(Tables.get(table, r, "particle")), element,
                            Tables.get(table, r, "quantity") == CsvTables.FRACTION ? GradientTables.Quantity.FRACTION
                                    : GradientTables.Quantity.RATIO,
                            Tables.get(table, r, "edge_depth_um"), Tables.get(table, r, "edge_value"),
                            Tables.get(table, r, "edge_ci"), Tables.get(table, r, "core_depth_um"),
                            Tables.get(table, r, "core_value"), Tables.get(table, r, "core_ci"),
                            Tables.get(table, r, "d_core_edge"), Tables.get(table, r, "max_depth_um"),
                            Tables.get(table, r, "max_value"), Tables.get(table, r, "max_ci"),
                            Tables.get(table, r, "d_max_min")));
                }
                setContentDescription(entry.name() + ": Table 1, 99 % confidence half-widths");
            } catch (DatasetException | RuntimeException e) {
                setContentDescription(ErrorReporter.status("Cannot read " + entry.name(), e).getMessage());
            }
        } else {
            setContentDescription("Run the gradient analysis, or open an analysis folder");
        }
        rows = List.copyOf(read);
        viewer.setInput(rows);
    }

    /**
     * @param file the CSV to write, with the columns of {@code metrics.csv}
     * @throws IOException if it cannot be written
     */
    public void exportCsv(Path file) throws IOException {
        CsvTable csv = new CsvTable("particle", "element", "quantity", "edge_depth_um", "edge_value", "edge_ci",
                "core_depth_um", "core_value", "core_ci", "d_core_edge", "max_depth_um", "max_value", "max_ci",
                "d_max_min");
        for (Row row : rows) {
            csv.addRow(row.particle(), row.element().symbol(), row.quantity().column(), row.edgeDepthUm(),
                    row.edgeValue(), row.edgeCi(), row.coreDepthUm(), row.coreValue(), row.coreCi(),
                    row.coreMinusEdge(), row.maxDepthUm(), row.maxValue(), row.maxCi(), row.maxMinusMin());
        }
        csv.write(file);
    }

    /** @return the table (tests read its rows) */
    public TableViewer getViewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        super.dispose();
    }
}
