package org.edgewise.physics.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.ScanGroups;
import org.edgewise.physics.EnergyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldSimulatorTest {

    private static final int COLUMNS = 96;
    private static final int ROWS = 72;
    private static final int ANGLES = 20;

    @TempDir
    static Path dir;

    private FieldSimulator.Result result;

    @BeforeAll
    void simulate() throws IOException {
        FieldSpec spec = new FieldSpec(7, List.of(Architecture.preset("63ni"), Architecture.preset("80ni")), 5.5,
                0.12, 0.66, 0.75, 0.04, 0.02, 0.5, 0.03, 0.05);
        FieldSettings settings = new FieldSettings(spec, COLUMNS, ROWS, ANGLES, 2e4, 11, 0.22, 0.5, 3, 0.003, true, 1,
                0);
        List<String> log = new ArrayList<>();
        result = FieldSimulator.run(settings, dir.resolve("field"), log::add);
        assertEquals(8, log.size(), String.join("\n", log));
    }

    @Test
    void writesSixScansOfTheDetectorsShapeThatPairUp() throws IOException {
        assertEquals(6, result.files().size());
        assertEquals(3, ScanGroups.group(List.of(dir.resolve("field")), DataExchangeReader.Metadata.none()).size());
        try (DataExchangeReader reader = DataExchangeReader.open(result.files().get(5))) {
            assertTrue(reader.isUnsigned16());
            assertEquals(ANGLES, reader.angleCount());
            assertEquals(ROWS, reader.rows());
            assertEquals(COLUMNS, reader.columns());
            assertEquals(result.truth().scans().get(5).statedPixelUm(), reader.pixelSizeUm(), 1e-12);
            assertEquals(0.22 * 8.353 / 6.534, reader.pixelSizeUm(), 1e-9);
        }
    }

    @Test
    void normalisedCountsMatchTheFootprintLineIntegrals() throws IOException {
        Simulator.ScanTruth truth = result.truth().scans().get(4);
        ScanGeometry g = new ScanGeometry(ROWS, COLUMNS, ScanGeometry.anglesOver180(ANGLES), truth.statedPixelUm(),
                truth.scale(), truth.rotationCentrePx(), truth.jitterRowPx(), truth.jitterColPx());
        float[][][] p = new FootprintProjector(result.field().particles(), result.field().contacts(),
                truth.energyKev()).project(g, 1);
        try (DataExchangeReader reader = DataExchangeReader.open(dir.resolve("field").resolve(truth.file()))) {
            FloatDataset data = reader.readProjections(0, ANGLES);
            FloatDataset white = reader.flats();
            FloatDataset dark = reader.darks();
            double sumError = 0;
            double sumP = 0;
            int n = 0;
            for (int a = 0; a < ANGLES; a += 3) {
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        double w = 0;
                        for (int f = 0; f < white.getShape()[0]; f++) {
                            w += white.getFloat(f, r, c) / white.getShape()[0];
                        }
                        double d = 0;
                        for (int f = 0; f < dark.getShape()[0]; f++) {
                            d += dark.getFloat(f, r, c) / dark.getShape()[0];
                        }
                        sumError += -Math.log((data.getFloat(a, r, c) - d) / (w - d)) - p[a][r][c];
                        sumP += p[a][r][c];
                        n++;
                    }
                }
            }
            assertTrue(sumP / n > 0.02, "the particles attenuate: mean p " + sumP / n);
            assertEquals(0, sumError / n, 0.002, "unbiased on average");
        }
    }

    /** Cut flags from dense surface points of every particle, projected with every scan's true geometry. */
    private static boolean[] cutBySampling(Particle particle, List<ScanGeometry> scans) {
        double[] s = particle.semiAxesUm();
        double[] rot = particle.rotation();
        Vec3 c = particle.centreUm();
        boolean lateral = false;
        boolean rows = false;
        int n = 90;
        for (int i = 0; i < n; i++) {
            double v = Math.PI * (i + 0.5) / n;
            for (int j = 0; j < 2 * n; j++) {
                double u = Math.PI * j / n;
                double lx = s[0] * Math.sin(v) * Math.cos(u);
                double ly = s[1] * Math.sin(v) * Math.sin(u);
                double lz = s[2] * Math.cos(v);
                double x = c.x() + rot[0] * lx + rot[1] * ly + rot[2] * lz;
                double y = c.y() + rot[3] * lx + rot[4] * ly + rot[5] * lz;
                double z = c.z() + rot[6] * lx + rot[7] * ly + rot[8] * lz;
                for (ScanGeometry g : scans) {
                    for (int a = 0; a < g.anglesDeg().length; a++) {
                        double theta = Math.toRadians(g.anglesDeg()[a]);
                        double column = (x * Math.cos(theta) + y * Math.sin(theta)) / g.truePixelUm()
                                + g.rotationCentrePx() + g.jitterColPx()[a];
                        double row = z / g.truePixelUm() + (g.rows() - 1) / 2.0 + g.jitterRowPx()[a];
                        lateral |= column < -0.5 || column > g.columns() - 0.5;
                        rows |= row < -0.5 || row > g.rows() - 0.5;
                    }
                }
            }
        }
        return new boolean[] { lateral, rows };
    }

    @Test
    void truthListsEveryParticleWithCutFlagsContactsAndProfiles() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("field").resolve(Simulator.TRUTH_FILE).toFile());
        assertEquals(FieldTruth.FORMAT, truth.get("format").asText());
        assertEquals(ROWS, truth.get("rows").asInt());
        assertEquals(COLUMNS, truth.get("columns").asInt());
        assertEquals(7, truth.get("particles").size());
        List<ScanGeometry> scans = new ArrayList<>();
        for (Simulator.ScanTruth s : result.truth().scans()) {
            scans.add(new ScanGeometry(ROWS, COLUMNS, ScanGeometry.anglesOver180(ANGLES), s.statedPixelUm(), s.scale(),
                    s.rotationCentrePx(), s.jitterRowPx(), s.jitterColPx()));
        }
        int cut = 0;
        int touching = 0;
        for (JsonNode particle : truth.get("particles")) {
            int id = particle.get("id").asInt();
            boolean[] sampled = cutBySampling(result.field().particles().get(id - 1), scans);
            assertEquals(sampled[0], particle.get("cutLateral").asBoolean(), "lateral cut of " + id);
            assertEquals(sampled[1], particle.get("cutTopBottom").asBoolean(), "top/bottom cut of " + id);
            boolean isCut = particle.get("cut").asBoolean();
            double share = particle.get("inViewShare").asDouble();
            assertTrue(isCut ? share > 0.2 && share < 0.999 : share == 1, id + ": share " + share);
            cut += isCut ? 1 : 0;
            touching += particle.get("touching").size();
            assertTrue(List.of("63ni", "80ni").contains(particle.get("architecture").asText()));
            double volume = 0;
            for (JsonNode bin : particle.get("profile")) {
                volume += bin.get("volumeUm3").asDouble();
            }
            assertEquals(particle.get("solidVolumeUm3").asDouble(), volume, 0.01 * volume, "profile volume of " + id);
        }
        assertTrue(cut >= 1 && cut < 7, "cut particles " + cut);
        assertEquals(2 * truth.get("contacts").size(), touching, "each contact is listed on both particles");
        assertTrue(truth.get("contacts").size() >= 1);
    }

    @Test
    void theClassicPhantomThroughTheFieldPathGivesTheClassicSimulatorsFiles() throws IOException {
        SimulationSettings settings = new SimulationSettings(Architecture.preset("63ni"), 48, 24, 2e4, 2, 7, 0, 0.5,
                3, 0.003, true, 1, false);
        Path classicDir = dir.resolve("classic");
        Simulator.Result classic = Simulator.run(settings, classicDir, line -> { });
        AcquisitionModel acquisition = AcquisitionModel.typical(settings.flux());
        for (int index = 1; index <= 6; index++) {
            Simulator.ScanTruth truth = classic.truth().scans().get(index - 1);
            ScanGeometry g = new ScanGeometry(48, 48, ScanGeometry.anglesOver180(24), truth.statedPixelUm(),
                    truth.scale(), truth.rotationCentrePx(), truth.jitterRowPx(), truth.jitterColPx());
            Path streamed = dir.resolve("streamed").resolve(truth.file());
            FieldSimulator.writeScan(streamed, new FootprintProjector(classic.phantom(), truth.energyKev()), g,
                    truth.energyKev(), acquisition, AcquisitionModel.mix(settings.seed(), 200, index), 1, 0);
            try (DataExchangeReader a = DataExchangeReader.open(classicDir.resolve(truth.file()));
                    DataExchangeReader b = DataExchangeReader.open(streamed)) {
                assertEquals(a.energyKev(), b.energyKev());
                assertEquals(a.pixelSizeUm(), b.pixelSizeUm());
                assertEquals(0, differences(a.readProjections(0, 24), b.readProjections(0, 24)), truth.file());
                assertEquals(0, differences(a.flats(), b.flats()), truth.file() + " flats");
                assertEquals(0, differences(a.darks(), b.darks()), truth.file() + " darks");
            }
        }
        EnergyPair ni = EnergyPair.typical(org.edgewise.api.Element.NI);
        assertEquals(ni.aboveKev(), classic.truth().scans().get(5).energyKev());
    }

    private static int differences(FloatDataset a, FloatDataset b) {
        assertEquals(java.util.Arrays.toString(a.getShape()), java.util.Arrays.toString(b.getShape()));
        float[] x = a.getData();
        float[] y = b.getData();
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += x[i] != y[i] ? 1 : 0;
        }
        return n;
    }
}
