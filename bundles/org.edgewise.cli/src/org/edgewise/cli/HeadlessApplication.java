package org.edgewise.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The Equinox application behind {@code ./edgewise <command>}: hands the command line to {@link EdgewiseCommand}
 * and returns its exit code to the launcher.
 */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        // the launcher has already removed its own arguments (-application, -data, -nosplash ...)
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return EdgewiseCommand.execute(args == null ? new String[0] : args, out, err);
    }

    @Override
    public void stop() {
        // commands check for cancellation themselves; nothing to interrupt here
    }
}
