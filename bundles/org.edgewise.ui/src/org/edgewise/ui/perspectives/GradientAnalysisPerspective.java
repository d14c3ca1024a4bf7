package org.edgewise.ui.perspectives;

/** The stage family of elemental maps, depth profiles, confidence intervals and the paper's metrics. */
public final class GradientAnalysisPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.perspectives.gradient";
}
