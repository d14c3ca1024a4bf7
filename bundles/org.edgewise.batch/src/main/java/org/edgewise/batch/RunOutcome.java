package org.edgewise.batch;

import java.io.Serializable;
import java.util.List;

/**
 * How one run of a batch ended.
 *
 * @param name     the run
 * @param status   what happened
 * @param error    for {@link Status#FAILED} and {@link Status#CANCELLED}: one line; else empty
 * @param seconds  the run's time in its task (hashing the inputs included), or the recorded time when it was kept
 * @param where    the executor and host that ran it
 * @param attempt  Spark's attempt number of the task that ended it (0 = first)
 * @param warnings the analysis's warnings
 * @param unchanged true when the run was not computed again because its inputs and parameters are unchanged (a
 *                  kept result, or a recorded failure)
 */
public record RunOutcome(String name, Status status, String error, double seconds, String where, int attempt,
        List<String> warnings, boolean unchanged) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a run ended. */
    public enum Status {
        /** Its folder was written (or kept, when {@code unchanged}). */
        DONE,
        /** It failed; its reason is in {@code error}. */
        FAILED,
        /** The batch was cancelled before it finished. */
        CANCELLED;

        /** @return lower-case name, as in {@code summary.csv} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RunOutcome {
        error = error == null ? "" : error;
        warnings = List.copyOf(warnings);
    }
}
