package org.edgewise.ui.views;

import java.util.Arrays;
import java.util.Set;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.edgewise.api.stages.DataKind;
import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.data.ParticleSelection;
import org.edgewise.ui.image.ColourMap;
import org.edgewise.ui.image.OrthoSliceViewer;

/**
 * Orthoslices (XY, XZ, YZ) of the selected volume with a linked cursor. Selecting a label image or mask of the
 * same shape draws it over the volume (a volume that was segmented comes with its particle labels); a label image on
 * its own is shown as a volume. A particle picked anywhere (the particle table) is emphasised and the cursor moves to
 * its centroid.
 */
public final class VolumeView extends ViewPart {

    /** The view id in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.views.volume";

    private OrthoSliceViewer viewer;
    private DatasetTracker tracker;
    private IDatasetRegistry registry;
    private DatasetEntry volume;
    private DatasetEntry labels;
    private final ISelectionListener particles = this::particleSelected;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new OrthoSliceViewer(parent, 0);
        registry = getSite().getService(IDatasetRegistry.class);
        tracker = new DatasetTracker(getSite(), registry, Set.of(DataKind.VOLUME, DataKind.LABELS, DataKind.MASK),
                this::show);
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(particles);
    }

    /** A particle picked anywhere (the particle table): emphasise its label and move the cursor to its centroid. */
    private void particleSelected(IWorkbenchPart part, ISelection selection) {
        if (volume == null || !(selection instanceof IStructuredSelection structured)
                || !(structured.getFirstElement() instanceof ParticleSelection particle)) {
            return;
        }
        viewer.setHighlightedLabel(particle.label());
        if (volume.pixelSizeUm() > 0) {
            viewer.setCursorVoxel(particle.centroidVoxel(volume.pixelSizeUm()));
        }
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
            // a segmented volume comes with its particles
            labels = registry.derivedFrom(entry.id()).stream().filter(derived -> derived.kind() == DataKind.LABELS
                    && derived.name().endsWith("labels")
                    && Arrays.equals(derived.data().getShape(), entry.data().getShape())).reduce((a, b) -> b)
                    .orElse(null);
            viewer.setVolume(entry.data(), DatasetDisplay.axes(entry));
            viewer.setColourMap(entry.kind() == DataKind.VOLUME ? ColourMap.GRAY : ColourMap.VIRIDIS);
            viewer.setLabels(labels == null ? null : labels.data());
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
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(particles);
        super.dispose();
    }
}
