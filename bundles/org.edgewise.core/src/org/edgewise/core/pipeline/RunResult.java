package org.edgewise.core.pipeline;

import java.nio.file.Path;

/**
 * What a finished run wrote.
 *
 * @param resultsFile    {@code DIR/results.h5}
 * @param provenanceFile {@code DIR/provenance.json}
 * @param provenance     the record written to both
 */
public record RunResult(Path resultsFile, Path provenanceFile, Provenance provenance) {
}
