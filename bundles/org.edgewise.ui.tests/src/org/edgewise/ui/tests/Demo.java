package org.edgewise.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgewise.ui.data.DatasetEntry;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.preferences.EdgewisePreferences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The small demo dataset the workbench tests share: simulated once per test run (40 × 40 pixels, 45 angles, two
 * particles, six scans), then reopened from its folder.
 */
public final class Demo {

    /** Detector size. */
    public static final int SIZE = 40;
    /** Projections per scan. */
    public static final int ANGLES = 45;
    /** The settings. */
    public static final EdgewisePreferences.DemoSettings SETTINGS = new EdgewisePreferences.DemoSettings(2e4, 0, SIZE,
            ANGLES);

    private static Path parent;

    private Demo() {
    }

    /**
     * Opens the demo dataset (simulating it the first time) as File › Open Demo Dataset does.
     *
     * @param registry where the scans go
     * @return the job, finished
     */
    public static synchronized DemoJob open(IDatasetRegistry registry) throws IOException {
        if (parent == null) {
            parent = Files.createTempDirectory("edgewise-ui-tests-demo");
        }
        DemoJob job = new DemoJob(parent, SETTINGS, registry);
        assertTrue(Ui.run(job).isOK(), String.valueOf(job.getResult()));
        return job;
    }

    /**
     * @param job  a finished demo job
     * @param name a scan's name, e.g. {@code scan_05_ni_below}
     * @return its entry
     */
    public static DatasetEntry scan(DemoJob job, String name) {
        List<DatasetEntry> scans = job.getOpened();
        return scans.stream().filter(entry -> entry.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * @param job  a finished demo job
     * @param file a scan file name, e.g. {@code scan_05_ni_below.h5}
     * @return the true rotation axis of that scan as an offset from the detector centre, pixels (truth.json)
     */
    public static double trueCentreOffsetPx(DemoJob job, String file) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(job.getFolder().resolve("truth.json").toFile());
        for (JsonNode scan : truth.get("scans")) {
            if (scan.get("file").asText().equals(file)) {
                return scan.get("rotationCentrePx").asDouble() - (SIZE - 1) / 2.0;
            }
        }
        throw new IllegalArgumentException("no scan " + file + " in truth.json");
    }
}
