package org.edgewise.ui;

import org.eclipse.ui.PlatformUI;
import org.edgewise.ui.data.IDatasetRegistry;

/** Constants and the services every Edgewise view and handler needs. */
public final class EdgewiseUi {

    /** Symbolic name of this bundle (preferences, status). */
    public static final String PLUGIN_ID = "org.edgewise.ui";

    private EdgewiseUi() {
    }

    /**
     * @return the workbench's dataset registry (the declarative-services component); views should rather ask
     *         their site: {@code getSite().getService(IDatasetRegistry.class)}
     * @throws IllegalStateException when the service is not running (Felix SCR not started)
     */
    public static IDatasetRegistry registry() {
        IDatasetRegistry registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("the dataset registry service is not available: is"
                    + " org.apache.felix.scr started?");
        }
        return registry;
    }
}
