package org.edgewise.ui.gradient;

import org.edgewise.gradient.stages.MetricsModel;
import org.edgewise.ui.preferences.EdgewisePreferences;

/** The Table-1 depth windows as the metrics stage takes them, from the preferences' default comparison region. */
final class GradientWindows {

    private GradientWindows() {
    }

    /**
     * @param region a comparison region
     * @return its windows: the edge point at the region's start, the core point at its end, the region between
     */
    static MetricsModel of(EdgewisePreferences.ComparisonRegion region) {
        return new MetricsModel(region.edgeUm()[0], region.edgeUm()[1], region.coreUm()[0], region.coreUm()[1],
                region.startUm(), region.endUm());
    }

    /** @return the windows of the preferences' default comparison region */
    static MetricsModel defaults() {
        return of(EdgewisePreferences.comparisonRegion());
    }
}
