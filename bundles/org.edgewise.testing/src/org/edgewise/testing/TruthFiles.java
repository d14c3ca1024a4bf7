package org.edgewise.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.edgewise.physics.phantom.Simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code truth.json} that {@code edgewise simulate} writes next to its scans, so that tests compare what the
 * commands found with what was simulated.
 * <pre>{@code
 * Simulator.Truth truth = TruthFiles.read(scans);
 * Simulator.ScanTruth niAbove = TruthFiles.scan(truth, "scan_06_ni_above");
 * }</pre>
 */
public final class TruthFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TruthFiles() {
    }

    /**
     * @param folder the simulation's output folder
     * @return its truth
     * @throws IOException if {@code truth.json} is missing or unreadable
     */
    public static Simulator.Truth read(Path folder) throws IOException {
        return JSON.readValue(folder.resolve(Simulator.TRUTH_FILE).toFile(), Simulator.Truth.class);
    }

    /**
     * @param truth a simulation's truth
     * @param stem  a scan file's name without {@code .h5}, e.g. {@code scan_06_ni_above}
     * @return that scan's true geometry
     * @throws IllegalArgumentException if there is no such scan
     */
    public static Simulator.ScanTruth scan(Simulator.Truth truth, String stem) {
        return truth.scans().stream().filter(s -> s.file().equals(stem + ".h5")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scan " + stem + " in the truth"));
    }
}
