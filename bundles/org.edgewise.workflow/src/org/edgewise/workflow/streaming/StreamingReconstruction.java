package org.edgewise.workflow.streaming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.IMonitor;
import org.edgewise.core.pipeline.PipelineException;
import org.edgewise.workflow.Scan;

/**
 * PLACEHOLDER of the streaming reconstruction (scans → a volumes file in bounded memory), written on another branch;
 * only its signature is here, so that the analysis can dispatch to it. Replace this file by the real one.
 */
public final class StreamingReconstruction {

    /**
     * @param reductionFactor the factor of the reduced copies the estimates run on
     * @param slabRows        detector rows per slab
     * @param bin             detector binning on input (1: none)
     */
    public record Settings(int reductionFactor, int slabRows, int bin) {
    }

    private StreamingReconstruction() {
    }

    /**
     * @throws PipelineException always: the streaming reconstruction is not part of this build
     */
    public static void run(List<Scan> scans, Path volumesFile, Settings settings, IMonitor monitor)
            throws IOException, PipelineException {
        throw new PipelineException("the streaming reconstruction is not part of this build; run with --streaming"
                + " off and more memory");
    }
}
