package org.edgewise.ui.handlers;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.edgewise.ui.EdgewiseUi;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.preferences.EdgewisePreferences;

/** File › Open Demo Dataset: simulates (or reopens) the built-in dataset in the workspace, as a job. */
public final class OpenDemoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new DemoJob(demoFolder(), EdgewisePreferences.demo(), EdgewiseUi.registry()).schedule();
        return null;
    }

    /** @return {@code WORKSPACE/demo}, or {@code ~/.edgewise/demo} when the workbench runs without a workspace */
    public static Path demoFolder() {
        Location workspace = Platform.getInstanceLocation();
        try {
            if (workspace != null && workspace.getURL() != null) {
                return Path.of(workspace.getURL().toURI()).resolve("demo");
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a workspace URL with unescaped characters: fall back to the home folder
        }
        return Path.of(System.getProperty("user.home"), ".edgewise", "demo");
    }
}
