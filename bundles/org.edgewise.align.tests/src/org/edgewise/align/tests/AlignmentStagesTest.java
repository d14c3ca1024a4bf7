package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.junit.jupiter.api.Test;

class AlignmentStagesTest {

    @Test
    void alignThenApplyLeavesNothingToAlign() throws StageException {
        SimulatedScan scan = SimulatedScan.create(64, 48, 120, 1.0, 31.5 + 4.4, 1, SimulatedScan.pixelUm(5, 64) * 2,
                8.313, 5);
        Dataset p = ProjectionAlignmentTest.lineIntegrals(scan);
        AlignModel model = Parameters.fromJson("{}", AlignModel.class);
        Dataset table = new AlignStage().apply(StageInput.of("projections", p), model, new IMonitor.Stub())
                .get("alignment");
        assertEquals(120, table.getShape()[0]);
        assertEquals(ProjectionAlignmentTest.measurableCentre(scan.geometry()), table.getDouble(0, 3), 0.25,
                "centre vs the measurable one");
        ApplyShiftsStage apply = new ApplyShiftsStage();
        Dataset aligned = apply.apply(new StageInput(Map.of("projections", p, "alignment", table), 0, 120, 120),
                new NoParameters(), new IMonitor.Stub()).get("projections");
        // slabs give the same as the whole stack
        Dataset slab = apply.apply(new StageInput(Map.of("projections", p.getSlice(new int[] { 40, 0, 0 },
                new int[] { 60, 48, 64 }, null), "alignment", table), 40, 20, 120), new NoParameters(),
                new IMonitor.Stub()).get("projections");
        for (int a = 0; a < 20; a++) {
            assertEquals(aligned.getDouble(40 + a, 20, 30), slab.getDouble(a, 20, 30), 1e-6);
        }
        // re-aligning the aligned stack: the axis is on the central column, shifts are small
        Dataset again = new AlignStage().apply(StageInput.of("projections", aligned), model, new IMonitor.Stub())
                .get("alignment");
        assertEquals(31.5, again.getDouble(0, 3), 0.1);
        double rms = 0;
        for (int a = 0; a < 120; a++) {
            rms += again.getDouble(a, 1) * again.getDouble(a, 1) + again.getDouble(a, 2) * again.getDouble(a, 2);
        }
        rms = Math.sqrt(rms / 240);
        assertTrue(rms < 0.1, "residual shifts after applying the alignment " + rms);
        assertEquals("px", PhysicalMetadata.of(again).valueUnit());
    }

    @Test
    void applyShiftsChecksTheTable() {
        SimulatedScan scan = SimulatedScan.create(32, 8, 10, 0, 15.5, 1, SimulatedScan.pixelUm(5, 32) * 4, 8.313, 5);
        Dataset p = ProjectionAlignmentTest.lineIntegrals(scan);
        Dataset table = PhysicalMetadata.create(Double.NaN, Double.NaN, "px").attachTo(
                org.eclipse.january.dataset.DatasetFactory.zeros(org.eclipse.january.dataset.DoubleDataset.class, 9,
                        4));
        StageException e = assertThrows(StageException.class, () -> new ApplyShiftsStage().apply(new StageInput(
                Map.of("projections", p, "alignment", table), 0, 10, 10), new NoParameters(), new IMonitor.Stub()));
        assertTrue(e.getMessage().contains("must be [10, 4]"), e.getMessage());
    }
}
