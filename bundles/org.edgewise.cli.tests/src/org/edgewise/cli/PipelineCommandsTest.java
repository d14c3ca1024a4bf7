package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/** {@code edgewise run} and {@code edgewise stages} inside OSGi, with the stages of org.edgewise.core/plugin.xml. */
class PipelineCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** A volume 4 × 4 × 4 with v = 100 z + 10 y + x, written as /volume in volume.h5. */
    @BeforeEach
    void writeVolume() {
        float[][][] values = new float[4][4][4];
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    values[z][y][x] = 100 * z + 10 * y + x;
                }
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(dir.resolve("volume.h5"))) {
            hdf.putDataset("volume", values);
        }
    }

    private Path pipeline(String steps) throws IOException {
        String json = """
                {"inputs": [{"name": "recon", "file": "volume.h5", "path": "/volume", "kind": "volume",
                             "pixelSizeUm": 0.05, "energyKev": 8.353, "valueUnit": "1/µm"}],
                 "steps": [%s]}
                """.formatted(steps);
        return Files.writeString(dir.resolve("pipeline.json"), json);
    }

    private void assertOneLineError(String expectedStart) {
        String text = err.toString();
        assertTrue(text.startsWith(expectedStart), text);
        assertEquals(1, text.lines().count(), text);
    }

    @Test
    void stagesListsTheContributedStagesWithTheirParameters() {
        assertEquals(0, run("stages"));
        String listing = out.toString();
        assertTrue(listing.contains("edgewise.core.bin  Bin volume  [preprocessing]  version 0.1.0."), listing);
        assertTrue(listing.contains("    factor (Factor): int, voxels, default 2, range [1, 8] - "), listing);
        assertTrue(listing.contains("    in:  volume (volume [z, y, x])"), listing);
        assertTrue(listing.contains("edgewise.core.minus-log  Minus log"), listing);
        assertTrue(listing.contains("    floor (Transmission floor): double, default 1e-6, range [1.0E-12, 1]"),
                listing);
        assertTrue(listing.contains("edgewise.core.crop  Crop volume"), listing);
    }

    @Test
    void runWritesResultsAndShowsProgress() throws Exception {
        Path file = pipeline("""
                {"stage": "edgewise.core.crop", "parameters": {"zStart": 0, "zEnd": 4, "xStart": 0, "xEnd": 4}},
                {"stage": "edgewise.core.bin", "parameters": {"factor": 2}}""");
        Path results = dir.resolve("results");
        assertEquals(0, run("run", file.toString(), "--out", results.toString(), "--slab", "2"), err.toString());
        assertTrue(out.toString().startsWith("wrote " + results.resolve("results.h5")), out.toString());
        assertTrue(err.toString().contains("step 2/2 edgewise.core.bin: slab 2/2 [2, 4)"), err.toString());
        Dataset data = ResultsFile.readDataset(results.resolve("results.h5"), "step2.volume");
        assertArrayEquals(new int[] { 2, 2, 2 }, data.getShape());
        assertEquals(0.1, PhysicalMetadata.of(data).pixelSizeUm(), 1e-12);
        assertEquals(277.5, data.getDouble(1, 1, 1), 1e-9);
        assertTrue(Files.readString(results.resolve("provenance.json")).contains("\"stageId\" : \"edgewise.core.crop\""));
    }

    @Test
    void anUnknownStageIsAOneLineUsageError() throws Exception {
        Path file = pipeline("{\"stage\": \"edgewise.core.bni\"}");
        assertEquals(2, run("run", file.toString(), "--out", dir.resolve("o").toString()));
        assertOneLineError("edgewise run: step 1: unknown stage 'edgewise.core.bni'; known stages: [");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aWrongKindOrderIsAOneLineUsageError() throws Exception {
        Path file = pipeline("{\"stage\": \"edgewise.core.minus-log\"}");
        assertEquals(2, run("run", file.toString(), "--out", dir.resolve("o").toString()));
        assertOneLineError("edgewise run: step 1 (edgewise.core.minus-log): input 'projections' needs projections"
                + " [angle, row, column] but no earlier dataset is one; available: recon (volume)");
    }

    @Test
    void aBadParameterIsAOneLineUsageError() throws Exception {
        Path file = pipeline("{\"stage\": \"edgewise.core.bin\", \"parameters\": {\"factor\": 0}}");
        assertEquals(2, run("run", file.toString(), "--out", dir.resolve("o").toString()));
        assertOneLineError("edgewise run: step 1 (edgewise.core.bin): parameter 'factor' (Factor) = 0 voxels is"
                + " outside [1, 8]");
    }

    @Test
    void aMissingInputOrPipelineFileIsAOneLineUsageError() throws Exception {
        Files.delete(dir.resolve("volume.h5"));
        Path file = pipeline("{\"stage\": \"edgewise.core.bin\"}");
        assertEquals(2, run("run", file.toString(), "--out", dir.resolve("o").toString()));
        assertOneLineError("edgewise run: input 'recon': file " + dir.resolve("volume.h5").toAbsolutePath()
                + " does not exist");

        err.getBuffer().setLength(0);
        assertEquals(2, run("run", dir.resolve("nothing.json").toString(), "--out", dir.resolve("o").toString()));
        assertOneLineError("edgewise run: pipeline file " + dir.resolve("nothing.json") + " does not exist");
    }

    @Test
    void aFailingStageExitsOneAndLeavesNoOutput() throws Exception {
        Path file = pipeline("{\"stage\": \"edgewise.core.bin\", \"parameters\": {\"factor\": 8}}");
        Path results = dir.resolve("results");
        assertEquals(1, run("run", file.toString(), "--out", results.toString()));
        assertTrue(err.toString().contains("edgewise run: step 1 (edgewise.core.bin) failed: cannot bin a volume of"
                + " shape [4, 4, 4] by 8"), err.toString());
        assertFalse(Files.exists(results));
    }

    @Test
    void runWithoutOutIsAUsageError() throws Exception {
        assertEquals(2, run("run", pipeline("{\"stage\": \"edgewise.core.bin\"}").toString()));
        assertTrue(err.toString().contains("--out"), err.toString());
    }
}
