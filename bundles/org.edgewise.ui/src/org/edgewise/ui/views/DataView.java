package org.edgewise.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetRegistryEvent;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.IDatasetRegistryListener;

/**
 * The datasets open in the workbench: every loaded scan (element, side, energy, shape, pixel size) and, under the
 * dataset it was computed from, every derived dataset with its provenance (stage, parameters, inputs). Selecting
 * one shows it in the image views of the perspective.
 */
public final class DataView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.views.data";

    /** Column titles, in order. */
    public static final List<String> COLUMNS = List.of("Name", "Kind", "Element", "Side", "Energy (keV)", "Shape",
            "Pixel (µm)", "Unit", "Origin");

    private TreeViewer viewer;
    private IDatasetRegistry registry;
    private final IDatasetRegistryListener listener = this::registryChanged;

    @Override
    public void createPartControl(Composite parent) {
        registry = getSite().getService(IDatasetRegistry.class);
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        int[] widths = { 230, 85, 60, 55, 85, 110, 80, 60, 420 };
        for (int i = 0; i < COLUMNS.size(); i++) {
            TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
            column.getColumn().setText(COLUMNS.get(i));
            column.getColumn().setWidth(widths[i]);
            Function<DatasetEntry, String> text = i == COLUMNS.size() - 1 ? this::origin : columnText(i);
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text.apply((DatasetEntry) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    return origin((DatasetEntry) element);
                }
            });
        }
        viewer.setContentProvider(new ContentProvider());
        viewer.setInput(registry);
        viewer.expandAll();
        getSite().setSelectionProvider(viewer);
        createContextMenu();
        registry.addListener(listener);
    }

    /** @return the tree (tests read its rows) */
    public TreeViewer getViewer() {
        return viewer;
    }

    /**
     * @param column index into {@link #COLUMNS}
     * @return the text of that column for an entry
     */
    public static Function<DatasetEntry, String> columnText(int column) {
        return switch (column) {
        case 0 -> DatasetEntry::name;
        case 1 -> entry -> entry.kind().id();
        case 2 -> entry -> entry.scan() == null ? "" : entry.scan().element().symbol();
        case 3 -> entry -> entry.scan() == null ? "" : entry.scan().side();
        case 4 -> entry -> Double.isFinite(entry.energyKev()) ? String.format(Locale.ROOT, "%.3f", entry.energyKev())
                : "";
        case 5 -> DatasetEntry::shapeText;
        case 6 -> entry -> Double.isFinite(entry.pixelSizeUm())
                ? String.format(Locale.ROOT, "%.4f", entry.pixelSizeUm()) : "";
        case 7 -> DatasetEntry::valueUnit;
        case 8 -> entry -> entry.origin().describe();
        default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    /**
     * @param entry an entry
     * @return where it came from: the file, or the stage with its parameters and the names of its inputs
     */
    String origin(DatasetEntry entry) {
        if (entry.origin() instanceof DatasetEntry.Derivation derivation) {
            List<String> inputs = derivation.inputIds().stream()
                    .map(id -> registry.find(id).map(DatasetEntry::name).orElse(id)).toList();
            return new DatasetEntry.Derivation(derivation.stageId(), derivation.parameters(), inputs).describe();
        }
        return entry.origin().describe();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (registry != null) {
            registry.removeListener(listener);
        }
        super.dispose();
    }

    private void createContextMenu() {
        Action remove = new Action("Remove") {
            @Override
            public void run() {
                for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
                    registry.remove(((DatasetEntry) element).id());
                }
            }
        };
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            remove.setEnabled(!viewer.getSelection().isEmpty());
            manager.add(remove);
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
    }

    private void registryChanged(DatasetRegistryEvent event) {
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                viewer.refresh();
                viewer.expandAll();
            }
        });
    }

    /** Roots are datasets read from files; a derived dataset sits under the first dataset it was computed from. */
    private final class ContentProvider implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            List<DatasetEntry> roots = new ArrayList<>();
            for (DatasetEntry entry : registry.entries()) {
                if (parentOf(entry) == null) {
                    roots.add(entry);
                }
            }
            return roots.toArray();
        }

        @Override
        public Object[] getChildren(Object element) {
            String id = ((DatasetEntry) element).id();
            return registry.entries().stream().filter(entry -> entry.origin() instanceof DatasetEntry.Derivation d
                    && !d.inputIds().isEmpty() && d.inputIds().get(0).equals(id)).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return parentOf((DatasetEntry) element);
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }

        private DatasetEntry parentOf(DatasetEntry entry) {
            if (entry.origin() instanceof DatasetEntry.Derivation derivation && !derivation.inputIds().isEmpty()) {
                return registry.find(derivation.inputIds().get(0)).orElse(null);
            }
            return null;
        }
    }
}
