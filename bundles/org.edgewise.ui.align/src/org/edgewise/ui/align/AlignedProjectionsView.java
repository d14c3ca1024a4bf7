package org.edgewise.ui.align;

import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ImageViewer;
import org.edgewise.ui.views.DatasetDisplay;
import org.edgewise.ui.views.DatasetTracker;

/**
 * A scan's projections before alignment (normalised line integrals) and after it (shifted, the rotation axis on
 * the central column), side by side with one angle slider for both.
 */
public final class AlignedProjectionsView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.align.views.projections";

    private ImageViewer before;
    private ImageViewer after;
    private Label beforeTitle;
    private Label afterTitle;
    private IDatasetRegistry registry;
    private DatasetTracker tracker;
    private boolean linking;

    @Override
    public void createPartControl(Composite parent) {
        registry = getSite().getService(IDatasetRegistry.class);
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        beforeTitle = new Label(column(sash), SWT.NONE);
        before = new ImageViewer(beforeTitle.getParent(), SWT.NONE);
        before.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        afterTitle = new Label(column(sash), SWT.NONE);
        after = new ImageViewer(afterTitle.getParent(), SWT.NONE);
        after.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // one angle for both: moving either slider moves the other
        before.getSlider().addListener(SWT.Selection, event -> link(before, after));
        after.getSlider().addListener(SWT.Selection, event -> link(after, before));
        tracker = new DatasetTracker(getSite(), registry, Set.of(DataKind.PROJECTIONS), this::show);
    }

    private static Composite column(Composite parent) {
        Composite column = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        column.setLayout(layout);
        return column;
    }

    private void link(ImageViewer from, ImageViewer to) {
        if (!linking && to.getSliceView().getSliceCount() == from.getSliceView().getSliceCount()) {
            linking = true;
            to.setIndex(from.getSlider().getSelection());
            linking = false;
        }
    }

    private void show(DatasetEntry entry) {
        if (before.isDisposed()) {
            return;
        }
        if (entry == null) {
            before.clear();
            after.clear();
            beforeTitle.setText("Before alignment");
            afterTitle.setText("After alignment");
            setContentDescription("Open scans and align them");
            return;
        }
        String scanId = entry.origin() instanceof DatasetEntry.Derivation derivation
                && !derivation.inputIds().isEmpty() ? derivation.inputIds().get(0) : entry.id();
        DatasetEntry scan = registry.find(scanId).orElse(entry);
        DatasetEntry lineIntegrals = registry.find(AlignJob.derivedId(scan, AlignJob.BEFORE)).orElse(null);
        DatasetEntry aligned = registry.find(AlignJob.derivedId(scan, AlignJob.AFTER)).orElse(null);
        DatasetEntry shownBefore = lineIntegrals != null ? lineIntegrals : scan;
        before.setStack(shownBefore.data(), DatasetDisplay.axes(shownBefore), 0);
        beforeTitle.setText(lineIntegrals != null ? "Before alignment (line integrals)" : "Raw counts (not aligned yet)");
        if (aligned != null) {
            after.setStack(aligned.data(), DatasetDisplay.axes(aligned), 0);
            afterTitle.setText("After alignment (axis on the central column)");
            link(before, after);
        } else {
            after.clear();
            afterTitle.setText("After alignment: not aligned yet");
        }
        setContentDescription(DatasetDisplay.describe(scan));
        beforeTitle.getParent().layout(true);
        afterTitle.getParent().layout(true);
    }

    /** @return the viewer of the projections before alignment */
    public ImageViewer getBefore() {
        return before;
    }

    /** @return the viewer of the aligned projections */
    public ImageViewer getAfter() {
        return after;
    }

    @Override
    public void setFocus() {
        before.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        super.dispose();
    }
}
