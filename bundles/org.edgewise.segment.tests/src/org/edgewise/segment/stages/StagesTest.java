package org.edgewise.segment.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.junit.jupiter.api.Test;

/** The stage chain on a ball, with lengths in µm converted by the voxel size. */
class StagesTest {

    private static final IMonitor MONITOR = new IMonitor.Stub();

    /** A ball of radius 8 voxels (0.4 µm at 0.05 µm) with a one-voxel pore at its centre and a noise voxel. */
    private static Dataset volume() {
        int n = 24;
        float[] v = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int d2 = (z - 12) * (z - 12) + (y - 12) * (y - 12) + (x - 12) * (x - 12);
                    v[(z * n + y) * n + x] = d2 <= 64 && d2 > 0 ? 3f : 0.2f;
                }
            }
        }
        v[(2 * n + 2) * n + 2] = 3f;
        FloatDataset d = DatasetFactory.createFromObject(FloatDataset.class, v, n, n, n);
        d.setName("mu");
        return PhysicalMetadata.create(0.05, 8.353, "1/µm").attachTo(d);
    }

    private static int count(Dataset d) {
        return ((Number) d.sum()).intValue();
    }

    @Test
    void chainOnABall() throws StageException {
        Dataset mask = new ThresholdStage().apply(StageInput.of("volume", volume()),
                new ThresholdModel(ThresholdModel.Method.OTSU, 0), MONITOR).get("mask");
        assertEquals(0.05, PhysicalMetadata.of(mask).pixelSizeUm());
        int ball = count(mask) - 1; // without the noise voxel; the pore is out
        Dataset manual = new ThresholdStage().apply(StageInput.of("volume", volume()),
                new ThresholdModel(ThresholdModel.Method.MANUAL, 3), MONITOR).get("mask");
        assertEquals(ball + 1, count(manual));
        Dataset cleaned = new RemoveSmallStage().apply(StageInput.of("mask", mask),
                new RemoveSmallModel(0.05 * 0.05 * 0.05 * 2), MONITOR).get("mask");
        assertEquals(ball, count(cleaned));
        Dataset filled = new FillHolesStage().apply(StageInput.of("mask", cleaned), new NoParameters(), MONITOR)
                .get("mask");
        assertEquals(ball + 1, count(filled));
        Dataset opened = new OpenStage().apply(StageInput.of("mask", mask), new MorphologyModel(0.05), MONITOR)
                .get("mask");
        assertEquals(0, opened.getInt(2, 2, 2)); // the noise voxel is gone
        Dataset closed = new CloseStage().apply(StageInput.of("mask", cleaned), new MorphologyModel(0.1), MONITOR)
                .get("mask");
        assertEquals(1, closed.getInt(12, 12, 12)); // the pore is closed
        Dataset dilated = new DilateStage().apply(StageInput.of("mask", filled), new DilateModel(0.1), MONITOR)
                .get("mask");
        assertEquals(1, dilated.getInt(12, 12, 22)); // radius 8 + 2 voxels
        assertEquals(0, dilated.getInt(12, 12, 23));
        Dataset labels = new WatershedStage().apply(StageInput.of("mask", filled), new WatershedModel(0.5), MONITOR)
                .get("labels");
        assertEquals(1, labels.max().intValue());
        Dataset components = new LabelStage().apply(StageInput.of("mask", mask), new NoParameters(), MONITOR)
                .get("labels");
        assertEquals(2, components.max().intValue());
        Dataset hull = new HullStage().apply(StageInput.of("labels", labels), new NoParameters(), MONITOR)
                .get("labels");
        assertEquals(ball + 1, count(hull), 0.01 * ball); // a digital ball is (nearly) its own hull
        assertEquals(1, hull.getInt(12, 12, 20));
        Dataset depth = new DepthStage().apply(StageInput.of("labels", labels), new DepthModel(0.5), MONITOR)
                .get("depth");
        assertEquals("µm", PhysicalMetadata.of(depth).valueUnit());
        assertEquals((Math.sqrt(65) - 0.5) * 0.05, depth.getDouble(12, 12, 12), 1e-6); // nearest outside: d² = 65
        assertEquals(0.5 * 0.05, depth.getDouble(12, 12, 20), 1e-6);
        assertEquals(0, depth.getDouble(12, 12, 21));
        Dataset byDefault = new DepthStage().apply(StageInput.of("labels", labels), Parameters.defaults(
                DepthModel.class), MONITOR).get("depth");
        assertEquals((Math.sqrt(65) - 0.2) * 0.05, byDefault.getDouble(12, 12, 12), 1e-6); // the default offset
    }

    @Test
    void modelsRoundTripThroughJson() {
        for (Record model : new Record[] { new ThresholdModel(ThresholdModel.Method.MANUAL, 0.7),
            new MorphologyModel(0.2), new DilateModel(0.3), new RemoveSmallModel(2), new WatershedModel(0.4),
            new DepthModel(0.3), new ParticlesModel(ThresholdModel.Method.OTSU, 0, 0.1, 1, 0.5, 0.2, 0.4, -0.1) }) {
            assertEquals(model, Parameters.fromJson(Parameters.toJson(model), model.getClass()));
        }
    }

    @Test
    void aMissingVoxelSizeIsAStageError() {
        Dataset mask = PhysicalMetadata.create(Double.NaN, Double.NaN, "1")
                .attachTo(DatasetFactory.zeros(FloatDataset.class, 2, 2, 2));
        assertThrows(StageException.class,
                () -> new OpenStage().apply(StageInput.of("mask", mask), new MorphologyModel(0.1), MONITOR));
    }
}
