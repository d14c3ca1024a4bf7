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
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.core.pipeline.Pipeline;
import org.edgewise.core.pipeline.Pipelines;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ResultsFile;
import org.edgewise.physics.phantom.Architecture;
import org.edgewise.physics.phantom.Particle;
import org.edgewise.physics.phantom.SimulationSettings;
import org.edgewise.physics.phantom.Simulator;
import org.edgewise.recon.stages.ReconstructStage;
import org.edgewise.testing.TruthFiles;
import org.edgewise.workflow.StandardIo;
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
        assertEquals(List.of(40, 40, 40), List.of(below.data().getShape()[0], below.data().getShape()[1],
                below.data().getShape()[2]));

        // the pipeline that ran is saved and repeats the run: per scan normalise, then reconstruct
        Pipeline saved = Pipelines.read(result.resolve("pipeline.json"));
        assertEquals(12, saved.steps().size());
        assertEquals(NormaliseStage.ID, saved.steps().get(0).stage());
        assertEquals(ReconstructStage.ID, saved.steps().get(11).stage());
    }

    /** --bin 2: half the voxels along every axis, twice the voxel size; --bin 3 is a usage error before any work. */
    @Test
    void binningOnInputHalvesTheVolumeAndDoublesTheVoxel(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--preset", "80ni", "--out", scans.toString(), "--size", "40", "--angles",
                "40", "--particles", "1", "--seed", "5", "--jitter", "0", "--centre-offset", "0"), err.toString());
        assertEquals(2, run("reconstruct", scans.toString(), "--out", dir.resolve("bad").toString(), "--bin", "3"));
        assertTrue(err.toString().contains("--bin must be 1, 2 or 4"), err.toString());
        assertFalse(Files.exists(dir.resolve("bad")));
        Path result = dir.resolve("recon");
        assertEquals(0, run("reconstruct", scans.toString(), "--out", result.toString(), "--center", "middle",
                "--bin", "2"), err.toString());
        double pixelUm;
        try (DataExchangeReader reader = DataExchangeReader.open(scans.resolve("scan_05_ni_below.h5"))) {
            pixelUm = reader.pixelSizeUm();
        }
        ResultsFile.Volume below = ResultsFile.read(result.resolve("volumes.h5"), "ni_below");
        assertEquals(2 * pixelUm, below.voxelSizeUm(), 1e-12);
        assertEquals(List.of(20, 20, 20), List.of(below.data().getShape()[0], below.data().getShape()[1],
                below.data().getShape()[2]));
    }

    /**
     * μ inside a particle, in 1/µm, against the phantom's own attenuation (xraylib cross-sections of its layered
     * composition and density, pores included) averaged over the same voxels by 3 × 3 × 3 point samples per voxel:
     * below and above the Ni edge, and their difference, the edge jump the elemental maps are made of.
     */
    @Test
    void muInsideAParticleMatchesItsComposition(@TempDir Path dir) throws Exception {
        int size = 64;
        Simulator.Result simulated = Simulator.run(new SimulationSettings(Architecture.preset("63ni"), size, 120, 2e4,
                1, 5, 0, 0, 0, 0, false, 1, false), dir.resolve("scans"), line -> { });
        Path recon = dir.resolve("recon");
        assertEquals(0, run("reconstruct", dir.resolve("scans").toString(), "--out", recon.toString(), "--centre",
                "middle"), err.toString());
        Particle particle = simulated.phantom().particles().get(0);
        double pixelUm = simulated.truth().voxelUm();
        double[] reconstructed = new double[2];
        double[] truth = new double[2];
        String[] names = { "ni_below", "ni_above" };
        for (int i = 0; i < 2; i++) {
            String side = names[i].substring(3);
            double energyKev = simulated.truth().scans().stream().filter(t -> t.element().equals("Ni")
                    && t.side().equals(side)).findFirst().orElseThrow().energyKev();
            ResultsFile.Volume volume = ResultsFile.read(recon.resolve("volumes.h5"), names[i]);
            assertEquals(pixelUm, volume.voxelSizeUm(), 1e-12);
            double[] mean = meanInside(volume.data(), particle, pixelUm, energyKev);
            reconstructed[i] = mean[0];
            truth[i] = mean[1];
            assertEquals(truth[i], reconstructed[i], 0.01 * truth[i], names[i] + " μ, 1/µm");
        }
        double jump = reconstructed[1] - reconstructed[0];
        double trueJump = truth[1] - truth[0];
        System.out.printf(java.util.Locale.ROOT, "μ inside the particle: below %.5f (truth %.5f), above %.5f (truth"
                + " %.5f), jump %.5f (truth %.5f) 1/µm%n", reconstructed[0], truth[0], reconstructed[1], truth[1],
                jump, trueJump);
        assertEquals(trueJump, jump, 0.02 * trueJump, "Ni edge jump, 1/µm");
    }

    /**
     * @return {mean reconstructed μ, mean true μ} over the voxels whose centres lie in the inner 60 % of the
     *         particle's ellipsoid (away from the blurred surface); voxel (z, y, x) is at world
     *         ((x − m)·pixel, (y − m)·pixel, (z − m)·pixel), m = (size − 1)/2, as truth.json states
     */
    private static double[] meanInside(Dataset volume, Particle particle, double pixelUm, double energyKev) {
        int n = volume.getShape()[0];
        double m = (n - 1) / 2.0;
        double[] muPerShell = particle.attenuationPerUm(energyKev);
        double[] semi = particle.semiAxesUm();
        double[] local = new double[3];
        double sumReconstructed = 0;
        double sumTrue = 0;
        long count = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    particle.toLocal((x - m) * pixelUm, (y - m) * pixelUm, (z - m) * pixelUm, local);
                    double r2 = Math.pow(local[0] / semi[0], 2) + Math.pow(local[1] / semi[1], 2)
                            + Math.pow(local[2] / semi[2], 2);
                    if (r2 > 0.6 * 0.6) {
                        continue;
                    }
                    double sample = 0;
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                sample += particle.attenuationAtPerUm((x - m + dx / 3.0) * pixelUm,
                                        (y - m + dy / 3.0) * pixelUm, (z - m + dz / 3.0) * pixelUm, energyKev,
                                        muPerShell);
                            }
                        }
                    }
                    sumTrue += sample / 27;
                    sumReconstructed += volume.getDouble(z, y, x);
                    count++;
                }
            }
        }
        assertTrue(count > 1000, "voxels inside the particle: " + count);
        return new double[] { sumReconstructed / count, sumTrue / count };
    }

    @Test
    void theAutomaticCentreAndAlignedScansReconstructLikeTheTrueCentre(@TempDir Path dir) throws Exception {
        Path scans = dir.resolve("scans");
        assertEquals(0, run("simulate", "--preset", "63ni", "--out", scans.toString(), "--size", "48", "--angles",
                "90", "--particles", "1", "--seed", "11", "--jitter", "0", "--centre-offset", "4"), err.toString());
        Path niAbove = scans.resolve("scan_06_ni_above.h5");
        double trueCentrePx = TruthFiles.scan(TruthFiles.read(scans), "scan_06_ni_above").rotationCentrePx();

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
        assertTrue(saved.steps().stream().anyMatch(s -> s.stage().equals(RegisterPairStage.ID)));
        assertTrue(saved.steps().stream().anyMatch(s -> s.stage().equals(ApplyRegistrationStage.ID)));

        Simulator.Truth truth = TruthFiles.read(scans);
        double trueScale = TruthFiles.scan(truth, "scan_06_ni_above").scale()
                / TruthFiles.scan(truth, "scan_05_ni_below").scale();
        org.edgewise.align.Registration.Result registration = AlignmentTables.pairRegistrationResult(
                StandardIo.readResult(registered.resolve("volumes.h5"), "ni_above_registration.registration"));
        // 64 px particles of ~25 px: the landmark scale is good to ≈ 0.15 % here, 0.05 % at 128 px (align tests)
        assertEquals(trueScale, registration.scale(), 2e-3 * trueScale, "registered scale vs the simulator's: "
                + registration.describe());

        ResultsFile.Volume below = ResultsFile.read(registered.resolve("volumes.h5"), "ni_below");
        ResultsFile.Volume above = ResultsFile.read(registered.resolve("volumes.h5"), "ni_above");
        ResultsFile.Volume ownGrid = ResultsFile.read(unregistered.resolve("volumes.h5"), "ni_above");
        assertEquals(below.voxelSizeUm(), above.voxelSizeUm(), 1e-12, "one grid");
        assertTrue(Math.abs(ownGrid.voxelSizeUm() / below.voxelSizeUm() - 1) > 0.004, "the above scan's own voxels");
        assertEquals(below.data().getShape()[0], above.data().getShape()[0]);
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
