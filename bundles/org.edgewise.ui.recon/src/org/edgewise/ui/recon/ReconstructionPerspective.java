package org.edgewise.ui.recon;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.ProjectionsView;
import org.edgewise.ui.views.VolumeView;

/**
 * The Reconstruction perspective: the Data view, the reconstruction parameters with a preview slice (and the
 * selected scan's sinograms behind it), and the orthoslices of the reconstructed volumes.
 */
public final class ReconstructionPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.RECONSTRUCTION;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(VolumeView.ID);
        IFolderLayout controls = layout.createFolder("controls", IPageLayout.LEFT, 0.45f, StageFamilyPerspective.MAIN);
        controls.addView(ReconstructionView.ID);
        controls.addView(ProjectionsView.ID);
        layout.addShowViewShortcut(ReconstructionView.ID);
    }
}
