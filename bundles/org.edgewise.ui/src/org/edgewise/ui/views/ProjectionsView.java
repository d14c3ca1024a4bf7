package org.edgewise.ui.views;

import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ImageViewer;
import org.edgewise.ui.image.StackAxes;

/**
 * A scan's projections with an angle slider, and its sinograms with a detector-row slider. It shows the
 * projections last selected in the Data view (or the first scan opened).
 */
public final class ProjectionsView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.views.projections";

    private TabFolder tabs;
    private ImageViewer projection;
    private ImageViewer sinogram;
    private DatasetTracker tracker;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        tabs = new TabFolder(parent, SWT.TOP);
        TabItem projectionTab = new TabItem(tabs, SWT.NONE);
        projectionTab.setText("Projection");
        projection = new ImageViewer(tabs, SWT.NONE);
        projectionTab.setControl(projection);
        TabItem sinogramTab = new TabItem(tabs, SWT.NONE);
        sinogramTab.setText("Sinogram");
        sinogram = new ImageViewer(tabs, SWT.NONE);
        sinogramTab.setControl(sinogram);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                Set.of(DataKind.PROJECTIONS), this::show);
    }

    private void show(DatasetEntry entry) {
        if (projection.isDisposed()) {
            return;
        }
        if (entry == null) {
            projection.clear();
            sinogram.clear();
            setContentDescription("Open a folder of scans or the demo dataset (File menu)");
            return;
        }
        StackAxes axes = DatasetDisplay.axes(entry);
        projection.setStack(entry.data(), axes, 0);
        sinogram.setStack(entry.data(), axes, 1);
        setContentDescription(DatasetDisplay.describe(entry));
    }

    /** @return the projection viewer (angle slider) */
    public ImageViewer getProjectionViewer() {
        return projection;
    }

    /** @return the sinogram viewer (row slider) */
    public ImageViewer getSinogramViewer() {
        return sinogram;
    }

    /** @return the tabs (Projection, Sinogram) */
    public TabFolder getTabs() {
        return tabs;
    }

    /** @return the entry shown, or {@code null} */
    public DatasetEntry getShown() {
        return tracker.shown();
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        super.dispose();
    }
}
