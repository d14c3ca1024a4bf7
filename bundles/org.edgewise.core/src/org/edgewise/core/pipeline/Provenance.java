package org.edgewise.core.pipeline;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What produced a run's results, written as {@code provenance.json} and as the {@code provenance} attribute of
 * {@code results.h5}. Times are ISO-8601 UTC instants.
 *
 * @param software         always {@code Edgewise}
 * @param edgewiseVersion  version of {@code org.edgewise.core}, or {@code unknown} outside OSGi
 * @param startedAt        when the run started
 * @param finishedAt       when the results were complete
 * @param host             the machine's host name
 * @param javaVersion      {@code java.version}
 * @param operatingSystem  name, version and architecture
 * @param libraryVersions  numerical libraries (January, jhdf, ...) → version
 * @param description      the pipeline's description
 * @param inputs           every input file with its size and SHA-256
 * @param steps            every stage that ran, in order
 * @param results          the names of the written datasets
 * @param warnings         what the inputs or the stages could use only with caveats (a few replaced pixels, an
 *                         alignment that stopped before it converged), one line each naming the file or step; empty
 *                         for a clean run (and in records written before warnings were recorded)
 */
public record Provenance(String software, String edgewiseVersion, String startedAt, String finishedAt, String host,
        String javaVersion, String operatingSystem, Map<String, String> libraryVersions, String description,
        List<Input> inputs, List<Step> steps, List<String> results, List<String> warnings) {

    public Provenance {
        libraryVersions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(libraryVersions));
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        results = List.copyOf(results);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * @param more further warnings (e.g. what a command found in the results after the run)
     * @return this record with them appended
     */
    public Provenance withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Provenance(software, edgewiseVersion, startedAt, finishedAt, host, javaVersion, operatingSystem,
                libraryVersions, description, inputs, steps, results, all);
    }

    /**
     * One input.
     *
     * @param name      the input's name in the pipeline
     * @param path      absolute path, or {@code memory:NAME}
     * @param dataset   the dataset inside the file, e.g. {@code /exchange/data}
     * @param kind      e.g. {@code projections}
     * @param sizeBytes file size in bytes (−1 for in-memory data)
     * @param sha256    hex SHA-256 of the whole file (empty for in-memory data)
     */
    public record Input(String name, String path, String dataset, String kind, long sizeBytes, String sha256) {
    }

    /**
     * One stage that ran.
     *
     * @param position      1-based position in the pipeline
     * @param name          the step's name (its outputs are {@code name.port})
     * @param stageId       e.g. {@code edgewise.core.bin}
     * @param bundle        symbolic name of the bundle that holds the stage class, or {@code unknown}
     * @param bundleVersion its version, or {@code unknown}
     * @param doi           the method's citation, or empty
     * @param parameters    every parameter, defaults included
     * @param inputs        input port → dataset name
     * @param slabs         how many slabs the stage was run on (1 = whole)
     * @param startedAt     start time
     * @param finishedAt    end time
     */
    public record Step(int position, String name, String stageId, String bundle, String bundleVersion, String doi,
            Map<String, Object> parameters, Map<String, String> inputs, int slabs, String startedAt,
            String finishedAt) {
    }

    /** @return pretty-printed JSON */
    public String toJson() {
        try {
            return Pipelines.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param json the text of a {@code provenance.json}
     * @return the record
     * @throws JsonProcessingException if it is not one
     */
    public static Provenance fromJson(String json) throws JsonProcessingException {
        return Pipelines.JSON.readValue(json, Provenance.class);
    }
}
