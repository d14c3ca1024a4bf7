package org.edgewise.core.tests;

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
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.core.stages.BinModel;
import org.edgewise.core.stages.BinStage;
import org.edgewise.core.stages.CropModel;
import org.edgewise.core.stages.CropStage;
import org.edgewise.core.stages.MinusLogModel;
import org.edgewise.core.stages.MinusLogStage;
import org.junit.jupiter.api.Test;

class CoreStagesTest {

    private static final IMonitor MONITOR = new IMonitor.Stub();

    /** A volume {@code v[z][y][x] = 100 z + 10 y + x}, voxel 0.05 µm, 8.333 keV, 1/µm. */
    private static Dataset ramp(int nz, int ny, int nx) {
        Dataset volume = DatasetFactory.createFromObject(TestFiles.ramp(nz, ny, nx));
        return PhysicalMetadata.create(0.05, 8.333, "1/µm").attachTo(volume);
    }

    @Test
    void minusLogGivesLineIntegralsClipsAtTheFloorAndKeepsNan() {
        Dataset transmission = DatasetFactory.createFromObject(
                new double[] { 1, Math.exp(-1), 0.5, 0, -0.2, Double.NaN }).reshape(1, 2, 3);
        PhysicalMetadata.create(0.049, 8.353, "transmission")
                .withAnglesDeg(new double[] { 30 }, DataKind.PROJECTIONS).attachTo(transmission);
        Dataset p = new MinusLogStage().apply(StageInput.of("projections", transmission), new MinusLogModel(1e-6),
                MONITOR).get("projections");
        assertArrayEquals(new int[] { 1, 2, 3 }, p.getShape());
        assertEquals(0.0, p.getDouble(0, 0, 0), 1e-15);
        assertEquals(1.0, p.getDouble(0, 0, 1), 1e-15);
        assertEquals(Math.log(2), p.getDouble(0, 0, 2), 1e-15);
        assertEquals(6 * Math.log(10), p.getDouble(0, 1, 0), 1e-12); // −ln(1e-6) = 13.8155…
        assertEquals(6 * Math.log(10), p.getDouble(0, 1, 1), 1e-12);
        assertTrue(Double.isNaN(p.getDouble(0, 1, 2)));
        PhysicalMetadata metadata = PhysicalMetadata.of(p);
        assertEquals("1", metadata.valueUnit());
        assertEquals(0.049, metadata.pixelSizeUm());
        assertArrayEquals(new double[] { 30 }, metadata.anglesDeg());
    }

    @Test
    void binAveragesCubesAndMultipliesTheVoxelSize() throws StageException {
        Dataset binned = new BinStage().apply(StageInput.of("volume", ramp(4, 4, 4)), new BinModel(2), MONITOR)
                .get("volume");
        assertArrayEquals(new int[] { 2, 2, 2 }, binned.getShape());
        assertEquals(55.5, binned.getDouble(0, 0, 0), 1e-12);   // mean of 100z+10y+x over z,y,x ∈ {0,1}
        assertEquals(277.5, binned.getDouble(1, 1, 1), 1e-12);  // z,y,x ∈ {2,3}
        assertEquals(0.1, PhysicalMetadata.of(binned).pixelSizeUm(), 1e-15);
        assertEquals("1/µm", PhysicalMetadata.of(binned).valueUnit());
    }

    @Test
    void binByFourDropsTheRemainder() throws StageException {
        Dataset binned = new BinStage().apply(StageInput.of("volume", ramp(5, 4, 6)), new BinModel(4), MONITOR)
                .get("volume");
        assertArrayEquals(new int[] { 1, 1, 1 }, binned.getShape());
        assertEquals(166.5, binned.getDouble(0, 0, 0), 1e-12);
        assertEquals(0.2, PhysicalMetadata.of(binned).pixelSizeUm(), 1e-15);
    }

    @Test
    void binRefusesAVolumeSmallerThanTheFactor() {
        StageException e = assertThrows(StageException.class,
                () -> new BinStage().apply(StageInput.of("volume", ramp(2, 2, 2)), new BinModel(4), MONITOR));
        assertEquals("cannot bin a volume of shape [2, 2, 2] by 4: every axis must be at least 4 voxels",
                e.getMessage());
    }

