package org.edgewise.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a batch, as the manifest lists it.
 *
 * @param name       the run's name: its output folder is {@code DIR/name}
 * @param input      the input folder (or file) of {@code edgewise analyze}, absolute
 * @param labels     label name → value (e.g. {@code architecture → 63Ni}, {@code state → cycled}), in manifest order
 * @param parameters parameter overrides of the analysis, name → value as text (e.g. {@code surface-level → 0.4})
 */
public record RunSpec(String name, String input, Map<String, String> labels, Map<String, String> parameters)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** @return the input as a path */
    public Path inputPath() {
        return Path.of(input);
    }
}
