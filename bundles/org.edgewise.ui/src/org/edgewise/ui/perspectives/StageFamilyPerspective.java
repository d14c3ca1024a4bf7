package org.edgewise.ui.perspectives;

import java.util.List;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * A perspective for one family of pipeline stages. Every family perspective offers shortcuts to the others,
 * so the whole pipeline is reachable from the perspective bar and from Window &gt; Perspective.
 */
public abstract class StageFamilyPerspective implements IPerspectiveFactory {

    /** Perspective ids in pipeline order. */
    public static final List<String> PIPELINE_ORDER = List.of(AlignmentPerspective.ID, ReconstructionPerspective.ID,
            SegmentationPerspective.ID, GradientAnalysisPerspective.ID);

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        for (String id : PIPELINE_ORDER) {
            layout.addPerspectiveShortcut(id);
        }
    }
}
