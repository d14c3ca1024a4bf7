package org.edgewise.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;

/**
 * The analysis a batch runs on each run: the one entry point behind {@code edgewise analyze}, so that a run of a
 * batch writes the same files with the same numbers. Implementations have a public no-argument constructor; a batch
 * creates one per task on the executor that runs it (see {@link RunAnalyses}).
 */
@FunctionalInterface
public interface RunAnalysis {

    /**
     * Analyses one run.
     *
     * @param input      the run's input folder (or file), as given to {@code edgewise analyze}
     * @param out        an empty folder to write every result file into; the batch moves it into place afterwards
     * @param parameters parameter overrides, name → value as text (names as the options of {@code edgewise analyze}
     *                   without the dashes, e.g. {@code surface-level}); the rest take their defaults
     * @param monitor    progress, and whether the batch was cancelled
     * @return the analysis's warnings (problems that do not stop it but make parts of it untrustworthy)
     * @throws Exception when the run cannot be analysed; the message's first line goes into the summary
     */
    List<String> analyze(Path input, Path out, Map<String, String> parameters, IMonitor monitor) throws Exception;

    /**
     * Checks parameter overrides before any run starts, so a typo in a manifest fails the batch at once.
     *
     * @param parameters name → value as text
     * @return null if valid, else one line naming the wrong parameter and why
     */
    default String checkParameters(Map<String, String> parameters) {
        return null;
    }
}
