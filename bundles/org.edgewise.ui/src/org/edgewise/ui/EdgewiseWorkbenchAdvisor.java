package org.edgewise.ui;

import org.eclipse.ui.IWorkbenchPreferenceConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.edgewise.ui.perspectives.Perspectives;

/**
 * Workbench-wide settings. The system property {@value #AUTO_CLOSE_PROPERTY} (milliseconds) closes the workbench
 * after that delay; scripted launches (screenshots, CI smoke runs) use it.
 */
public final class EdgewiseWorkbenchAdvisor extends WorkbenchAdvisor {

    /** System property: close the workbench this many milliseconds after start-up. */
    public static final String AUTO_CLOSE_PROPERTY = "edgewise.autoCloseMs";

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(false);
        var preferences = PlatformUI.getPreferenceStore();
        preferences.setValue(IWorkbenchPreferenceConstants.SHOW_TEXT_ON_PERSPECTIVE_BAR, true);
        preferences.setValue(IWorkbenchPreferenceConstants.DOCK_PERSPECTIVE_BAR, IWorkbenchPreferenceConstants.TOP_RIGHT);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return Perspectives.ALIGNMENT;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new EdgewiseWorkbenchWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        Integer autoCloseMs = Integer.getInteger(AUTO_CLOSE_PROPERTY);
        if (autoCloseMs != null) {
            var display = getWorkbenchConfigurer().getWorkbench().getDisplay();
            display.timerExec(autoCloseMs, () -> getWorkbenchConfigurer().getWorkbench().close());
        }
    }
}
