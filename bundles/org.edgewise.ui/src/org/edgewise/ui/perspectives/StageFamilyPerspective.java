package org.edgewise.ui.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.edgewise.ui.views.DataView;

/**
 * The common frame of the four perspectives: the Data view on the left, progress and the Error Log at the bottom,
 * no editor area, and shortcuts to the other perspectives and the shared views. Subclasses add their own views
 * around the {@link #MAIN} folder.
 */
public abstract class StageFamilyPerspective implements IPerspectiveFactory {

    /** The main folder, right of the Data view. */
    public static final String MAIN = "main";
    /** The bottom folder (progress, Error Log). */
    public static final String BOTTOM = "bottom";
    /** View id of Eclipse's Error Log. */
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public final void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(DataView.ID, IPageLayout.LEFT, 0.26f, editor);
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, 0.82f, editor);
        bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        bottom.addPlaceholder(ERROR_LOG_VIEW);
        IFolderLayout main = layout.createFolder(MAIN, IPageLayout.TOP, 0.8f, editor);
        addViews(layout, main);
        for (String id : Perspectives.PIPELINE_ORDER) {
            layout.addPerspectiveShortcut(id);
        }
        layout.addShowViewShortcut(DataView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(ERROR_LOG_VIEW);
    }

    /**
     * Adds the perspective's own views.
     *
     * @param layout the page layout (editor area hidden; place views relative to {@link #MAIN})
     * @param main   the main folder, right of the Data view
     */
    protected abstract void addViews(IPageLayout layout, IFolderLayout main);
}
