package org.edgewise.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.edgewise.ui.EdgewiseUi;

/** Puts the defaults of {@link EdgewisePreferences} in place (extension {@code org.eclipse.core.runtime.preferences}). */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        EdgewisePreferences.initializeDefaults(DefaultScope.INSTANCE.getNode(EdgewiseUi.PLUGIN_ID));
    }
}
