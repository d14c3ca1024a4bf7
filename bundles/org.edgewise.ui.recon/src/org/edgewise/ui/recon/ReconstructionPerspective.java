package org.edgewise.ui.recon;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.ProjectionsView;
import org.edgewise.ui.views.VolumeView;

/**
 * The Reconstruction perspective: the Data view, the sinograms of the selected scan and the orthoslices of the
 * reconstructed volume.
 */
public final class ReconstructionPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.RECONSTRUCTION;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(VolumeView.ID);
        layout.addView(ProjectionsView.ID, IPageLayout.LEFT, 0.4f, StageFamilyPerspective.MAIN);
    }
}
