package org.edgewise.ui.perspectives;

/** The stage family of filtered back-projection, iterative reconstruction and ring removal. */
public final class ReconstructionPerspective extends StageFamilyPerspective {

    /** The perspective id declared in {@code plugin.xml}. */
    public static final String ID = "org.edgewise.ui.perspectives.reconstruction";
}
