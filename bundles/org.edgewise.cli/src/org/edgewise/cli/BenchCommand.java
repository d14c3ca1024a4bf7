package org.edgewise.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgewise bench}: timings of our algorithms against reference implementations, one subcommand per area. */
@Command(name = "bench", description = "Benchmarks against reference implementations (run 'edgewise bench segment').",
        subcommands = { BenchSegmentCommand.class })
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
