package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.NormalisationOptions;
import org.edgewise.align.stages.NormaliseModel;
import org.edgewise.align.stages.NormaliseStage;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;
import org.edgewise.physics.phantom.Projector;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static Dataset constant(double value, int n, int rows, int cols) {
        DoubleDataset d = DatasetFactory.zeros(DoubleDataset.class, n, rows, cols);
        d.fill(value);
        return PhysicalMetadata.create(0.05, 8.3, "counts").attachTo(d);
    }

    @Test
    void recoversTheTrueLineIntegralsOfASimulatedScan() {
        SimulatedScan scan = SimulatedScan.create(48, 12, 0, 23.5, 1, SimulatedScan.pixelUm(3, 48), 8.313, 3);
        float[][][] truth = Projector.project(SimulatedScan.phantom(3), scan.geometry(), 8.313, 1);
        Normalisation.Result r = Normalisation.normalise(scan.counts(), scan.flats(), scan.darks(),
                NormalisationOptions.DEFAULTS, null);
        Dataset p = r.lineIntegrals();
        double sum2 = 0;
        double bias = 0;
        int n = 0;
        for (int a = 0; a < 12; a++) {
            for (int row = 0; row < 48; row++) {
                for (int c = 0; c < 48; c++) {
                    double d = p.getDouble(a, row, c) - truth[a][row][c];
                    sum2 += d * d;
                    bias += d;
                    n++;
                }
            }
        }
        // flux 2e4 counts, median of 10 flats: noise ≈ 1/√(2e4·T) ≈ 0.01 in p
        assertTrue(Math.sqrt(sum2 / n) < 0.03, "rms " + Math.sqrt(sum2 / n));
        assertTrue(Math.abs(bias / n) < 0.003, "bias " + bias / n);
        assertEquals(0, r.clamped());
        assertEquals(PhysicalMetadata.DIMENSIONLESS, PhysicalMetadata.of(p).valueUnit());
        assertEquals(12, PhysicalMetadata.of(p).anglesDeg().length);
    }

    @Test
    void zingersAreRemovedAndEdgesKept() {
        double[][] image = new double[10][10];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                image[r][c] = c < 5 ? 20000 : 2000; // a sharp edge
            }
        }
        image[3][2] = 60000; // a zinger
        image[7][8] = 0; // a dead pixel
        double[][] copy = new double[10][];
        for (int r = 0; r < 10; r++) {
            copy[r] = image[r].clone();
        }
        assertEquals(2, Normalisation.removeOutliers(image, 8));
        assertEquals(20000, image[3][2]);
        assertEquals(2000, image[7][8]);
        image[3][2] = copy[3][2];
        image[7][8] = copy[7][8];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(copy[r][c], image[r][c]);
            }
        }
    }

    @Test
    void nonPhysicalValuesAreClampedAndCounted() {
        Dataset counts = constant(5000, 2, 4, 4);
        counts.set(50, 0, 1, 1); // below the dark: negative transmission
        counts.set(100, 1, 2, 2); // equal to the dark: zero transmission
        Normalisation.Result r = Normalisation.normalise(counts, constant(10100, 3, 4, 4), constant(100, 2, 4, 4),
                new NormalisationOptions(1e-4, 0), null);
        assertEquals(2, r.clamped());
        assertEquals(1, r.clampedPerAngle()[0]);
        assertEquals(-Math.log(1e-4), r.lineIntegrals().getDouble(0, 1, 1), 1e-12);
        assertEquals(-Math.log(0.49), r.lineIntegrals().getDouble(0, 0, 0), 1e-12);
    }

    /** The stage's statistics table names its columns: clamped and replaced pixels per projection. */
    @Test
    void stageCountsClampedAndReplacedPixelsPerProjection() throws StageException {
        Dataset counts = constant(5000, 3, 6, 6);
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                counts.set(50, 0, r, c); // below the dark everywhere (no neighbour stands out): all clamped
            }
        }
        counts.set(60000, 1, 3, 3); // a zinger far above its neighbours: replaced
        counts.set(20, 2, 0, 0); // far below its neighbours: replaced by their median, not clamped
        Dataset statistics = new NormaliseStage().apply(StageInput.whole(Map.of("projections", counts, "flats",
                constant(10100, 3, 6, 6), "darks", constant(100, 2, 6, 6))), new NormaliseModel(1e-4, 8),
                new IMonitor.Stub()).get(NormaliseStage.STATISTICS);
        assertEquals(List.of("clamped", "outliers"), TableMetadata.of(statistics).names());
        assertArrayEquals(new double[] { 36, 0, 0 }, Tables.column(statistics, "clamped"));
        assertArrayEquals(new double[] { 0, 1, 1 }, Tables.column(statistics, "outliers"));
        assertEquals(8.3, PhysicalMetadata.of(statistics).energyKev());
    }

    @Test
    void medianOfFramesIgnoresAZingerInOneFlat() {
        Dataset flats = constant(1000, 5, 2, 2);
        flats.set(65535, 2, 0, 0);
        assertEquals(1000, Normalisation.medianFrame(flats)[0][0]);
        Dataset even = constant(1000, 4, 1, 1);
        even.set(1002, 0, 0, 0);
        even.set(1002, 1, 0, 0);
        assertEquals(1001, Normalisation.medianFrame(even)[0][0]);
    }

    @Test
    void badInputGivesClearErrors() {
        Dataset counts = constant(5000, 3, 8, 8);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Normalisation
                .normalise(counts, constant(1e4, 2, 8, 6), constant(100, 2, 8, 8), NormalisationOptions.DEFAULTS,
                        null));
        assertTrue(shape.getMessage().contains("flats [2, 8, 6] do not match the projections [3, 8, 8]"),
                shape.getMessage());
        IllegalArgumentException dark = assertThrows(IllegalArgumentException.class, () -> Normalisation
                .normalise(counts, constant(100, 2, 8, 8), constant(100, 2, 8, 8), NormalisationOptions.DEFAULTS,
                        null));
        assertTrue(dark.getMessage().startsWith("flats are dark"), dark.getMessage());
        StageException stage = assertThrows(StageException.class, () -> new NormaliseStage().apply(
                StageInput.whole(Map.of("projections", counts, "flats", constant(1e4, 2, 7, 8), "darks",
                        constant(100, 2, 8, 8))), new NormaliseModel(1e-6, 8), new IMonitor.Stub()));
        assertTrue(stage.getMessage().contains("edgewise.align.normalise: flats [2, 7, 8]"), stage.getMessage());
    }

    @Test
    void stageSlabsEqualTheWholeStack() throws StageException {
        SimulatedScan scan = SimulatedScan.create(32, 8, 0.5, 15.5, 1, SimulatedScan.pixelUm(3, 32), 8.313, 3);
        NormaliseStage stage = new NormaliseStage();
        NormaliseModel model = new NormaliseModel(1e-6, 8);
        Dataset whole = stage.apply(StageInput.whole(Map.of("projections", scan.counts(), "flats", scan.flats(),
                "darks", scan.darks())), model, new IMonitor.Stub()).get("projections");
        Dataset slab = stage.apply(new StageInput(Map.of("projections", scan.counts().getSlice(new int[] { 3, 0, 0 },
                new int[] { 6, 32, 32 }, null), "flats", scan.flats(), "darks", scan.darks()), 3, 3, 8), model,
                new IMonitor.Stub()).get("projections");
        for (int a = 0; a < 3; a++) {
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    assertEquals(whole.getDouble(a + 3, r, c), slab.getDouble(a, r, c));
                }
            }
        }
        assertEquals(3, PhysicalMetadata.of(slab).anglesDeg().length);
        assertTrue(stage.slabPolicy(model).slabwise());
    }
}
