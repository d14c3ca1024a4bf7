package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgewise.core.StageRegistries;
import org.edgewise.workflow.Analysis;

import io.jhdf.exceptions.HdfException;

/**
 * The batch's analysis: {@link Analysis#run}, the entry point that {@code edgewise analyze} calls, with the stages
 * read from the {@code plugin.xml} of the bundle jars on the class path and the run's overrides as
 * {@link AnalyzeOptions}. A run's folder therefore holds exactly the files of {@code edgewise analyze INPUT --out
 * DIR} with the same numbers.
 */
public final class AnalyzeRunAnalysis implements RunAnalysis {

    @Override
    public String checkParameters(Map<String, String> parameters) {
        try {
            AnalyzeOptions.parse(parameters);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public List<String> analyze(Path input, Path out, Map<String, String> parameters, IMonitor monitor)
            throws Exception {
        try {
            // the batch owns the run's staging folder and puts it in place itself (RunTask)
            return Analysis.runInto(List.of(input), out, out, AnalyzeOptions.parse(parameters),
                    StageRegistries.fromClasspath(AnalyzeRunAnalysis.class.getClassLoader()), monitor).warnings();
        } catch (Analysis.InputException | HdfException e) {
            // bad input: the summary's error row names the file, also when the HDF5 reader's message does not (a
            // damaged file fails inside the input check with the reader's own exception)
            String message = RunTask.oneLine(e);
            throw message.contains(input.toString()) ? e : new IOException(input + ": " + message, e);
        }
    }
}
