package org.edgewise.ui.perspectives;

import java.util.List;

/**
 * The ids of the four perspectives, in pipeline order. Each is declared in the {@code plugin.xml} of its own bundle
 * ({@code org.edgewise.ui.align} and so on); this bundle only needs the ids, to put all four on the perspective bar.
 */
public final class Perspectives {

    /** Alignment ({@code org.edgewise.ui.align}). */
    public static final String ALIGNMENT = "org.edgewise.ui.align.perspective";
    /** Reconstruction ({@code org.edgewise.ui.recon}). */
    public static final String RECONSTRUCTION = "org.edgewise.ui.recon.perspective";
    /** Segmentation ({@code org.edgewise.ui.segment}). */
    public static final String SEGMENTATION = "org.edgewise.ui.segment.perspective";
    /** Gradient Analysis ({@code org.edgewise.ui.gradient}). */
    public static final String GRADIENT_ANALYSIS = "org.edgewise.ui.gradient.perspective";

    /** All four, in pipeline order. */
    public static final List<String> PIPELINE_ORDER = List.of(ALIGNMENT, RECONSTRUCTION, SEGMENTATION,
            GRADIENT_ANALYSIS);

    private Perspectives() {
    }
}
