package org.edgewise.api.sources;

import java.nio.file.Path;
import java.util.Objects;

import org.edgewise.api.stages.DataKind;

/**
 * One input dataset of a pipeline, as written in the pipeline file. Values given here override what the file
 * says; a source reads what is missing from the file (e.g. Data Exchange's pixel size) or reports it as missing.
 *
 * @param name        the name stages refer to, e.g. {@code "scan"}
 * @param file        the file, absolute or relative to the pipeline file; {@code memory:NAME} for in-memory data
 * @param path        the dataset inside the file, e.g. {@code /exchange/data}; null when the file holds one
 * @param kind        what the dataset is, e.g. {@link DataKind#PROJECTIONS} {@code [angle, row, column]}
 * @param pixelSizeUm pixel (projections) or voxel (volumes) size in µm, or null to read it from the file
 * @param energyKev   beam energy in keV, or null to read it from the file
 * @param valueUnit   unit of the values (e.g. {@code "counts"}), or null to read it from the file
 * @param anglesPath  dataset of projection angles in degrees (e.g. {@code /exchange/theta}), or null for the
 *                    source's default
 */
public record InputSpec(String name, String file, String path, DataKind kind, Double pixelSizeUm, Double energyKev,
        String valueUnit, String anglesPath) implements java.io.Serializable {

    /** Prefix of {@link #file()} for datasets that live in memory (tests, the workbench). */
    public static final String MEMORY_SCHEME = "memory:";

    public InputSpec {
        Objects.requireNonNull(name, "an input needs a name");
        Objects.requireNonNull(file, "input '" + name + "' needs a file");
        Objects.requireNonNull(kind, "input '" + name + "' needs a kind");
    }

    /** @return true if the data is held in memory rather than in a file (not named isX: it is no JSON property) */
    public boolean inMemory() {
        return file.startsWith(MEMORY_SCHEME);
    }

    /**
     * @param baseDirectory the directory of the pipeline file
     * @return the file as a path, resolved against {@code baseDirectory} when relative
     * @throws IllegalStateException for in-memory inputs, which have no path
     */
    public Path resolve(Path baseDirectory) {
        if (inMemory()) {
            throw new IllegalStateException("input '" + name + "' is in memory and has no file");
        }
        return baseDirectory.resolve(file).toAbsolutePath().normalize();
    }
}
