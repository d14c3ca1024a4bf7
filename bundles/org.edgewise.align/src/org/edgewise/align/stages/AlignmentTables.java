package org.edgewise.align.stages;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Normalisation;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
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
    /**
     * How a registration was found: 1 + the method's index in {@link Registration#METHODS} (1 particle landmarks,
     * 2 landmarks with the scale from gradient images, 3 landmarks at the nominal scale, 4 gradient images,
     * 5 gradient images at the nominal scale; 0 another), a code; see {@link Registration.Result#warning()}.
     */
    public static final String METHOD = "method";
    /** 1σ of {@link #ROTATION_CENTER_PX} (the same on every row), pixels. */
    public static final String ROTATION_CENTER_UNCERTAINTY_PX = "rotation_center_uncertainty_px";
    /** Relative RMS misfit of the projections to the re-projection at the end (the same on every row). */
    public static final String REPROJECTION_RESIDUAL = "reprojection_residual";
    /** Re-projection iterations run (or Gauss–Newton iterations of a registration), a count. */
    public static final String ITERATIONS = "iterations";
    /** 1 when the alignment converged, else 0 (the same on every row). */
    public static final String CONVERGED = "converged";
    /** RMS shift update of the last iteration (the same on every row), pixels. */
    public static final String LAST_UPDATE_PX = "last_update_px";
    /** Binning of the projections while aligning (the same on every row), a factor. */
    public static final String BINNING = "binning";
    /** RMS misfit of the landmarks at the registered geometry, pixels. */
    public static final String LANDMARK_RMS_PX = "landmark_rms_px";
    /** 1σ of {@link #SHIFT_ROW_PX} of a registration, pixels. */
    public static final String SHIFT_ROW_UNCERTAINTY_PX = "shift_row_uncertainty_px";
    /** 1σ of {@link #SHIFT_COL_PX} of a registration, pixels. */
    public static final String SHIFT_COL_UNCERTAINTY_PX = "shift_col_uncertainty_px";
    /** Contrast gain of the gradient images of the moving scan relative to the reference, dimensionless. */
    public static final String GAIN = "gain";
    /** Contrast offset of the gradient images, in their unit. */
    public static final String OFFSET = "offset";
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
    /**
     * {@code alignment} of {@code edgewise.align.projections}: one row per projection; from the centre on, the
     * scan's values repeated on every row.
     */
    public static final List<Column> ALIGNMENT = List.of(Column.of(ANGLE_DEG, "deg"), Column.of(SHIFT_ROW_PX, PX),
            Column.of(SHIFT_COL_PX, PX), Column.of(ROTATION_CENTER_PX, PX), Column.of(ROTATION_CENTER_UNCERTAINTY_PX,
                    PX), Column.of(REPROJECTION_RESIDUAL, DIMENSIONLESS), Column.of(ITERATIONS, COUNT),
            Column.of(CONVERGED, COUNT), Column.of(LAST_UPDATE_PX, PX), Column.of(BINNING, COUNT));
    /** {@code registration} of {@code edgewise.align.register-pair}: one row. */
    public static final List<Column> PAIR_REGISTRATION = List.of(Column.of(SHIFT_ROW_PX, PX),
            Column.of(SHIFT_COL_PX, PX), Column.of(SCALE, DIMENSIONLESS), Column.of(NOMINAL_SCALE, DIMENSIONLESS),
            Column.of(RESIDUAL, DIMENSIONLESS), Column.of(SCALE_UNCERTAINTY, DIMENSIONLESS),
            Column.of(TRANSLATION_X_PX, PX), Column.of(TRANSLATION_Y_PX, PX), Column.of(LANDMARKS, COUNT),
            Column.of(LANDMARK_RMS_PX, PX), Column.of(SHIFT_ROW_UNCERTAINTY_PX, PX), Column.of(SHIFT_COL_UNCERTAINTY_PX,
                    PX), Column.of(GAIN, DIMENSIONLESS), Column.of(OFFSET, DIMENSIONLESS), Column.of(ITERATIONS, COUNT),
            Column.of(METHOD, COUNT));
    /** {@code registration} of {@code edgewise.align.register-volumes}: one row. */
    public static final List<Column> VOLUME_REGISTRATION = List.of(Column.of(SHIFT_Z_PX, PX),
            Column.of(SHIFT_Y_PX, PX), Column.of(SHIFT_X_PX, PX), Column.of(SCALE, DIMENSIONLESS),
            Column.of(NOMINAL_SCALE, DIMENSIONLESS), Column.of(RESIDUAL, DIMENSIONLESS),
            Column.of(SCALE_UNCERTAINTY, DIMENSIONLESS), Column.of(LANDMARKS, COUNT), Column.of(METHOD, COUNT));

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
     * @return {@link #ALIGNMENT} [angle, 10], the centre and how well it is known repeated on every row
     */
    public static DoubleDataset alignment(double[] anglesDeg, ProjectionAlignment.Result result, double energyKev) {
        int angles = anglesDeg.length;
        DoubleDataset table = Tables.create(ALIGNMENT, angles, energyKev);
        for (int a = 0; a < angles; a++) {
            Tables.set(table, a, ANGLE_DEG, anglesDeg[a]);
            Tables.set(table, a, SHIFT_ROW_PX, result.shiftRowPx()[a]);
            Tables.set(table, a, SHIFT_COL_PX, result.shiftColPx()[a]);
            Tables.set(table, a, ROTATION_CENTER_PX, result.centreColumnPx());
            Tables.set(table, a, ROTATION_CENTER_UNCERTAINTY_PX, result.centreUncertaintyPx());
            Tables.set(table, a, REPROJECTION_RESIDUAL, result.reprojectionResidual());
            Tables.set(table, a, ITERATIONS, result.iterations());
            Tables.set(table, a, CONVERGED, result.converged() ? 1 : 0);
            Tables.set(table, a, LAST_UPDATE_PX, result.lastUpdateRmsPx());
            Tables.set(table, a, BINNING, result.binning());
        }
        return table;
    }

    /**
     * Reads an alignment table back (the inverse of {@link #alignment}; the per-iteration update history is not
     * kept).
     *
     * @param table an {@link #ALIGNMENT} table
     * @return the alignment
     * @throws IllegalArgumentException if a column is missing
     */
    public static ProjectionAlignment.Result alignmentResult(Dataset table) {
        return new ProjectionAlignment.Result(Tables.get(table, 0, ROTATION_CENTER_PX),
                Tables.get(table, 0, ROTATION_CENTER_UNCERTAINTY_PX), Tables.column(table, SHIFT_ROW_PX),
                Tables.column(table, SHIFT_COL_PX), (int) Tables.get(table, 0, ITERATIONS),
                Tables.get(table, 0, CONVERGED) != 0, Tables.get(table, 0, LAST_UPDATE_PX),
                Tables.get(table, 0, REPROJECTION_RESIDUAL), new double[0], (int) Tables.get(table, 0, BINNING));
    }

    /**
     * @param result    the registration of an energy pair's projections
     * @param energyKev the moving scan's energy, or NaN
     * @return {@link #PAIR_REGISTRATION} [1, 16]
     */
    public static DoubleDataset pairRegistration(Registration.Result result, double energyKev) {
        DoubleDataset table = Tables.create(PAIR_REGISTRATION, 1, energyKev);
        Tables.set(table, 0, SHIFT_ROW_PX, result.shiftPx()[0]);
        Tables.set(table, 0, SHIFT_COL_PX, result.shiftPx()[1]);
        Tables.set(table, 0, TRANSLATION_X_PX, result.translationPx()[0]);
        Tables.set(table, 0, TRANSLATION_Y_PX, result.translationPx()[1]);
        Tables.set(table, 0, LANDMARK_RMS_PX, result.landmarkRmsPx());
        Tables.set(table, 0, SHIFT_ROW_UNCERTAINTY_PX, result.shiftUncertaintyPx()[0]);
        Tables.set(table, 0, SHIFT_COL_UNCERTAINTY_PX, result.shiftUncertaintyPx()[1]);
        Tables.set(table, 0, GAIN, result.gain());
        Tables.set(table, 0, OFFSET, result.offset());
        Tables.set(table, 0, ITERATIONS, result.iterations());
        setFit(table, result);
        return table;
    }

    /**
     * Reads a pair registration table back (the inverse of {@link #pairRegistration}).
     *
     * @param table a {@link #PAIR_REGISTRATION} table (one without {@link #METHOD}, from before it existed, or with
     *              code 0, another method: the method is {@link Registration#LANDMARKS} when landmarks were used,
     *              else {@link Registration#GRADIENT_IMAGES})
     * @return the registration
     * @throws IllegalArgumentException if a column is missing or the method code is unknown
     */
    public static Registration.Result pairRegistrationResult(Dataset table) {
        int landmarks = (int) Tables.get(table, 0, LANDMARKS);
        return new Registration.Result(Tables.get(table, 0, SCALE), Tables.get(table, 0, NOMINAL_SCALE),
                new double[] { Tables.get(table, 0, SHIFT_ROW_PX), Tables.get(table, 0, SHIFT_COL_PX) },
                Tables.get(table, 0, GAIN), Tables.get(table, 0, OFFSET), Tables.get(table, 0, RESIDUAL),
                Tables.get(table, 0, SCALE_UNCERTAINTY), new double[] { Tables.get(table, 0,
                    SHIFT_ROW_UNCERTAINTY_PX), Tables.get(table, 0, SHIFT_COL_UNCERTAINTY_PX) },
                (int) Tables.get(table, 0, ITERATIONS), new double[] { Tables.get(table, 0, TRANSLATION_X_PX),
                    Tables.get(table, 0, TRANSLATION_Y_PX) }, method(table, landmarks), landmarks,
                Tables.get(table, 0, LANDMARK_RMS_PX));
    }

    /**
     * @param table a registration table
     * @param landmarks its landmark count
     * @return the method its {@link #METHOD} code names
     */
    private static String method(Dataset table, int landmarks) {
        double code = TableMetadata.of(table).names().contains(METHOD) ? Tables.get(table, 0, METHOD) : 0;
        if (code == 0) {
            return landmarks > 0 ? Registration.LANDMARKS : Registration.GRADIENT_IMAGES;
        }
        if (!(code >= 1 && code <= Registration.METHODS.size() && code == Math.rint(code))) {
            throw new IllegalArgumentException("registration table: unknown method code " + code + "; codes are 0 to "
                    + Registration.METHODS.size() + " for " + Registration.METHODS);
        }
        return Registration.METHODS.get((int) code - 1);
    }

    /** @return the {@link #METHOD} code of a result: 1 + its index in {@link Registration#METHODS}, 0 for another */
    static int methodCode(Registration.Result result) {
        return Registration.METHODS.indexOf(result.method()) + 1;
    }

    /**
     * @param result    the registration of two volumes
     * @param energyKev the moving volume's energy, or NaN
     * @return {@link #VOLUME_REGISTRATION} [1, 9]
     */
    public static DoubleDataset volumeRegistration(Registration.Result result, double energyKev) {
        DoubleDataset table = Tables.create(VOLUME_REGISTRATION, 1, energyKev);
        Tables.set(table, 0, SHIFT_Z_PX, result.shiftPx()[0]);
        Tables.set(table, 0, SHIFT_Y_PX, result.shiftPx()[1]);
        Tables.set(table, 0, SHIFT_X_PX, result.shiftPx()[2]);
        setFit(table, result);
        return table;
    }

    /**
     * Reads a volume registration table back (the inverse of {@link #volumeRegistration}; what that table does not
     * hold, the contrast and the shifts' uncertainties, is NaN).
     *
     * @param table a {@link #VOLUME_REGISTRATION} table
     * @return the registration
     * @throws IllegalArgumentException if a column is missing or the method code is unknown
     */
    public static Registration.Result volumeRegistrationResult(Dataset table) {
        int landmarks = (int) Tables.get(table, 0, LANDMARKS);
        return new Registration.Result(Tables.get(table, 0, SCALE), Tables.get(table, 0, NOMINAL_SCALE),
                new double[] { Tables.get(table, 0, SHIFT_Z_PX), Tables.get(table, 0, SHIFT_Y_PX), Tables.get(table,
                    0, SHIFT_X_PX) }, Double.NaN, Double.NaN, Tables.get(table, 0, RESIDUAL), Tables.get(table, 0,
                            SCALE_UNCERTAINTY), new double[] { Double.NaN, Double.NaN, Double.NaN }, 0, new double[2],
                method(table, landmarks), landmarks, Double.NaN);
    }

    private static void setFit(Dataset table, Registration.Result result) {
        Tables.set(table, 0, SCALE, result.scale());
        Tables.set(table, 0, NOMINAL_SCALE, result.nominalScale());
        Tables.set(table, 0, RESIDUAL, result.residual());
        Tables.set(table, 0, SCALE_UNCERTAINTY, result.scaleUncertainty());
        Tables.set(table, 0, LANDMARKS, result.landmarks());
        Tables.set(table, 0, METHOD, methodCode(result));
    }
}
