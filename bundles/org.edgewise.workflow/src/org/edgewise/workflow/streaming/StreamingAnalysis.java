package org.edgewise.workflow.streaming;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.january.IMonitor;
import org.edgewise.api.stages.IStageRegistry;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.workflow.Analysis;
import org.edgewise.workflow.AnalysisParameters;

/**
 * PLACEHOLDER of the streaming analysis (a volumes file → the analysis files in bounded memory), written on another
 * branch; only its signature is here, so that the analysis can dispatch to it. Replace this file by the real one.
 */
public final class StreamingAnalysis {

    /**
     * @param reductionFactor the factor of the reduced copies the element registration runs on
     * @param slabRows        volume slices per slab of the passes
     */
    public record Settings(int reductionFactor, int slabRows) {
    }

    private StreamingAnalysis() {
    }

    /**
     * @throws PipelineException always: the streaming analysis is not part of this build
     */
    public static Analysis.Result run(Path volumesFile, Path staging, AnalysisParameters parameters,
            Settings settings, IStageRegistry stages, IMonitor monitor) throws IOException, PipelineException {
        throw new PipelineException("the streaming analysis is not part of this build; run with --streaming off and"
                + " more memory");
    }
}