    @Test
    void cropKeepsTheBoxWithAbsoluteIndices() throws StageException {
        Dataset cropped = new CropStage().apply(StageInput.of("volume", ramp(4, 5, 6)), new CropModel(1, 3, 2, 0, 1, 4),
                MONITOR).get("volume");
        assertArrayEquals(new int[] { 2, 3, 3 }, cropped.getShape());
        assertEquals(121, cropped.getDouble(0, 0, 0), 0);
        assertEquals(243, cropped.getDouble(1, 2, 2), 0);
        assertEquals(0.05, PhysicalMetadata.of(cropped).pixelSizeUm());
    }

    @Test
    void cropOnSlabsUsesTheSlabOffset() throws StageException {
        Dataset volume = ramp(4, 5, 6);
        CropModel box = new CropModel(1, 3, 2, 0, 1, 4);
        Dataset lastTwo = volume.getSlice(new Slice(2, 4));
        Dataset part = new CropStage().apply(new StageInput(Map.of("volume", lastTwo), 2, 2, 4), box, MONITOR)
                .get("volume");
        assertArrayEquals(new int[] { 1, 3, 3 }, part.getShape()); // only z = 2 lies in [1, 3)
        assertEquals(221, part.getDouble(0, 0, 0), 0);
        Dataset first = volume.getSlice(new Slice(0, 1));
        Dataset none = new CropStage().apply(new StageInput(Map.of("volume", first), 0, 1, 4), box, MONITOR)
                .get("volume");
        assertArrayEquals(new int[] { 0, 3, 3 }, none.getShape());
    }

    @Test
    void cropRefusesAnEmptyBox() {
        StageException e = assertThrows(StageException.class, () -> new CropStage()
                .apply(StageInput.of("volume", ramp(4, 5, 6)), new CropModel(0, 0, 7, 0, 0, 0), MONITOR));
        assertTrue(e.getMessage().startsWith("crop box z [0, 4), y [7, 5)"), e.getMessage());
        InvalidParameterException p = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"xStart\": 5, \"xEnd\": 2}", CropModel.class));
        assertEquals("parameter 'xEnd' = 2 must be greater than 'xStart' = 5 (or 0 for the end of the axis)",
                p.getMessage());
    }

    @Test
    void everyModelRoundTripsThroughJsonWithDefaultsAndOtherValues() {
        List<Record> models = List.of(Parameters.defaults(MinusLogModel.class), new MinusLogModel(0.001),
                Parameters.defaults(BinModel.class), new BinModel(4), Parameters.defaults(CropModel.class),
                new CropModel(3, 40, 0, 0, 5, 60));
        for (Record model : models) {
            assertEquals(model, Parameters.fromJson(Parameters.toJson(model), model.getClass()), model.toString());
        }
        assertEquals(new BinModel(2), Parameters.defaults(BinModel.class));
        assertEquals(1e-6, Parameters.defaults(MinusLogModel.class).floor());
        assertEquals("{\"zStart\":3,\"zEnd\":40,\"yStart\":0,\"yEnd\":0,\"xStart\":5,\"xEnd\":60}",
                Parameters.toJson(new CropModel(3, 40, 0, 0, 5, 60)));
    }

    @Test
    void slabResultsOfBinEqualTheWholeResult() throws StageException {
        Dataset volume = ramp(8, 4, 4);
        BinStage bin = new BinStage();
        Dataset whole = bin.apply(StageInput.of("volume", volume), new BinModel(2), MONITOR).get("volume");
        for (int start = 0; start < 8; start += 4) {
            Dataset slab = volume.getSlice(new Slice(start, start + 4));
            Dataset part = bin.apply(new StageInput(Map.of("volume", slab), start, 4, 8), new BinModel(2), MONITOR)
                    .get("volume");
            assertEquals(whole.getSlice(new Slice(start / 2, start / 2 + 2)), part);
        }
        assertTrue(whole instanceof DoubleDataset);
    }
}
