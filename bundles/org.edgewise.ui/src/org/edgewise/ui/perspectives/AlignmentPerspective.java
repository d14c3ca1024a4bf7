package org.edgewise.ui.perspectives;

/** The stage family of normalisation, projection alignment, rotation centre and energy-pair registration. */
public final class AlignmentPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.perspectives.alignment";
}
