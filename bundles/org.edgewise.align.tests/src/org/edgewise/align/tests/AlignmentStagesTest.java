package org.edgewise.align.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.align.stages.RegisterPairStage;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameters;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
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
        assertEquals(120, Tables.rows(table));
        assertEquals(List.of("angle_deg", "shift_row_px", "shift_col_px", "rotation_center_px",
                "rotation_center_uncertainty_px", "reprojection_residual", "iterations", "converged", "last_update_px",
                "binning"), TableMetadata.of(table).names());
        assertEquals("deg", TableMetadata.of(table).unit("angle_deg"));
        assertEquals("px", TableMetadata.of(table).unit("shift_col_px"));
        assertEquals(ProjectionAlignmentTest.measurableCentre(scan.geometry()),
                Tables.get(table, 0, "rotation_center_px"), 0.25, "centre vs the measurable one");
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
        assertEquals(31.5, Tables.get(again, 0, "rotation_center_px"), 0.1);
        double[] rows = Tables.column(again, "shift_row_px");
        double[] columns = Tables.column(again, "shift_col_px");
        double rms = 0;
        for (int a = 0; a < 120; a++) {
            rms += rows[a] * rows[a] + columns[a] * columns[a];
        }
        rms = Math.sqrt(rms / 240);
        assertTrue(rms < 0.1, "residual shifts after applying the alignment " + rms);
        assertEquals("px", TableMetadata.of(again).unit("shift_row_px"));
        assertEquals(Tables.VALUE_UNIT, PhysicalMetadata.of(again).valueUnit());
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
        assertEquals(List.of("shift_row_px", "shift_col_px", "scale", "nominal_scale", "residual",
                "scale_uncertainty", "translation_x_px", "translation_y_px", "landmarks", "landmark_rms_px",
                "shift_row_uncertainty_px", "shift_col_uncertainty_px", "gain", "offset", "iterations", "method"),
                TableMetadata.of(registration).names());
        // the bands resampled from beyond the detector (largest shift, and the centre's distance from the middle
        // for columns, plus 2) are left out of the gradient-image fit, as the scans' alignment tables say
        ProjectionAlignment.Result ref = AlignmentTables.alignmentResult(rt);
        ProjectionAlignment.Result mov = AlignmentTables.alignmentResult(mt);
        int marginRows = 2 + (int) Math.ceil(Math.max(maxAbs(ref.shiftRowPx(), 0), maxAbs(mov.shiftRowPx(), 0)));
        int marginCols = 2 + (int) Math.ceil(Math.max(maxAbs(ref.shiftColPx(), Math.abs(ref.centreColumnPx() - 47.5)),
                maxAbs(mov.shiftColPx(), Math.abs(mov.centreColumnPx() - 47.5))));
        Registration.Result withMargins = Registration.registerProjections(ra, ma, 60, marginRows, marginCols);
        assertEquals(withMargins.residual(), Tables.get(registration, 0, "residual"), 1e-12);
        assertEquals(withMargins.gain(), Tables.get(registration, 0, "gain"), 1e-12);
        assertEquals(0.9979 / 1.0018, Tables.get(registration, 0, "scale"), 5e-4, "scale");
        assertEquals(8.313 / 8.353, Tables.get(registration, 0, "nominal_scale"), 1e-12, "pixel sizes");
        assertTrue(Tables.get(registration, 0, "landmarks") > 100, "landmarks used: "
                + Tables.get(registration, 0, "landmarks"));

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
        Dataset shortTable = Tables.create(AlignmentTables.ALIGNMENT, 9);
        StageException e = assertThrows(StageException.class, () -> applyShifts(p, shortTable));
        assertTrue(e.getMessage().contains("must have 10 rows"), e.getMessage());
        // a table without column names: its columns cannot be told apart
        Dataset bare = PhysicalMetadata.create(Double.NaN, Double.NaN, "px").attachTo(
                org.eclipse.january.dataset.DatasetFactory.zeros(org.eclipse.january.dataset.DoubleDataset.class, 10,
                        4));
        e = assertThrows(StageException.class, () -> applyShifts(p, bare));
        assertTrue(e.getMessage().contains("no column names"), e.getMessage());
        // another stage's table: the missing column is named
        Dataset statistics = Tables.create(AlignmentTables.NORMALISATION_STATISTICS, 10);
        e = assertThrows(StageException.class, () -> applyShifts(p, statistics));
        assertTrue(e.getMessage().contains("no column 'angle_deg'; columns are [clamped, outliers]"), e.getMessage());
    }

    private static Dataset applyShifts(Dataset projections, Dataset alignment) throws StageException {
        return new ApplyShiftsStage().apply(new StageInput(Map.of("projections", projections, "alignment",
                alignment), 0, 10, 10), new NoParameters(), new IMonitor.Stub()).get("projections");
    }

    /** The tables of the alignment stages keep their documented column names, the order of the columns is free. */
    @Test
    void tablesAreReadByNameWhateverTheColumnOrder() throws StageException {
        SimulatedScan scan = SimulatedScan.create(32, 8, 10, 0, 15.5, 1, SimulatedScan.pixelUm(5, 32) * 4, 8.313, 5);
        Dataset p = ProjectionAlignmentTest.lineIntegrals(scan);
        double[] angles = PhysicalMetadata.of(p).anglesDeg();
        List<Column> reversed = new java.util.ArrayList<>(AlignmentTables.ALIGNMENT);
        java.util.Collections.reverse(reversed);
        Dataset ordered = Tables.create(AlignmentTables.ALIGNMENT, 10);
        Dataset backwards = Tables.create(reversed, 10);
        for (Dataset table : List.of(ordered, backwards)) {
            for (int a = 0; a < 10; a++) {
                Tables.set(table, a, "angle_deg", angles[a]);
                Tables.set(table, a, "shift_row_px", 0.3 * Math.sin(a));
                Tables.set(table, a, "shift_col_px", -0.2 * a + 0.9);
                Tables.set(table, a, "rotation_center_px", 15.1);
            }
        }
        Dataset a = applyShifts(p, ordered);
        Dataset b = applyShifts(p, backwards);
        double difference = 0;
        double moved = 0;
        for (int i = 0; i < 10; i++) {
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 32; c++) {
                    difference = Math.max(difference, Math.abs(a.getDouble(i, r, c) - b.getDouble(i, r, c)));
                    moved = Math.max(moved, Math.abs(a.getDouble(i, r, c) - p.getDouble(i, r, c)));
                }
            }
        }
        assertEquals(0, difference, "the same shifts, whatever the column order");
        assertTrue(moved > 1e-3, "the shifts were applied");
    }

    /** @return max |v| + offset */
    private static double maxAbs(double[] values, double offset) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max + offset;
    }

    /** The alignment and registration tables read back into the results they were made from. */
    @Test
    void tablesReadBackIntoResults() {
        double[] angles = { 0, 60, 120 };
        ProjectionAlignment.Result alignment = new ProjectionAlignment.Result(61.25, 0.031, new double[] { 0.1, -0.2,
            0.3 }, new double[] { -1.5, 0.25, 2 }, 4, true, 0.0081, 0.25, new double[] { 1, 0.1 }, 2);
        ProjectionAlignment.Result back = AlignmentTables.alignmentResult(AlignmentTables.alignment(angles, alignment,
                8.353));
        assertEquals(alignment.describe(), back.describe());
        assertEquals(java.util.Arrays.toString(alignment.shiftColPx()), java.util.Arrays.toString(back.shiftColPx()));
        assertEquals(java.util.Arrays.toString(alignment.shiftRowPx()), java.util.Arrays.toString(back.shiftRowPx()));
        Registration.Result registration = new Registration.Result(0.9981, 1.002, new double[] { 0.05, -0.12 }, 1.1,
                0.01, 0.42, 7e-5, new double[] { 0.004, 0.009 }, 3, new double[] { -0.03, 0.4 }, Registration.LANDMARKS,
                331, 0.08);
        Registration.Result again = AlignmentTables.pairRegistrationResult(AlignmentTables.pairRegistration(
                registration, 8.353));
        assertEquals(registration.describe(), again.describe());
        assertEquals(registration.columnTranslationPx(60), again.columnTranslationPx(60), 1e-15);
        Registration.Result fallback = new Registration.Result(1.0012, 1.002, new double[] { 0.05, -0.12 }, 1.1,
                0.01, 0.42, 2e-5, new double[] { 0.004, 0.009 }, 3, new double[] { -0.03, 0.4 },
                Registration.LANDMARKS_GRADIENT_SCALE, 90, 0.08);
        Dataset table = AlignmentTables.pairRegistration(fallback, 8.353);
        assertEquals(1 + Registration.METHODS.indexOf(Registration.LANDMARKS_GRADIENT_SCALE), Tables.get(table, 0,
                AlignmentTables.METHOD));
        assertEquals(Registration.LANDMARKS_GRADIENT_SCALE, AlignmentTables.pairRegistrationResult(table).method());
        assertFalse(AlignmentTables.pairRegistrationResult(table).warning().isEmpty());
        Tables.set(table, 0, AlignmentTables.METHOD, 17);
        assertThrows(IllegalArgumentException.class, () -> AlignmentTables.pairRegistrationResult(table));
        assertThrows(IllegalArgumentException.class, () -> AlignmentTables.alignmentResult(Tables.create(
                AlignmentTables.NORMALISATION_STATISTICS, 3)));
    }
}
