package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.FileSystemException;

import org.edgewise.api.files.FileErrors;
import org.edgewise.api.files.InputException;
import org.edgewise.api.files.OutputException;
import org.edgewise.api.parameters.InvalidParameterException;

/**
 * What kind of failure stopped a run, and its one-line description for a user: the same problem gives the same
 * kind, message style and exit code in every command, the workbench and batch runs.
 * <pre>{@code
 * } catch (Exception e) {
 *     err.println("edgewise align: " + Failures.message(e));
 *     return Failures.kind(e).exitCode();
 * }
 * }</pre>
 */
public final class Failures {

    /** The kinds of failure, with the exit code of the commands. */
    public enum Kind {
        /** The run failed after it started: a stage could not compute its result, or results could not be written. */
        RUN(1),
        /** The command line, a parameter value or a pipeline file is invalid. */
        USAGE(2),
        /** An input cannot be used: missing, unreadable, damaged, inconsistent, or data the method cannot use. */
        INPUT(3),
        /** The output location cannot be used: not creatable or writable, locked by another run, holds other results. */
        OUTPUT(4),
        /** The run was cancelled (Ctrl-C: 128 + SIGINT). */
        CANCELLED(130);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        /** @return the process exit code of a command that stopped for this reason */
        public int exitCode() {
            return exitCode;
        }
    }

    private Failures() {
    }

    /**
     * @param failure what stopped the run
     * @return its kind: the first cancellation, output, input or usage problem in its cause chain, else
     *         {@link Kind#RUN}
     */
    public static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PipelineCancelledException) {
                return Kind.CANCELLED;
            }
            if (t instanceof OutputException) {
                return Kind.OUTPUT;
            }
            if (t instanceof InputException) {
                return Kind.INPUT;
            }
            if (t instanceof InvalidParameterException) {
                return Kind.USAGE;
            }
            if (t instanceof InvalidPipelineException) {
                return t.getCause() == null ? Kind.USAGE : kindOfCause(t.getCause());
            }
        }
        return Kind.RUN;
    }

    private static Kind kindOfCause(Throwable cause) {
        Kind kind = kind(cause);
        return kind == Kind.RUN ? Kind.USAGE : kind;
    }

    /**
     * @param failure what stopped the run
     * @return one line a user can act on: the message of the most specific Edgewise exception in the chain (it
     *         names the file, step or parameter), a file error in words, or for an unexpected error its message
     *         without Java class names
     */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException || t instanceof OutputException) {
                return oneLine(t.getMessage());
            }
        }
        if (failure instanceof FileSystemException fs) {
            return oneLine(FileErrors.describe(fs));
        }
        if (isEdgewise(failure) && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return oneLine(failure.getMessage());
        }
        return "unexpected error: " + unexpected(failure) + " (run with --verbose for details)";
    }

    /**
     * @param failure an error that Edgewise did not describe itself (from a library, or a bug)
     * @return its message, or its cause's, without Java class names; a generic phrase when there is none
     */
    public static String unexpected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException || t instanceof OutputException) {
                return oneLine(t.getMessage());
            }
        }
        return FileErrors.explain(failure);
    }

    private static boolean isEdgewise(Throwable failure) {
        return failure instanceof PipelineException || failure instanceof InvalidParameterException
                || failure instanceof org.edgewise.api.stages.StageException;
    }

    /**
     * @param text a message
     * @return it on one line
     */
    public static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').replaceAll("\\s{2,}", " ").trim();
    }
}
