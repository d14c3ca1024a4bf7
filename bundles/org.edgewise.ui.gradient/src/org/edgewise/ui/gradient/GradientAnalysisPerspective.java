package org.edgewise.ui.gradient;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.VolumeView;

/**
 * The Gradient Analysis perspective: the Data view, the composite elemental map, the depth profiles with their
 * confidence bands and the Table-1 metrics per particle.
 */
public final class GradientAnalysisPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.GRADIENT_ANALYSIS;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(ElementalMapView.ID);
        main.addView(VolumeView.ID);
        IFolderLayout charts = layout.createFolder("charts", IPageLayout.RIGHT, 0.5f, StageFamilyPerspective.MAIN);
        charts.addView(ProfilesView.ID);
        IFolderLayout tables = layout.createFolder("tables", IPageLayout.BOTTOM, 0.62f, "charts");
        tables.addView(MetricsView.ID);
        layout.addShowViewShortcut(ElementalMapView.ID);
        layout.addShowViewShortcut(ProfilesView.ID);
        layout.addShowViewShortcut(MetricsView.ID);
    }
}
