package org.edgewise.ui.views;

import java.util.Arrays;
import java.util.Set;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.OrthoSliceViewer;

/**
 * Orthoslices (XY, XZ, YZ) of the selected volume with a linked cursor. Selecting a label image or mask of the
 * same shape draws it over the volume; a label image on its own is shown as a volume.
 */
public final class VolumeView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.views.volume";

    private OrthoSliceViewer viewer;
    private DatasetTracker tracker;
    private DatasetEntry volume;
    private DatasetEntry labels;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new OrthoSliceViewer(parent, 0);
        tracker = new DatasetTracker(getSite(), getSite().getService(IDatasetRegistry.class),
                Set.of(DataKind.VOLUME, DataKind.LABELS, DataKind.MASK), this::show);
    }

    private void show(DatasetEntry entry) {
        if (viewer.isDisposed()) {
            return;
        }
        if (entry == null) {
            volume = null;
            labels = null;
            viewer.clear();
            setContentDescription("Open a volumes.h5 or segmentation.h5, or run a reconstruction");
            return;
        }
        boolean overlay = entry.kind() != DataKind.VOLUME && volume != null
                && Arrays.equals(volume.data().getShape(), entry.data().getShape());
        if (overlay) {
            labels = entry;
            viewer.setLabels(entry.data());
        } else {
            volume = entry;
            labels = null;
            viewer.setVolume(entry.data(), DatasetDisplay.axes(entry));
            viewer.setColourMap(entry.kind() == DataKind.VOLUME ? ColourMap.GRAY : ColourMap.VIRIDIS);
            viewer.setLabels(null);
        }
        setContentDescription(DatasetDisplay.describe(volume) + (labels == null ? "" : "; labels: " + labels.name()));
    }

    /** @return the orthoslice viewer */
    public OrthoSliceViewer getViewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.dispose();
        }
        super.dispose();
    }
}
