package org.edgewise.ui.gradient;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.perspectives.StageFamilyPerspective;
import org.edgewise.ui.views.DataView;
import org.edgewise.ui.views.VolumeView;

/**
 * The Gradient Analysis perspective: the Data view with the analysis' controls (run it, the comparison region), the
 * composite elemental map, the depth profiles with their confidence bands, the data density and line scans, and the
 * Table-1 metrics per particle.
 */
public final class GradientAnalysisPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = Perspectives.GRADIENT_ANALYSIS;

    @Override
    protected void addViews(IPageLayout layout, IFolderLayout main) {
        main.addView(ElementalMapView.ID);
        main.addView(VolumeView.ID);
        // the controls under the Data view, so that the map and the charts keep the width
        IFolderLayout controls = layout.createFolder("controls", IPageLayout.BOTTOM, 0.45f, DataView.ID);
        controls.addView(GradientAnalysisView.ID);
        IFolderLayout charts = layout.createFolder("charts", IPageLayout.RIGHT, 0.45f, StageFamilyPerspective.MAIN);
        charts.addView(ProfilesView.ID);
        charts.addView(DensityView.ID);
        charts.addView(LineScanView.ID);
        IFolderLayout tables = layout.createFolder("tables", IPageLayout.BOTTOM, 0.62f, "charts");
        tables.addView(MetricsView.ID);
        for (String id : new String[] { GradientAnalysisView.ID, ElementalMapView.ID, ProfilesView.ID,
            DensityView.ID, LineScanView.ID, MetricsView.ID }) {
            layout.addShowViewShortcut(id);
        }
    }
}
