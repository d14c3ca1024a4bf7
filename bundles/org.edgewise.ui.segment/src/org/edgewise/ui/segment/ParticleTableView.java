package org.edgewise.ui.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.january.DatasetException;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.io.CsvTable;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.jobs.ErrorReporter;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The particles of a segmentation: volume, equivalent diameter, Feret ratio and whether the field of view cuts
 * them. Selecting a row selects the particle everywhere (its label is emphasised and the orthoslices move to its
 * centroid); the table exports as CSV.
 */
public final class ParticleTableView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.segment.views.particles";

    /** Column titles, in order. */
    public static final List<String> COLUMNS = List.of("Particle", "Volume (µm³)", "Equiv. diameter (µm)",
            "Feret ratio", "Cut by field of view");

    private TableViewer viewer;
    private DatasetTracker tracker;
    private DatasetEntry table;
    private final Map<Integer, ParticleTable.Row> rows = new HashMap<>();
    private final ISelectionListener followOthers = this::selectionElsewhere;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Table widget = viewer.getTable();
        widget.setHeaderVisible(true);
        widget.setLinesVisible(true);
        int[] widths = { 70, 110, 160, 90, 140 };
        for (int i = 0; i < COLUMNS.size(); i++) {
            TableViewerColumn column = new TableViewerColumn(viewer, i == 4 ? SWT.CENTER : SWT.RIGHT);
            column.getColumn().setText(COLUMNS.get(i));
            column.getColumn().setWidth(widths[i]);
            Function<ParticleTable.Row, String> text = columnText(i);
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text.apply(rows.get(((ParticleSelection) element).label()));
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        getSite().setSelectionProvider(viewer);
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(followOthers);
        Action export = new Action("Export CSV…") {
            @Override
            public void run() {
                exportCsv();
            }
        };
        export.setToolTipText("Save the particle table as CSV");
        getViewSite().getActionBars().getToolBarManager().add(export);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                ParticleTable::isParticleTable, this::show);
    }

    /**
     * @param column index into {@link #COLUMNS}
     * @return that column's text for a row
     */
    public static Function<ParticleTable.Row, String> columnText(int column) {
        return switch (column) {
        case 0 -> row -> Integer.toString(row.label());
        case 1 -> row -> String.format(Locale.ROOT, "%.2f", row.volumeUm3());
        case 2 -> row -> String.format(Locale.ROOT, "%.3f", row.equivDiameterUm());
        case 3 -> row -> String.format(Locale.ROOT, "%.3f", row.feretRatio());
        case 4 -> row -> row.cutByFieldOfView() ? "yes" : "no";
        default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    private void show(DatasetEntry entry) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        table = entry;
        rows.clear();
        List<ParticleSelection> particles = new ArrayList<>();
        if (entry != null) {
            try {
                for (ParticleTable.Row row : ParticleTable.rows(entry)) {
                    rows.put(row.label(), row);
                    particles.add(new ParticleSelection(entry, row.label(), row.centroidUm()));
                }
                setContentDescription(particles.size() + " particles: " + entry.name());
            } catch (DatasetException | RuntimeException e) {
                setContentDescription(ErrorReporter.status("Cannot read " + entry.name(), e).getMessage());
            }
        } else {
            setContentDescription("Segment a volume to see its particles");
        }
        viewer.setInput(particles);
    }

    /** A particle selected elsewhere (another view of the same table) is selected here too. */
    private void selectionElsewhere(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection structured)
                || !(structured.getFirstElement() instanceof ParticleSelection picked) || picked.table() != table) {
            return;
        }
        for (Object element : (List<?>) viewer.getInput()) {
            if (((ParticleSelection) element).label() == picked.label()) {
                viewer.setSelection(new StructuredSelection(element), true);
            }
        }
    }

    private void exportCsv() {
        if (table == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setFileName("particles.csv");
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

    /**
     * @param file the CSV to write: the columns shown, with their units in the header
     * @throws IOException if it cannot be written
     */
    public void exportCsv(Path file) throws IOException {
        CsvTable csv = new CsvTable("particle", "volume_um3", "equiv_diameter_um", "feret_ratio", "cut_by_fov");
        for (Object element : (List<?>) viewer.getInput()) {
            ParticleTable.Row row = rows.get(((ParticleSelection) element).label());
            csv.addRow(row.label(), row.volumeUm3(), row.equivDiameterUm(), row.feretRatio(), row.cutByFieldOfView());
        }
        csv.write(file);
    }

    /** @return the table (tests read and select its rows) */
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
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(followOthers);
        super.dispose();
    }
}
