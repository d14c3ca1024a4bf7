package org.edgewise.api.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.ILazyDataset;

/**
 * Opens the input datasets of a pipeline lazily (nothing is read until a slice is requested). HDF5 and TIFF
 * readers implement this; the runner asks each source in turn and uses the first that {@link #accepts} an input.
 */
public interface IDatasetSource {

    /**
     * @param spec the input as written in the pipeline file
     * @param file the resolved file, or null for in-memory inputs
     * @return true if this source can open it (usually decided by the file extension)
     */
    boolean accepts(InputSpec spec, Path file);

    /**
     * @param spec the input
     * @param file the resolved file, or null for in-memory inputs
     * @return a lazy dataset with the axis order of {@code spec.kind()}, carrying
     *         {@link org.edgewise.api.metadata.PhysicalMetadata} (pixel size µm, energy keV, angles deg, unit)
     * @throws IOException if the file cannot be read, or metadata is missing or contradictory (the message names
     *                     the input and what is missing)
     */
    ILazyDataset open(InputSpec spec, Path file) throws IOException;

    /**
     * What a source found usable only with caveats when it {@link #open opened} an input (a few NaN or negative
     * pixels, for example): the runner records these in the run's provenance. Asked once per input, after
     * {@link #open}.
     *
     * @param spec the input
     * @param file the resolved file, or null for in-memory inputs
     * @return one line per caveat, naming the file and the dataset; empty by default
     */
    default List<String> warnings(InputSpec spec, Path file) {
        return List.of();
    }
}
