package org.edgewise.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.edgewise.core.RuntimeInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise demo}: the end-to-end run on a built-in simulated dataset.
 * <p>
 * Simulation and analysis are not in this build yet, so the demo only reports the installation it would run on.
 */
@Command(name = "demo", description = "Run the end-to-end demo on a built-in simulated dataset.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(RuntimeInfo.current().describe());
        out.println("The simulate and analyze stages are not part of this build yet: the demo has nothing to run.");
        out.println("Start the workbench with: ./edgewise gui");
        return 0;
    }
}
