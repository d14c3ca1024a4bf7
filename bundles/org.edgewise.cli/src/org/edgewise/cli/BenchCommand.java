package org.edgewise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgewise bench ...}: speed measurements against the peers installed on this machine, run side by side.
 * Figures go to {@code docs/benchmarks.md} with the command and the machine.
 */
@Command(name = "bench", description = "Benchmarks against the peers installed on this machine (recon, segment, align, gradient, field).",
        subcommands = { BenchReconCommand.class, BenchSegmentCommand.class, BenchAlignCommand.class, BenchGradientCommand.class,
            BenchFieldCommand.class,
            CommandLine.HelpCommand.class })
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
