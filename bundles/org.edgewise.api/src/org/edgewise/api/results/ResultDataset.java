package org.edgewise.api.results;

import java.util.Objects;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgewise.api.stages.DataKind;

/**
 * One dataset that a run writes to its results file.
 *
 * @param name the dataset's name in the pipeline, e.g. {@code recon.volume}; unique within a file, no {@code /}
 * @param kind what it is, which fixes its axes ({@code [z, y, x]}, {@code [angle, row, column]} ...)
 * @param data the values with {@link org.edgewise.api.metadata.PhysicalMetadata} (pixel size µm, energy keV,
 *             angles deg, unit); tables also with {@link org.edgewise.api.tables.TableMetadata} when they have it
 */
public record ResultDataset(String name, DataKind kind, ILazyDataset data) {

    public ResultDataset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("a result name is non-blank and has no '/', was '" + name + "'");
        }
    }
}
