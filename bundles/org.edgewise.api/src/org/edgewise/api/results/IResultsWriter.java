package org.edgewise.api.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the results of a pipeline run into one file. The pipeline runner (core) knows no file format: it is given
 * a writer, normally {@code org.edgewise.io.ResultsFile.pipelineWriter()} (HDF5 laid out as NeXus).
 * <p>
 * The runner calls {@link #write} on a file inside its temporary run directory and moves the file into the output
 * directory only when everything succeeded, so a writer need not be atomic itself.
 */
public interface IResultsWriter {

    /** @return the file's name in the output directory, e.g. {@code results.h5} */
    String fileName();

    /**
     * @param file            the file to create (it does not exist yet)
     * @param results         the datasets, in the pipeline's order of results; each is read whole once
     * @param provenanceJson  the run's provenance record
     * @param edgewiseVersion the version of Edgewise that wrote them
     * @throws IOException if the file cannot be written or a dataset cannot be read
     */
    void write(Path file, List<ResultDataset> results, String provenanceJson, String edgewiseVersion)
            throws IOException;
}
