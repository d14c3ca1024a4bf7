package org.edgewise.recon.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.recon.internal.phantom.AnalyticPhantom;
import org.edgewise.recon.FbpFilter;
import org.edgewise.recon.Padding;
import org.edgewise.recon.ParallelBeamGeometry;
import org.junit.jupiter.api.Test;

/** The stages on exact line integrals of a uniform sphere: μ = 0.4 /µm inside (0.02 per 0.05 µm voxel). */
class ReconstructionStagesTest {

    private static final int COLUMNS = 64;
    private static final int ROWS = 16;
    private static final int ANGLES = 120;
    private static final double PIXEL_UM = 0.05;
    private static final double MU_PER_VOXEL = 0.02;
    private static final double TRUE_MU_PER_UM = MU_PER_VOXEL / PIXEL_UM;

    private static final AnalyticPhantom SPHERE = new AnalyticPhantom(
            List.of(new AnalyticPhantom.Ellipsoid(0, 0, 0, 20, 20, 20, 0, MU_PER_VOXEL)));

    /** Line integrals with the rotation axis {@code offsetPx} right of the detector centre, with metadata. */
    private static Dataset projections(double offsetPx) {
        ParallelBeamGeometry geometry = ParallelBeamGeometry.uniform(ANGLES, 180, COLUMNS)
                .withCenter((COLUMNS - 1) / 2.0 + offsetPx);
        float[] values = SPHERE.projections(geometry, ROWS, 0, ROWS);
        Dataset data = DatasetFactory.createFromObject(FloatDataset.class, values, ANGLES, ROWS, COLUMNS);
        data.setName("scan");
        return PhysicalMetadata.create(PIXEL_UM, 8.353, PhysicalMetadata.DIMENSIONLESS)
                .withAnglesDeg(geometry.anglesDeg(), DataKind.PROJECTIONS).attachTo(data);
    }

    private static Dataset reconstruct(Dataset projections, ReconstructModel model) throws StageException {
        return new ReconstructStage().apply(StageInput.of("projections", projections), model, new IMonitor.Stub())
                .get("volume");
    }

    /** Mean and RMS error against the truth over the sphere's core: the 4 middle rows, radius < 10 voxels. */
    private static double[] coreMeanAndRmsError(Dataset volume) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        double centre = (COLUMNS - 1) / 2.0;
        for (int z = ROWS / 2 - 2; z < ROWS / 2 + 2; z++) {
            for (int y = 0; y < COLUMNS; y++) {
                for (int x = 0; x < COLUMNS; x++) {
                    if (Math.hypot(x - centre, y - centre) < 10) {
                        double value = volume.getDouble(z, y, x);
                        sum += value;
                        squares += (value - TRUE_MU_PER_UM) * (value - TRUE_MU_PER_UM);
                        count++;
                    }
                }
            }
        }
        return new double[] { sum / count, Math.sqrt(squares / count) };
    }

    /** RMS error of the middle slice against the supersampled true slice, 1/µm (edges dominate it). */
    private static double sliceRmsError(Dataset volume) {
        int z = ROWS / 2;
        float[] truth = SPHERE.slice(COLUMNS, z - (ROWS - 1) / 2.0, 4);
        double squares = 0;
        for (int y = 0; y < COLUMNS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                double error = volume.getDouble(z, y, x) - truth[y * COLUMNS + x] / PIXEL_UM;
                squares += error * error;
            }
        }
        return Math.sqrt(squares / (COLUMNS * COLUMNS));
    }

    @Test
    void griddingAndFbpRecoverTheSphereWithinTwoPercentInOnePerMicrometre() throws StageException {
        Dataset projections = projections(0);
        ReconstructModel defaults = Parameters.defaults(ReconstructModel.class);
        assertEquals(ReconstructionMethod.GRIDDING, defaults.method());
        for (ReconstructionMethod method : ReconstructionMethod.values()) {
            ReconstructModel model = new ReconstructModel(method, FbpFilter.RAMP, Padding.EDGE, 0, 0, 16);
            Dataset volume = reconstruct(projections, model);
            assertArrayEquals(new int[] { ROWS, COLUMNS, COLUMNS }, volume.getShape());
            double mean = coreMeanAndRmsError(volume)[0];
            assertEquals(TRUE_MU_PER_UM, mean, 0.02 * TRUE_MU_PER_UM, method + " core mean");
            PhysicalMetadata metadata = PhysicalMetadata.of(volume);
            assertEquals("1/µm", metadata.valueUnit());
            assertEquals(PIXEL_UM, metadata.pixelSizeUm(), 1e-12);
            assertEquals(8.353, metadata.energyKev(), 1e-12);
            assertFalse(metadata.hasAngles(), "a volume has no projection angles");
        }
    }

    @Test
    void theCentreOffsetIsAppliedAndAWrongCentreDegradesTheResult() throws StageException {
        Dataset shifted = projections(3.0);
        ReconstructModel right = new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.RAMP, Padding.EDGE, 3.0, 0,
                16);
        ReconstructModel wrong = new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.RAMP, Padding.EDGE, 0, 0,
                16);
        double rightError = sliceRmsError(reconstruct(shifted, right));
        double wrongError = sliceRmsError(reconstruct(shifted, wrong));
        assertTrue(rightError < 0.1 * TRUE_MU_PER_UM, "RMS error with the right centre: " + rightError);
        // a 3 px centre error doubles every edge into an arc: the slice error grows several-fold
        assertTrue(wrongError > 3 * rightError, "wrong centre " + wrongError + " vs right " + rightError);
    }

    @Test
    void sirtWithNonNegativityApproachesTheSphere() throws StageException {
        Dataset volume = new SirtStage().apply(StageInput.of("projections", projections(0)),
                new SirtModel(60, 1.0, true, 0), new IMonitor.Stub()).get("volume");
        assertEquals(TRUE_MU_PER_UM, coreMeanAndRmsError(volume)[0], 0.05 * TRUE_MU_PER_UM);
        assertTrue(((Dataset) volume).min().doubleValue() >= 0, "non-negative");
        assertEquals("1/µm", PhysicalMetadata.of(volume).valueUnit());
    }

    @Test
    void projectionsWithoutAnglesAreRefusedWithAReason() {
        Dataset noAngles = PhysicalMetadata.create(PIXEL_UM, 8.353, "1")
                .attachTo(DatasetFactory.zeros(FloatDataset.class, ANGLES, ROWS, COLUMNS));
        StageException error = assertThrows(StageException.class,
                () -> reconstruct(noAngles, Parameters.defaults(ReconstructModel.class)));
        assertTrue(error.getMessage().contains("angles"), error.getMessage());
    }

    @Test
    void modelsRoundTripThroughJson() {
        ReconstructModel model = new ReconstructModel(ReconstructionMethod.FBP, FbpFilter.HANN, Padding.ZERO, -2.5, 9,
                8);
        assertEquals(model, Parameters.fromJson(Parameters.toJson(model), ReconstructModel.class));
        SirtModel sirt = new SirtModel(20, 0.5, false, 1.25);
        assertEquals(sirt, Parameters.fromJson(Parameters.toJson(sirt), SirtModel.class));
    }
}
