package org.edgewise.ui.segment;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.OrthoSliceViewer;
import org.edgewise.ui.image.SliceRenderer;
import org.edgewise.ui.views.DatasetDisplay;
import org.edgewise.ui.views.DatasetTracker;

/**
 * The depth map of a segmentation (µm below each particle's convex-hull surface) with the hulls' outlines, as
 * orthoslices with a linked cursor.
 */
public final class HullDepthView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.segment.views.depth";

    /** Name of a segmentation's depth map and hull labels in the registry. */
    static final String DEPTH = "depth";
    static final String HULLS = "hulls";

    private OrthoSliceViewer viewer;
    private DatasetTracker tracker;
    private IDatasetRegistry registry;
    private DatasetEntry hulls;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new OrthoSliceViewer(parent, 0);
        registry = getSite().getService(IDatasetRegistry.class);
        tracker = new DatasetTracker(getSite(), registry, HullDepthView::isDepthMap, this::show);
    }

    /** @return true for a depth map: a volume named depth, in µm */
    static boolean isDepthMap(DatasetEntry entry) {
        return entry.kind() == DataKind.VOLUME && entry.name().toLowerCase(Locale.ROOT).endsWith(DEPTH);
    }

    private void show(DatasetEntry depth) {
        if (viewer.isDisposed()) {
            return;
        }
        if (depth == null) {
            hulls = null;
            viewer.clear();
            setContentDescription("Segment a volume to see the depth below its particles' hulls");
            return;
        }
        viewer.setVolume(depth.data(), DatasetDisplay.axes(depth));
        viewer.setColourMap(ColourMap.VIRIDIS);
        hulls = sibling(depth, HULLS).orElse(null);
        viewer.setLabels(hulls == null ? null : hulls.data());
        viewer.setOverlay(SliceRenderer.OverlayMode.OUTLINE, 1);
        setContentDescription(DatasetDisplay.describe(depth) + (hulls == null ? "" : "; outlines: " + hulls.name()));
    }

    /** @return the entry computed by the same step from the same inputs whose name ends with {@code suffix} */
    private Optional<DatasetEntry> sibling(DatasetEntry entry, String suffix) {
        if (!(entry.origin() instanceof DatasetEntry.Derivation derivation)) {
            return registry.entries().stream().filter(other -> other.origin() instanceof DatasetEntry.FileOrigin file
                    && entry.origin() instanceof DatasetEntry.FileOrigin mine && file.file().equals(mine.file())
                    && other.name().toLowerCase(Locale.ROOT).endsWith(suffix)).findFirst();
        }
        return registry.entries().stream().filter(other -> other.origin() instanceof DatasetEntry.Derivation d
                && d.stageId().equals(derivation.stageId()) && d.inputIds().equals(derivation.inputIds())
                && other.name().toLowerCase(Locale.ROOT).endsWith(suffix)).findFirst();
    }

    /** @return the orthoslices */
    public OrthoSliceViewer getViewer() {
        return viewer;
    }

    /** @return the hull labels outlined, or {@code null} */
    public DatasetEntry getHulls() {
        return hulls;
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
