package org.edgewise.align.stages;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;

/**
 * The tables the alignment stages pass on: their columns (names and units, as documented in {@code plugin.xml}) and
 * how they are made from the algorithms' results. Every table is a {@link Tables} table [row, column]; read it by
 * column name with the constants here, e.g. {@code Tables.column(alignment, AlignmentTables.SHIFT_COL_PX)}.
 */
public final class AlignmentTables {

    /** Projection angle, degrees. */
    public static final String ANGLE_DEG = "angle_deg";
    /** Row shift of a projection or of the moving scan, pixels. */
    public static final String SHIFT_ROW_PX = "shift_row_px";
    /** Column shift of a projection or of the moving scan, pixels. */
    public static final String SHIFT_COL_PX = "shift_col_px";
    /** Rotation-axis column (the same on every row), pixels. */
    public static final String ROTATION_CENTER_PX = "rotation_center_px";
    /** Volume shift along z, pixels (voxels). */
    public static final String SHIFT_Z_PX = "shift_z_px";
    /** Volume shift along y, pixels. */
    public static final String SHIFT_Y_PX = "shift_y_px";
    /** Volume shift along x, pixels. */
    public static final String SHIFT_X_PX = "shift_x_px";
    /** Residual scale of the moving image (total scale = nominal × this), dimensionless. */
    public static final String SCALE = "scale";
    /** Reference pixel size over moving pixel size, from the files, dimensionless. */
    public static final String NOMINAL_SCALE = "nominal_scale";
    /** Relative RMS misfit of the gradient images after registration, dimensionless. */
    public static final String RESIDUAL = "residual";
    /** 1σ of {@link #SCALE}, dimensionless. */
    public static final String SCALE_UNCERTAINTY = "scale_uncertainty";
    /** Sample translation along x in the rotation plane, moving pixels. */
    public static final String TRANSLATION_X_PX = "translation_x_px";
    /** Sample translation along y in the rotation plane, moving pixels. */
    public static final String TRANSLATION_Y_PX = "translation_y_px";
    /** Landmark pairs used (0: the gradient images were registered instead), a count. */
    public static final String LANDMARKS = "landmarks";
    /** Pixels of a projection clamped to the transmission floor, a count. */
    public static final String CLAMPED = "clamped";
    /** Pixels of a projection replaced as outliers (zingers), a count. */
    public static final String OUTLIERS = "outliers";

    private static final String PX = "px";
    private static final String DIMENSIONLESS = "1";
    private static final String COUNT = "";

    /** {@code statistics} of {@code edgewise.align.normalise}: one row per projection. */
    public static final List<Column> NORMALISATION_STATISTICS = List.of(Column.of(CLAMPED, COUNT),
            Column.of(OUTLIERS, COUNT));
    /** {@code alignment} of {@code edgewise.align.projections}: one row per projection. */
    public static final List<Column> ALIGNMENT = List.of(Column.of(ANGLE_DEG, "deg"), Column.of(SHIFT_ROW_PX, PX),
            Column.of(SHIFT_COL_PX, PX), Column.of(ROTATION_CENTER_PX, PX));
    /** {@code registration} of {@code edgewise.align.register-pair}: one row. */
    public static final List<Column> PAIR_REGISTRATION = List.of(Column.of(SHIFT_ROW_PX, PX),
            Column.of(SHIFT_COL_PX, PX), Column.of(SCALE, DIMENSIONLESS), Column.of(NOMINAL_SCALE, DIMENSIONLESS),
            Column.of(RESIDUAL, DIMENSIONLESS), Column.of(SCALE_UNCERTAINTY, DIMENSIONLESS),
            Column.of(TRANSLATION_X_PX, PX), Column.of(TRANSLATION_Y_PX, PX), Column.of(LANDMARKS, COUNT));
    /** {@code registration} of {@code edgewise.align.register-volumes}: one row. */
    public static final List<Column> VOLUME_REGISTRATION = List.of(Column.of(SHIFT_Z_PX, PX),
            Column.of(SHIFT_Y_PX, PX), Column.of(SHIFT_X_PX, PX), Column.of(SCALE, DIMENSIONLESS),
            Column.of(NOMINAL_SCALE, DIMENSIONLESS), Column.of(RESIDUAL, DIMENSIONLESS),
            Column.of(SCALE_UNCERTAINTY, DIMENSIONLESS), Column.of(LANDMARKS, COUNT));

