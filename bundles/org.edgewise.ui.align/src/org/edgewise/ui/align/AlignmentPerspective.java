package org.edgewise.ui.align;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.ProjectionsView;

/** The Alignment perspective: the Data view, the projections and sinograms of the selected scan. */
public final class AlignmentPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.ALIGNMENT;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(ProjectionsView.ID);
    }
}
