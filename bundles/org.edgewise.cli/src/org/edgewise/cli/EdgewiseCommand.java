package org.edgewise.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
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
        synopsisSubcommandLabel = "COMMAND", exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = { ExitCodes.OK, ExitCodes.RUN, ExitCodes.USAGE, ExitCodes.INPUT, ExitCodes.OUTPUT,
            ExitCodes.CANCELLED },
        footer = { "", ExitCodes.VERBOSE, "Run 'edgewise help COMMAND' for the options of one command." })
public final class EdgewiseCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Read before parsing by {@link Verbosity#configure}; declared here so that every command accepts it. */
    @Option(names = Verbosity.OPTION, scope = ScopeType.INHERIT,
            description = "Print stack traces and library log messages (off by default).")
    private boolean verbose;

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
     * @return the process exit code ({@link ExitCodes}): 0 on success, 1 for a failed run, 2 for a usage error or an
     *         invalid pipeline, 3 for an input that cannot be used, 4 for an output folder that cannot be used, 130
     *         when cancelled
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Verbosity.configure(args);
        CommandLine commandLine = new CommandLine(new EdgewiseCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            // one line a user can act on, with the exit code of its kind; the stack trace only when asked for
            return PipelineExecution.failure(failedCommand.getErr(), failedCommand.getCommandName(), exception);
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
