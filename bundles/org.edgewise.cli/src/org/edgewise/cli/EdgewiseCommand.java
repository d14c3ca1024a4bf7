package org.edgewise.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code edgewise} command. Each capability is a subcommand; {@code edgewise --help} lists them.
 */
@Command(name = "edgewise", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Quantified 3D elemental gradients from dual-energy TXM tomography of cathode particles.",
        subcommands = { SimulateCommand.class, AlignCommand.class, ReconstructCommand.class, SegmentCommand.class,
                AnalyzeCommand.class,
                RunCommand.class, StagesCommand.class, BenchCommand.class, VersionCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class },
        synopsisSubcommandLabel = "COMMAND",
        footer = { "", "Run 'edgewise help COMMAND' for the options of one command." })
public final class EdgewiseCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // no command given: show what there is rather than doing nothing silently
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Parses and runs one command line.
     *
     * @param args the arguments after the program name, e.g. {@code ["version"]}
     * @param out  where results and help go
     * @param err  where errors and progress go
     * @return the process exit code: 0 on success, 2 for a usage error or an invalid pipeline, 1 for a failed run
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EdgewiseCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            // one line a user can act on; the stack trace only when asked for
            failedCommand.getErr().println("edgewise " + failedCommand.getCommandName() + ": "
                    + (exception.getMessage() == null ? exception.toString() : exception.getMessage()));
            if (Boolean.getBoolean("edgewise.debug")) {
                exception.printStackTrace(failedCommand.getErr());
            }
            return 1;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
