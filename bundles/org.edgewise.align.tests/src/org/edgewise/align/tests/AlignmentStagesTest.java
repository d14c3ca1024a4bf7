package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignModel;
import org.edgewise.align.stages.AlignStage;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.align.stages.ApplyRegistrationStage;
import org.edgewise.align.stages.ApplyShiftsStage;
import org.edgewise.align.stages.RegisterModel;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.Tables;
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

    /**
     * The pair stages: align both scans, register the moving one, resample it onto the reference's grid; registering
     * the result again finds nothing left (scale 1, no shift, no sample translation), slabs give the same as the
     * whole stack, and the output carries the reference's pixel size.
     */
    @Test
    void registerThenApplyPutsTheMovingScanOnTheReferenceGrid() throws StageException {
        long seed = 7;
        int angles = 120;
        double pixel = SimulatedScan.pixelUm(seed, 96) * 128 / 96.0;
        SimulatedScan reference = SimulatedScan.create(96, angles, 0.7, 47.5 + 3.2, 1.0018, pixel, 8.313, seed);
        SimulatedScan moving = SimulatedScan.create(96, angles, 0.7, 47.5 - 5.1, 0.9979, pixel * 8.353 / 8.313,
                8.353, seed);
        Dataset rp = ProjectionAlignmentTest.lineIntegrals(reference);
        Dataset mp = ProjectionAlignmentTest.lineIntegrals(moving);
        AlignModel model = Parameters.fromJson("{}", AlignModel.class);
        IMonitor monitor = new IMonitor.Stub();
        Dataset rt = new AlignStage().apply(StageInput.of("projections", rp), model, monitor).get("alignment");
        Dataset mt = new AlignStage().apply(StageInput.of("projections", mp), model, monitor).get("alignment");
        ApplyShiftsStage shifts = new ApplyShiftsStage();
        Dataset ra = shifts.apply(new StageInput(Map.of("projections", rp, "alignment", rt), 0, angles, angles),
                new NoParameters(), monitor).get("projections");
        Dataset ma = shifts.apply(new StageInput(Map.of("projections", mp, "alignment", mt), 0, angles, angles),
                new NoParameters(), monitor).get("projections");
        Dataset registration = new RegisterPairStage().apply(new StageInput(Map.of("reference", ra, "moving", ma,
                "reference_alignment", rt, "moving_alignment", mt), 0, angles, angles), Parameters.fromJson("{}",
                        RegisterModel.class), monitor).get("registration");
        assertEquals(RegisterPairStage.COLUMNS.length, registration.getShape()[1]);
        assertEquals(0.9979 / 1.0018, Tables.get(registration, 0, "scale"), 5e-4, "scale");
        assertTrue(Tables.get(registration, 0, "landmarks") > 100, "landmarks used: " + RegisterPairStage.result(
                registration).describe());
        // the bands resampled from beyond the detector (largest shift, and the centre's distance from the middle
        // for columns, plus 2) are left out, as the stage's alignment tables say
        ProjectionAlignment.Result ref = AlignStage.result(rt);
        ProjectionAlignment.Result mov = AlignStage.result(mt);
        int marginRows = 2 + (int) Math.ceil(Math.max(maxAbs(ref.shiftRowPx(), 0), maxAbs(mov.shiftRowPx(), 0)));
        int marginCols = 2 + (int) Math.ceil(Math.max(maxAbs(ref.shiftColPx(), Math.abs(ref.centreColumnPx() - 47.5)),
                maxAbs(mov.shiftColPx(), Math.abs(mov.centreColumnPx() - 47.5))));
        Registration.Result withMargins = Registration.registerProjections(ra, ma, 60, marginRows, marginCols);
        assertEquals(withMargins.residual(), Tables.get(registration, 0, "residual"), 1e-12);
        assertEquals(withMargins.gain(), Tables.get(registration, 0, "gain"), 1e-12);

        ApplyRegistrationStage apply = new ApplyRegistrationStage();
        Dataset registered = apply.apply(new StageInput(Map.of("projections", mp, "alignment", mt, "registration",
                registration), 0, angles, angles), new NoParameters(), monitor).get("projections");
        assertEquals(pixel, PhysicalMetadata.of(registered).pixelSizeUm(), 1e-12, "the reference's pixel size");
        Dataset slab = apply.apply(new StageInput(Map.of("projections", mp.getSlice(new int[] { 30, 0, 0 },
                new int[] { 50, 96, 96 }, null), "alignment", mt, "registration", registration), 30, 20, angles),
                new NoParameters(), monitor).get("projections");
        for (int a = 0; a < 20; a++) {
            assertEquals(registered.getDouble(30 + a, 40, 50), slab.getDouble(a, 40, 50), 1e-6);
        }
        Registration.Result again = Registration.registerProjections(ra, registered, angles);
        assertEquals(1, again.scale(), 3e-4, again.describe());
        assertEquals(0, again.shiftPx()[0], 0.05, again.describe());
        assertEquals(0, again.shiftPx()[1], 0.05, again.describe());
        assertEquals(0, again.translationPx()[0], 0.05, again.describe());
        assertEquals(0, again.translationPx()[1], 0.05, again.describe());
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
        assertTrue(e.getMessage().contains("must be [10, " + AlignStage.COLUMNS.length + "]"), e.getMessage());
    }

    /** @return max |v| + offset */
    private static double maxAbs(double[] values, double offset) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max + offset;
    }

    /** The stages' tables read back into the results they were made from, with or without their column names. */
    @Test
    void tablesReadBackIntoResults() {
        double[] angles = { 0, 60, 120 };
        ProjectionAlignment.Result alignment = new ProjectionAlignment.Result(61.25, 0.031, new double[] { 0.1, -0.2,
            0.3 }, new double[] { -1.5, 0.25, 2 }, 4, true, 0.0081, 0.25, new double[] { 1, 0.1 }, 2);
        Dataset table = AlignStage.table(angles, alignment, 8.353);
        Dataset bare = org.eclipse.january.dataset.DatasetFactory.createFromObject(table.cast(
                org.eclipse.january.dataset.DoubleDataset.class).getData(), 3, AlignStage.COLUMNS.length);
        for (Dataset t : new Dataset[] { table, bare }) {
            ProjectionAlignment.Result back = AlignStage.result(t);
            assertEquals(alignment.describe(), back.describe());
            assertEquals(java.util.Arrays.toString(alignment.shiftColPx()), java.util.Arrays.toString(
                    back.shiftColPx()));
            assertEquals(java.util.Arrays.toString(alignment.shiftRowPx()), java.util.Arrays.toString(
                    back.shiftRowPx()));
        }
        assertEquals(java.util.List.of(0.0, 60.0, 120.0), java.util.Arrays.stream(Tables.column(table, "angle_deg"))
                .boxed().toList());
        Registration.Result registration = new Registration.Result(0.9981, 1.002, new double[] { 0.05, -0.12 }, 1.1,
                0.01, 0.42, 7e-5, new double[] { 0.004, 0.009 }, 3, new double[] { -0.03, 0.4 }, Registration.LANDMARKS,
                331, 0.08);
        Registration.Result back = RegisterPairStage.result(RegisterPairStage.table(registration, 8.353));
        assertEquals(registration.describe(), back.describe());
        assertEquals(registration.columnTranslationPx(60), back.columnTranslationPx(60), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> AlignStage.result(org.eclipse.january.dataset
                .DatasetFactory.zeros(org.eclipse.january.dataset.DoubleDataset.class, 3, 4)));
    }
}
