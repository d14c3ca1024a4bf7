package org.edgewise.batch;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch's progress on the terminal: one line per event (a run starts on an executor, is retried, ends), each
 * with the counts of runs done, running, failed and waiting and the time since the batch started.
 * <pre>
 * [   14.2 s] done 1 · running 2 · failed 0 · waiting 3 | a63-pristine done in 9.8 s (executor 0 on node1)
 * </pre>
 * Thread-safe: Spark's listener thread and the driver's run threads call it.
 */
final class Progress {

    private enum State { WAITING, RUNNING, DONE, FAILED, CANCELLED }

    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Map<String, State> states = new LinkedHashMap<>();

    Progress(PrintStream out, List<String> runs) {
        this.out = out;
        runs.forEach(run -> states.put(run, State.WAITING));
    }

    synchronized void started(String run, String where, int attempt) {
        if (states.get(run) == State.WAITING || states.get(run) == State.RUNNING) {
            states.put(run, State.RUNNING);
            line(run + (attempt > 0 ? " started again (attempt " + (attempt + 1) + ")" : " started") + " on "
                    + where);
        }
    }

    synchronized void lostAttempt(String run, String reason) {
        if (states.get(run) == State.RUNNING) {
            line(run + ": its task was lost (" + reason + "); Spark runs it again");
        }
    }

    synchronized void finished(RunOutcome outcome) {
        State state = switch (outcome.status()) {
            case DONE -> State.DONE;
            case FAILED -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
        };
        states.put(outcome.name(), state);
        String what = switch (outcome.status()) {
            case DONE -> outcome.unchanged() ? "unchanged, kept" : String.format(Locale.ROOT, "done in %.1f s (%s)",
                    outcome.seconds(), outcome.where());
            case FAILED -> (outcome.unchanged() ? "failed before with the same inputs: " : String.format(Locale.ROOT,
                    "FAILED after %.1f s: ", outcome.seconds())) + outcome.error();
            case CANCELLED -> "cancelled";
        };
        line(outcome.name() + " " + what);
        for (String warning : outcome.warnings()) {
            line(outcome.name() + " warning: " + warning);
        }
    }

    synchronized void note(String text) {
        line(text);
    }

    private void line(String event) {
        long done = count(State.DONE);
        long running = count(State.RUNNING);
        long failed = count(State.FAILED);
        long waiting = count(State.WAITING);
        out.printf(Locale.ROOT, "[%8.1f s] done %d · running %d · failed %d · waiting %d | %s%n",
                (System.nanoTime() - start) / 1e9, done, running, failed, waiting, event);
        out.flush();
    }

    private long count(State state) {
        return states.values().stream().filter(s -> s == state).count();
    }
}
