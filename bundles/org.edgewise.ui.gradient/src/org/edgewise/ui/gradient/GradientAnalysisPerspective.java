package org.edgewise.ui.gradient;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.VolumeView;

/** The Gradient Analysis perspective: the Data view, the orthoslices of the elemental maps. */
public final class GradientAnalysisPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.GRADIENT_ANALYSIS;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(VolumeView.ID);
    }
}
