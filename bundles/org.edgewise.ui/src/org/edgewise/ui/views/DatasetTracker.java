package org.edgewise.ui.views;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartSite;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.DatasetRegistryEvent;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.IDatasetRegistryListener;

/**
 * Decides which dataset of some kinds a view shows: the one last selected anywhere in the window (Data view,
 * particle table), else the first one in the registry. It follows the registry: a newly computed dataset is shown
 * (the last of a batch of computed ones; the first loaded one when nothing is shown yet), a dataset computed
 * again is shown again, a removed one is replaced by the next. Views use it instead of talking to other views.
 * Callbacks run on the display thread.
 */
public final class DatasetTracker {

    private final IDatasetRegistry registry;
    private final Predicate<DatasetEntry> accepts;
    private final Consumer<DatasetEntry> show;
    private final Display display;
    private final ISelectionService selectionService;
    private final ISelectionListener selectionListener = this::selectionChanged;
    private final IDatasetRegistryListener registryListener = this::registryChanged;
    private DatasetEntry shown;
    private boolean disposed;

    /**
     * @param site     the view's site (selection service, display)
     * @param registry the dataset registry
     * @param kinds    the kinds the view can show
     * @param show     shows an entry, or clears the view for {@code null}
     */
    public DatasetTracker(IWorkbenchPartSite site, IDatasetRegistry registry, Set<DataKind> kinds,
            Consumer<DatasetEntry> show) {
        this(site, registry, entry -> kinds.contains(entry.kind()), show);
    }

    /**
     * @param site     the view's site (selection service, display)
     * @param registry the dataset registry
     * @param accepts  which entries the view can show
     * @param show     shows an entry, or clears the view for {@code null}
     */
    public DatasetTracker(IWorkbenchPartSite site, IDatasetRegistry registry, Predicate<DatasetEntry> accepts,
            Consumer<DatasetEntry> show) {
        this.registry = registry;
        this.accepts = accepts;
        this.show = show;
        this.display = site.getShell().getDisplay();
        this.selectionService = site.getWorkbenchWindow().getSelectionService();
        selectionService.addSelectionListener(selectionListener);
        registry.addListener(registryListener);
        Optional<DatasetEntry> selected = accepted(selectionService.getSelection());
        show(selected.orElseGet(() -> first(registry.entries()).orElse(null)));
    }

    /** @return the entry shown, or {@code null} */
    public DatasetEntry shown() {
        return shown;
    }

    /** @param entry an entry to show now (from the view's own list), or {@code null} */
    public void show(DatasetEntry entry) {
        shown = entry;
        show.accept(entry);
    }

    /** Stops listening. */
    public void dispose() {
        disposed = true;
        selectionService.removeSelectionListener(selectionListener);
        registry.removeListener(registryListener);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        accepted(selection).filter(entry -> entry != shown).ifPresent(this::show);
    }

    private Optional<DatasetEntry> accepted(ISelection selection) {
        if (selection instanceof IStructuredSelection structured) {
            for (Object element : structured.toList()) {
                if (element instanceof DatasetEntry entry && accepts.test(entry)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<DatasetEntry> first(List<DatasetEntry> entries) {
        return entries.stream().filter(accepts).findFirst();
    }

    /** @return the last computed entry the view accepts, else the first loaded one */
    private Optional<DatasetEntry> preferred(List<DatasetEntry> entries) {
        DatasetEntry found = null;
        for (DatasetEntry entry : entries) {
            if (accepts.test(entry)) {
                found = found == null || entry.origin() instanceof DatasetEntry.Derivation ? entry : found;
            }
        }
        return Optional.ofNullable(found);
    }

    private void registryChanged(DatasetRegistryEvent event) {
        display.asyncExec(() -> {
            if (disposed || display.isDisposed()) {
                return;
            }
            switch (event.type()) {
            case ADDED -> {
                // a dataset just computed (or the first one opened) is what the user wants to see
                if (shown == null || event.entries().stream().anyMatch(entry -> accepts.test(entry)
                        && entry.origin() instanceof DatasetEntry.Derivation)) {
                    preferred(event.entries()).ifPresent(this::show);
                }
            }
            case REPLACED -> event.entries().stream().filter(entry -> shown != null && entry.id().equals(shown.id()))
                    .findFirst().ifPresent(this::show);
            case REMOVED -> {
                if (shown != null && event.entries().stream().anyMatch(entry -> entry.id().equals(shown.id()))) {
                    show(first(registry.entries()).orElse(null));
                }
            }
            default -> throw new IllegalStateException(event.type().name());
            }
        });
    }
}
