package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconstructCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void reconstructsEveryScanIntoNamedVolumesWithTheScanMetadata(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--preset", "80ni", "--out", scans.toString(), "--size", "40", "--angles",
                "60", "--particles", "1", "--seed", "5", "--jitter", "0", "--centre-offset", "0"), err.toString());
        Path result = dir.resolve("recon");
        assertEquals(0, run("reconstruct", scans.toString(), "--out", result.toString()), err.toString());

        Path volumes = result.resolve("volumes.h5");
        assertTrue(Files.exists(volumes));
        assertTrue(Files.exists(result.resolve("provenance.json")));
        assertFalse(Files.exists(result.resolve("results.h5")), "renamed to volumes.h5");
        assertEquals(List.of("co_above", "co_below", "mn_above", "mn_below", "ni_above", "ni_below"),
                ResultsFile.volumeNames(volumes).stream().sorted().toList());

        double pixelUm;
        try (DataExchangeReader reader = DataExchangeReader.open(scans.resolve("scan_06_ni_above.h5"))) {
            pixelUm = reader.pixelSizeUm();
        }
        ResultsFile.Volume above = ResultsFile.read(volumes, "ni_above");
        ResultsFile.Volume below = ResultsFile.read(volumes, "ni_below");
        assertEquals(pixelUm, above.voxelSizeUm(), 1e-12);
        assertEquals("1/µm", above.units());
        assertEquals(40, above.data().getShape()[0]);
        // the Ni edge: attenuation rises across it wherever there is material
        Dataset jump = above.data().cast(org.eclipse.january.dataset.DoubleDataset.class)
                .isubtract(below.data());
        double strongest = above.data().max().doubleValue();
        assertTrue(strongest > 0.01, "material attenuates: max μ " + strongest + " /µm");
        assertTrue(jump.max().doubleValue() > 0.3 * strongest, "edge jump " + jump.max() + " vs μ " + strongest);

        // the pipeline that ran is saved and repeats the run
        Pipeline saved = Pipelines.read(result.resolve("pipeline.json"));
        assertEquals(12, saved.steps().size());
        assertEquals("edgewise.align.normalise", saved.steps().get(0).stage());
        assertEquals("edgewise.recon.reconstruct", saved.steps().get(1).stage());
    }

    @Test
    void anUnknownMethodIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        assertEquals(0, run("simulate", "--out", dir.resolve("s").toString(), "--size", "24", "--angles", "6",
                "--particles", "1"));
        assertEquals(2, run("reconstruct", dir.resolve("s").toString(), "--out", dir.resolve("r").toString(),
                "--method", "art"));
        assertTrue(err.toString().contains("edgewise reconstruct: --method must be gridding, fbp or sirt"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("r").resolve("volumes.h5")));
    }
}
