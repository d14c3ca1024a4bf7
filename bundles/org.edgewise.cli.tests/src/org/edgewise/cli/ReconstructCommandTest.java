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
import org.edgewise.api.tables.Tables;
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
        assertEquals(0, run("reconstruct", scans.toString(), "--out", result.toString(), "--center", "middle"),
                err.toString());

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
        assertEquals("edgewise.recon.reconstruct", saved.steps().get(11).stage());
    }

    @Test
    void theAutomaticCentreAndAlignedScansReconstructLikeTheTrueCentre(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--preset", "63ni", "--out", scans.toString(), "--size", "48", "--angles",
                "90", "--particles", "1", "--seed", "11", "--jitter", "0", "--centre-offset", "4"), err.toString());
        Path niAbove = scans.resolve("scan_06_ni_above.h5");
        double trueCentrePx = trueValue(Files.readString(scans.resolve("truth.json")), "rotationCentrePx", 5);

        Dataset truth = reconstruct(dir, niAbove, "truth", String.valueOf(trueCentrePx));
        Dataset middle = reconstruct(dir, niAbove, "middle", "middle");
        Dataset auto = reconstruct(dir, niAbove, "auto", "auto");
        double middleError = rmsDifference(middle, truth);
        double autoError = rmsDifference(auto, truth);
        assertTrue(autoError < 0.3 * middleError, "auto centre " + autoError + " vs detector middle " + middleError);

        // 'edgewise align' writes aligned scans; reconstruct takes them as they are
        Path aligned = dir.resolve("aligned-run");
        assertEquals(0, run("align", niAbove.toString(), "--out", aligned.toString()), err.toString());
        Path out = dir.resolve("from-aligned");
        assertEquals(0, run("reconstruct", aligned.resolve("aligned").toString(), "--out", out.toString()),
                err.toString());
        Dataset fromAligned = ResultsFile.read(out.resolve("volumes.h5"), "ni_above").data();
        assertTrue(rmsDifference(fromAligned, truth) < 0.3 * middleError,
                "aligned scan " + rmsDifference(fromAligned, truth) + " vs detector middle " + middleError);
    }

    /**
     * The pair stages through the runner: the above-edge scan is registered to the below-edge one (scale against the
     * simulator's magnification errors) and reconstructed onto its voxels; without registration its voxels are
     * 0.5 % larger. (That the resampling lands on the reference grid is tested in the align tests.)
     */
    @Test
    void anEnergyPairIsRegisteredAndReconstructedOnOneGrid(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--preset", "63ni", "--out", scans.toString(), "--size", "64", "--angles",
                "90", "--particles", "2", "--seed", "3", "--jitter", "0.5", "--centre-offset", "3",
                "--energy-scaled-pixel"), err.toString());
        Path pair = dir.resolve("ni");
        Files.createDirectories(pair);
        for (String name : List.of("scan_05_ni_below.h5", "scan_06_ni_above.h5")) {
            Files.copy(scans.resolve(name), pair.resolve(name));
        }
        Path registered = dir.resolve("registered");
        assertEquals(0, run("reconstruct", pair.toString(), "--out", registered.toString()), err.toString());
        Path unregistered = dir.resolve("unregistered");
        assertEquals(0, run("reconstruct", pair.toString(), "--out", unregistered.toString(), "--no-register"),
                err.toString());

        Pipeline saved = Pipelines.read(registered.resolve("pipeline.json"));
        assertTrue(saved.steps().stream().anyMatch(s -> s.stage().equals("edgewise.align.register-pair")));
        assertTrue(saved.steps().stream().anyMatch(s -> s.stage().equals("edgewise.align.apply-registration")));

        String truth = Files.readString(scans.resolve("truth.json"));
        double trueScale = trueValue(truth, "scale", 5) / trueValue(truth, "scale", 4);
        double[] table = Tables.row(ResultsFile.readDataset(registered.resolve("volumes.h5"),
                "ni_above_registration.registration"), 0);
        // 64 px particles of ~25 px: the landmark scale is good to ≈ 0.15 % here, 0.05 % at 128 px (align tests)
        assertEquals(trueScale, table[2], 2e-3 * trueScale, "registered scale vs the simulator's: "
                + java.util.Arrays.toString(table));

        ResultsFile.Volume below = ResultsFile.read(registered.resolve("volumes.h5"), "ni_below");
        ResultsFile.Volume above = ResultsFile.read(registered.resolve("volumes.h5"), "ni_above");
        ResultsFile.Volume ownGrid = ResultsFile.read(unregistered.resolve("volumes.h5"), "ni_above");
        assertEquals(below.voxelSizeUm(), above.voxelSizeUm(), 1e-12, "one grid");
        assertTrue(Math.abs(ownGrid.voxelSizeUm() / below.voxelSizeUm() - 1) > 0.004, "the above scan's own voxels");
        assertEquals(below.data().getShape()[0], above.data().getShape()[0]);
    }

    /** @return the value of {@code key} in the {@code index}-th scan (0-based, files in name order) of truth.json */
    private static double trueValue(String truthJson, String key, int index) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("\"" + key + "\"\\s*:\\s*([-0-9.eE]+)").matcher(truthJson);
        for (int i = 0; i <= index; i++) {
            assertTrue(matcher.find(), "truth.json lists " + key + " of scan " + i);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private Dataset reconstruct(Path dir, Path scan, String label, String center) throws Exception {
        Path out = dir.resolve("recon-" + label);
        assertEquals(0, run("reconstruct", scan.toString(), "--out", out.toString(), "--center", center),
                err.toString());
        return ResultsFile.read(out.resolve("volumes.h5"), "ni_above").data();
    }

    private static double rmsDifference(Dataset a, Dataset b) {
        Dataset difference = a.cast(org.eclipse.january.dataset.DoubleDataset.class).isubtract(b);
        return Math.sqrt(((Number) difference.ipower(2).mean()).doubleValue());
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
