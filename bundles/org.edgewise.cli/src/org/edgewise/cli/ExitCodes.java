package org.edgewise.cli;

/**
 * The exit codes of every command, as listed in each command's {@code --help} (picocli's {@code exitCodeList}) and
 * in {@code docs/data-formats.md}; they are the codes of {@link org.edgewise.core.pipeline.Failures.Kind}.
 */
final class ExitCodes {

    static final String HEADING = "%nExit codes:%n";
    static final String OK = "0:Success: every output is in place.";
    static final String RUN = "1:The run failed after it started (a step could not compute its result); nothing was"
            + " written.";
    static final String USAGE = "2:Invalid command line, parameter value or pipeline file.";
    static final String INPUT = "3:An input cannot be used (missing, unreadable, damaged, inconsistent, or data the"
            + " method cannot use); found before any work.";
    static final String OUTPUT = "4:The output folder cannot be used (not writable, a file, in use by another run, or"
            + " holding other files).";
    static final String CANCELLED = "130:Cancelled (Ctrl-C); nothing was written.";
    static final String VERBOSE = "Errors are one line naming the file and the problem; --verbose adds stack traces"
            + " and library log messages.";

    private ExitCodes() {
    }
}
