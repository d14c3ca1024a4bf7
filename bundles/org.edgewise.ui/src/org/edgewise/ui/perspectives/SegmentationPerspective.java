package org.edgewise.ui.perspectives;

/** The stage family of binarisation, particle separation, convex hull and surface distance. */
public final class SegmentationPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.perspectives.segmentation";
}
