package org.edgewise.align.stages;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;

/**
 * {@code edgewise.align.register-pair}: shift and scale of the {@code moving} scan's aligned projections relative to
 * the {@code reference} scan of its energy pair ({@link Registration#registerProjections}), after mapping by the
 * files' pixel sizes. The two scans' alignment tables ({@code edgewise.align.projections}) say how far the aligned
 * images were resampled from beyond the detector; those bands along the edges are left out of the gradient-image
 * fit. Output {@code registration}: a table [1, 15] with columns {@link #COLUMNS} (the translation is the
 * sample's, in the rotation plane, in moving pixels; {@code landmarks} is the number of particle landmark pairs used,
 * 0 when the gradient images were registered instead; see {@link Registration.Result}); {@link #result(Dataset)}
 * reads it back. Nothing is resampled: {@code edgewise.align.apply-registration} applies it.
 */
public final class RegisterPairStage implements IStage<RegisterModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.register-pair";

    /** Input port: the reference (below-edge) scan's aligned projections. */
    public static final String REFERENCE = "reference";
    /** Input port: the moving (above-edge) scan's aligned projections. */
    public static final String MOVING = "moving";
    /** Input port: the reference scan's alignment table. */
    public static final String REFERENCE_ALIGNMENT = "reference_alignment";
    /** Input port: the moving scan's alignment table. */
    public static final String MOVING_ALIGNMENT = "moving_alignment";
    /** Output port. */
    public static final String REGISTRATION = "registration";

    /** Columns of the registration table with their units; the first nine are what apply-registration reads. */
    public static final List<Column> TABLE_COLUMNS = List.of(Column.of("shift_row_px", "px"),
            Column.of("shift_col_px", "px"), Column.of("scale", "1"), Column.of("nominal_scale", "1"),
            Column.of("residual", "1"), Column.of("scale_uncertainty", "1"), Column.of("translation_x_px", "px"),
            Column.of("translation_y_px", "px"), Column.of("landmarks", "1"), Column.of("landmark_rms_px", "px"),
            Column.of("shift_row_uncertainty_px", "px"), Column.of("shift_col_uncertainty_px", "px"),
            Column.of("gain", "1"), Column.of("offset", "1"), Column.of("iterations", "1"));
    /** Column names of the registration table. */
    public static final String[] COLUMNS = TABLE_COLUMNS.stream().map(Column::name).toArray(String[]::new);

    @Override
    public StageOutput apply(StageInput input, RegisterModel model, IMonitor monitor) throws StageException {
        Dataset reference = input.get(REFERENCE);
        Dataset moving = input.get(MOVING);
        if (monitor.isCancelled()) {
            throw new StageException(ID + ": cancelled");
        }
        Registration.Result r;
        try {
            ProjectionAlignment.Result ra = AlignStage.result(input.get(REFERENCE_ALIGNMENT));
            ProjectionAlignment.Result ma = AlignStage.result(input.get(MOVING_ALIGNMENT));
            int columns = reference.getShape()[2];
            r = Registration.registerProjections(reference, moving, model.maxAngles(),
                    Math.max(rowMargin(ra), rowMargin(ma)), Math.max(columnMargin(ra, columns),
                            columnMargin(ma, columns)));
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + e.getMessage(), e);
        }
        return StageOutput.of(REGISTRATION, table(r, PhysicalMetadata.of(moving).energyKev()));
    }

    /** Aligned rows within this distance of the top or bottom were resampled from beyond the detector. */
    static int rowMargin(ProjectionAlignment.Result r) {
        double max = 0;
        for (double v : r.shiftRowPx()) {
            max = Math.max(max, Math.abs(v));
        }
        return (int) Math.ceil(max) + 2;
    }

    /** Aligned columns within this distance of either side were resampled from beyond the detector. */
    static int columnMargin(ProjectionAlignment.Result r, int columns) {
        double max = 0;
        for (double v : r.shiftColPx()) {
            max = Math.max(max, Math.abs(v));
        }
        return (int) Math.ceil(Math.abs(r.centreColumnPx() - (columns - 1) / 2.0) + max) + 2;
    }

    /**
     * @param r         a projection registration
     * @param energyKev the moving scan's energy (metadata)
     * @return the table [1, 15] with metadata (unit px) and its column names
     */
    public static Dataset table(Registration.Result r, double energyKev) {
        double[] translation = r.translationPx().length >= 2 ? r.translationPx() : new double[2];
        double[] row = { r.shiftPx()[0], r.shiftPx()[1], r.scale(), r.nominalScale(), r.residual(),
            r.scaleUncertainty(), translation[0], translation[1], r.landmarks(), r.landmarkRmsPx(),
            r.shiftUncertaintyPx()[0], r.shiftUncertaintyPx()[1], r.gain(), r.offset(), r.iterations() };
        DoubleDataset table = DatasetFactory.createFromObject(DoubleDataset.class, row, 1, COLUMNS.length);
        table.setName(String.join(",", COLUMNS));
        TableMetadata.of(TABLE_COLUMNS).attachTo(table);
        PhysicalMetadata.create(Double.NaN, energyKev, "px").attachTo(table);
        return table;
    }

    /**
     * Reads a registration table back (the inverse of {@link #table}).
     *
     * @param registration a table of this stage (when it carries no column names, e.g. after a trip through a
     *                     results file, its columns are taken to be {@link #COLUMNS})
     * @return the registration; its method is {@link Registration#LANDMARKS} when landmarks were used
     * @throws IllegalArgumentException if the table lacks one of this stage's columns
     */
    public static Registration.Result result(Dataset registration) {
        Dataset table = StageTables.named(registration, TABLE_COLUMNS, "a registration table");
        int landmarks = (int) Tables.get(table, 0, "landmarks");
        return new Registration.Result(Tables.get(table, 0, "scale"), Tables.get(table, 0, "nominal_scale"),
                new double[] { Tables.get(table, 0, "shift_row_px"), Tables.get(table, 0, "shift_col_px") },
                Tables.get(table, 0, "gain"), Tables.get(table, 0, "offset"), Tables.get(table, 0, "residual"),
                Tables.get(table, 0, "scale_uncertainty"), new double[] { Tables.get(table, 0,
                    "shift_row_uncertainty_px"), Tables.get(table, 0, "shift_col_uncertainty_px") },
                (int) Tables.get(table, 0, "iterations"),
                new double[] { Tables.get(table, 0, "translation_x_px"), Tables.get(table, 0, "translation_y_px") },
                landmarks > 0 ? Registration.LANDMARKS : Registration.GRADIENT_IMAGES, landmarks,
                Tables.get(table, 0, "landmark_rms_px"));
    }
}