    private AlignmentTables() {
    }

    /**
     * @param result    a normalisation
     * @param energyKev the scan's energy, or NaN
     * @return {@link #NORMALISATION_STATISTICS} [angle, 2]
     */
    public static DoubleDataset statistics(Normalisation.Result result, double energyKev) {
        int angles = result.clampedPerAngle().length;
        DoubleDataset table = Tables.create(NORMALISATION_STATISTICS, angles, energyKev);
        for (int a = 0; a < angles; a++) {
            Tables.set(table, a, CLAMPED, result.clampedPerAngle()[a]);
            Tables.set(table, a, OUTLIERS, result.outliersPerAngle()[a]);
        }
        return table;
    }

    /**
     * @param anglesDeg one per projection
     * @param result    the alignment of those projections
     * @param energyKev the scan's energy, or NaN
     * @return {@link #ALIGNMENT} [angle, 4], the centre repeated on every row
     */
    public static DoubleDataset alignment(double[] anglesDeg, ProjectionAlignment.Result result, double energyKev) {
        int angles = anglesDeg.length;
        DoubleDataset table = Tables.create(ALIGNMENT, angles, energyKev);
        for (int a = 0; a < angles; a++) {
            Tables.set(table, a, ANGLE_DEG, anglesDeg[a]);
            Tables.set(table, a, SHIFT_ROW_PX, result.shiftRowPx()[a]);
            Tables.set(table, a, SHIFT_COL_PX, result.shiftColPx()[a]);
            Tables.set(table, a, ROTATION_CENTER_PX, result.centreColumnPx());
        }
        return table;
    }

    /**
     * @param result    the registration of an energy pair's projections
     * @param energyKev the moving scan's energy, or NaN
     * @return {@link #PAIR_REGISTRATION} [1, 9]
     */
    public static DoubleDataset pairRegistration(Registration.Result result, double energyKev) {
        DoubleDataset table = Tables.create(PAIR_REGISTRATION, 1, energyKev);
        Tables.set(table, 0, SHIFT_ROW_PX, result.shiftPx()[0]);
        Tables.set(table, 0, SHIFT_COL_PX, result.shiftPx()[1]);
        Tables.set(table, 0, TRANSLATION_X_PX, result.translationPx()[0]);
        Tables.set(table, 0, TRANSLATION_Y_PX, result.translationPx()[1]);
        setFit(table, result);
        return table;
    }

    /**
     * @param result    the registration of two volumes
     * @param energyKev the moving volume's energy, or NaN
     * @return {@link #VOLUME_REGISTRATION} [1, 8]
     */
    public static DoubleDataset volumeRegistration(Registration.Result result, double energyKev) {
        DoubleDataset table = Tables.create(VOLUME_REGISTRATION, 1, energyKev);
        Tables.set(table, 0, SHIFT_Z_PX, result.shiftPx()[0]);
        Tables.set(table, 0, SHIFT_Y_PX, result.shiftPx()[1]);
        Tables.set(table, 0, SHIFT_X_PX, result.shiftPx()[2]);
        setFit(table, result);
        return table;
    }

    private static void setFit(Dataset table, Registration.Result result) {
        Tables.set(table, 0, SCALE, result.scale());
        Tables.set(table, 0, NOMINAL_SCALE, result.nominalScale());
        Tables.set(table, 0, RESIDUAL, result.residual());
        Tables.set(table, 0, SCALE_UNCERTAINTY, result.scaleUncertainty());
        Tables.set(table, 0, LANDMARKS, result.landmarks());
    }
}
