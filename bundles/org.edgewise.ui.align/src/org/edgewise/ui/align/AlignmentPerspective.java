package org.edgewise.ui.align;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.ProjectionsView;

/**
 * The Alignment perspective: the Data view, the selected scan's projections before and after alignment (and its
 * raw projections and sinograms), the alignment's parameters, shifts against angle, rotation centre and pair
 * registrations.
 */
public final class AlignmentPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.ALIGNMENT;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(AlignedProjectionsView.ID);
        main.addView(ProjectionsView.ID);
        IFolderLayout evidence = layout.createFolder("evidence", IPageLayout.RIGHT, 0.55f, StageFamilyPerspective.MAIN);
        evidence.addView(AlignmentView.ID);
        layout.addShowViewShortcut(AlignmentView.ID);
        layout.addShowViewShortcut(AlignedProjectionsView.ID);
    }
}
