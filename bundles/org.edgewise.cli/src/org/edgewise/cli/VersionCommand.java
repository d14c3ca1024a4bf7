package org.edgewise.cli;

import java.util.concurrent.Callable;

import org.edgewise.core.RuntimeInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgewise version}: Edgewise's version, the JVM, the machine and the numerical libraries. */
@Command(name = "version", description = "Print the version of Edgewise, Java and the numerical libraries.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(RuntimeInfo.current().describe());
        return 0;
    }

    /** Serves {@code edgewise --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "Edgewise " + RuntimeInfo.current().edgewiseVersion() };
        }
    }
}
