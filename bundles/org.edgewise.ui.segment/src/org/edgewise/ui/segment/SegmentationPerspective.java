package org.edgewise.ui.segment;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.VolumeView;

/**
 * The Segmentation perspective: the Data view, the orthoslices of a volume with its particle labels, the hulls and
 * depth map, and the particle table.
 */
public final class SegmentationPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.SEGMENTATION;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(VolumeView.ID);
        main.addView(HullDepthView.ID);
        // the controls first, so they take the whole height; the particle table goes under the volume
        IFolderLayout controls = layout.createFolder("controls", IPageLayout.LEFT, 0.38f, StageFamilyPerspective.MAIN);
        controls.addView(SegmentationView.ID);
        IFolderLayout particles = layout.createFolder("particles", IPageLayout.BOTTOM, 0.68f,
                StageFamilyPerspective.MAIN);
        particles.addView(ParticleTableView.ID);
        layout.addShowViewShortcut(SegmentationView.ID);
        layout.addShowViewShortcut(ParticleTableView.ID);
        layout.addShowViewShortcut(HullDepthView.ID);
    }
}
