package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.Element;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ScanGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorTest {

    @TempDir
    static Path dir;

    private Simulator.Result result;
    private SimulationSettings settings;

    @BeforeAll
    void simulate() throws IOException {
        settings = new SimulationSettings(Architecture.preset("63ni"), 48, 24, 2e4, 2, 7, 0, 0.5, 3, 0.003, true, 1,
                false);
        List<String> log = new ArrayList<>();
        result = Simulator.run(settings, dir, log::add);
        assertEquals(8, log.size(), String.join("\n", log));
    }

    @Test
    void writesSixScansThatReadBackWithTheirEnergiesAndPairUp() throws IOException {
        assertEquals(6, result.files().size());
        List<ScanGroups.Pair> pairs = ScanGroups.group(List.of(dir), DataExchangeReader.Metadata.none());
        assertEquals(3, pairs.size());
        for (ScanGroups.Pair pair : pairs) {
            assertEquals(org.edgewise.physics.EnergyPair.typical(pair.element()).belowKev(),
                    pair.below().energyKev(), 1e-12);
            assertEquals(org.edgewise.physics.EnergyPair.typical(pair.element()).aboveKev(),
                    pair.above().energyKev(), 1e-12);
            assertTrue(pair.below().file().getFileName().toString()
                    .contains(pair.element().symbol().toLowerCase() + "_below"));
        }
        try (DataExchangeReader reader = DataExchangeReader.open(result.files().get(5))) {
            assertTrue(reader.isUnsigned16());
            assertEquals(24, reader.angleCount());
            assertEquals(48, reader.rows());
            assertEquals(48, reader.columns());
            assertEquals(7.5, reader.anglesDeg()[1], 1e-12);
            // energy-scaled pixel: Ni above is stated larger than at the lowest energy
            Simulator.ScanTruth truth = result.truth().scans().get(5);
            assertEquals(truth.statedPixelUm(), reader.pixelSizeUm(), 1e-12);
            assertEquals(result.truth().voxelUm() * 8.353 / 6.534, reader.pixelSizeUm(), 1e-9);
        }
    }

    @Test
    void correctedProjectionsMatchTheTrueGeometrysLineIntegrals() throws IOException {
        Simulator.ScanTruth truth = result.truth().scans().get(4); // Ni below
        ScanGeometry geometry = new ScanGeometry(48, 48, ScanGeometry.anglesOver180(24), truth.statedPixelUm(),
                truth.scale(), truth.rotationCentrePx(), truth.jitterRowPx(), truth.jitterColPx());
        float[][][] p = Projector.project(result.phantom(), geometry, truth.energyKev(), 1);
        try (DataExchangeReader reader = DataExchangeReader.open(dir.resolve(truth.file()))) {
            FloatDataset data = reader.readProjections(0, 24);
            FloatDataset white = reader.flats();
            FloatDataset dark = reader.darks();
            double sumError = 0;
            double sumP = 0;
            int n = 0;
            for (int a = 0; a < 24; a++) {
                for (int r = 0; r < 48; r++) {
                    for (int c = 0; c < 48; c++) {
                        double w = 0;
                        for (int f = 0; f < white.getShape()[0]; f++) {
                            w += white.getFloat(f, r, c) / white.getShape()[0];
                        }
                        double d = 0;
                        for (int f = 0; f < dark.getShape()[0]; f++) {
                            d += dark.getFloat(f, r, c) / dark.getShape()[0];
                        }
                        double measured = -Math.log((data.getFloat(a, r, c) - d) / (w - d));
                        sumError += measured - p[a][r][c];
                        sumP += p[a][r][c];
                        n++;
                    }
                }
            }
            assertTrue(sumP / n > 0.005, "the particles attenuate: mean p " + sumP / n);
            assertEquals(0, sumError / n, 0.002, "unbiased on average");
        }
    }

    @Test
    void truthJsonHoldsParticlesScansAndProfilesThatAverageToTheIcpComposition() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve(Simulator.TRUTH_FILE).toFile());
        assertEquals("edgewise-truth/1", truth.get("format").asText());
        assertEquals(6, truth.get("scans").size());
        assertEquals(24, truth.get("scans").get(0).get("jitterColPx").size());
        assertEquals(2, truth.get("particles").size());
        for (JsonNode particle : truth.get("particles")) {
            assertEquals(5.5, particle.get("equivDiameterUm").asDouble(), 0.3);
            assertEquals(0.7, particle.get("feretRatio").asDouble(), 0.031);
            double volume = 0;
            double ni = 0;
            double mn = 0;
            double co = 0;
            double previousDepth = -1;
            for (JsonNode bin : particle.get("profile")) {
                double v = bin.get("volumeUm3").asDouble();
                volume += v;
                ni += v * bin.get("fractionNi").asDouble();
                mn += v * bin.get("fractionMn").asDouble();
                co += v * bin.get("fractionCo").asDouble();
                assertTrue(bin.get("depthLowUm").asDouble() > previousDepth);
                previousDepth = bin.get("depthLowUm").asDouble();
                double ratios = bin.get("ratioNi").asDouble() + bin.get("ratioMn").asDouble()
                        + bin.get("ratioCo").asDouble();
                assertEquals(1, ratios, 1e-9);
            }
            // the sampled solid volume equals the analytic one; pores near the centre bias the average slightly
            assertEquals(particle.get("solidVolumeUm3").asDouble(), volume, 0.01 * volume);
            assertEquals(0.63, ni / volume, 0.01);
            assertEquals(0.19, mn / volume, 0.01);
            assertEquals(0.18, co / volume, 0.01);
            JsonNode surface = particle.get("profile").get(0);
            assertTrue(surface.get("ratioMn").asDouble() > surface.get("fractionMn").asDouble(),
                    "the Mn ratio is biased up by its larger edge jump");
        }
    }

    @Test
    void sameSeedSameFiles() throws IOException {
        Path again = dir.resolve("again");
        Simulator.Result second = Simulator.run(new SimulationSettings(Architecture.preset("63ni"), 48, 24, 2e4, 2, 7,
                0, 0.5, 3, 0.003, true, 1, false), again, line -> { });
        try (DataExchangeReader a = DataExchangeReader.open(result.files().get(2));
                DataExchangeReader b = DataExchangeReader.open(second.files().get(2))) {
            FloatDataset pa = a.readProjections(10, 1);
            FloatDataset pb = b.readProjections(10, 1);
            for (int r = 0; r < 48; r++) {
                for (int c = 0; c < 48; c++) {
                    assertEquals(pa.getFloat(0, r, c), pb.getFloat(0, r, c));
                }
            }
        }
        assertEquals(Element.MN.symbol(), second.truth().scans().get(0).element());
    }
}
