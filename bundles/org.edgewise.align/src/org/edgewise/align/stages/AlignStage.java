package org.edgewise.align.stages;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;

/**
 * {@code edgewise.align.projections}: stage jitter and rotation centre of line-integral projections
 * [angle, row, column] ({@link ProjectionAlignment}). The data are not changed: the output {@code alignment} is a
 * table [angle, 10] with columns {@link #COLUMNS}: per projection {@code angle_deg,
 * shift_row_px, shift_col_px}, then the scan's {@code rotation_center_px} and how well it is known
 * ({@code rotation_center_uncertainty_px, reprojection_residual, iterations, converged} (1 or 0),
 * {@code last_update_px, binning}), repeated on every row, in the sign convention of
 * {@link org.edgewise.recon.ParallelBeamGeometry} (axis of projection a at {@code centre + shift_col[a]}).
 * {@link #result(Dataset)} reads it back. Apply it with {@code edgewise.align.apply-shifts} or pass centre and shifts
 * to a reconstruction. Needs all angles at once.
 */
public final class AlignStage implements IStage<AlignModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.projections";

    /** Input port. */
    public static final String PROJECTIONS = "projections";
    /** Output port. */
    public static final String ALIGNMENT = "alignment";
    /** Columns of the alignment table with their units; the first four are what the apply stages read. */
    public static final List<Column> TABLE_COLUMNS = List.of(Column.of("angle_deg", "deg"),
            Column.of("shift_row_px", "px"), Column.of("shift_col_px", "px"), Column.of("rotation_center_px", "px"),
            Column.of("rotation_center_uncertainty_px", "px"), Column.of("reprojection_residual", "1"),
            Column.of("iterations", "1"), Column.of("converged", "1"), Column.of("last_update_px", "px"),
            Column.of("binning", "1"));
    /** Column names of the alignment table. */
    public static final String[] COLUMNS = TABLE_COLUMNS.stream().map(Column::name).toArray(String[]::new);

    @Override
    public StageOutput apply(StageInput input, AlignModel model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        ProjectionAlignment.Result r;
        try {
            r = ProjectionAlignment.align(projections, model.options(), monitor);
        } catch (IllegalArgumentException e) {
            throw new StageException("edgewise.align.projections: " + e.getMessage(), e);
        } catch (CancellationException e) {
            throw new StageException("edgewise.align.projections: cancelled", e);
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        return StageOutput.of(ALIGNMENT, table(metadata.anglesDeg(), r, metadata.energyKev()));
    }

    /**
     * @param anglesDeg one per projection
     * @param r         an alignment
     * @param energyKev the scan's energy (metadata)
     * @return the table [angle, 10] with metadata (unit px) and its column names
     */
    public static Dataset table(double[] anglesDeg, ProjectionAlignment.Result r, double energyKev) {
        int n = anglesDeg.length;
        DoubleDataset table = DatasetFactory.zeros(DoubleDataset.class, n, COLUMNS.length);
        for (int a = 0; a < n; a++) {
            double[] row = { anglesDeg[a], r.shiftRowPx()[a], r.shiftColPx()[a], r.centreColumnPx(),
                r.centreUncertaintyPx(), r.reprojectionResidual(), r.iterations(), r.converged() ? 1 : 0,
                r.lastUpdateRmsPx(), r.binning() };
            for (int c = 0; c < row.length; c++) {
                table.set(row[c], a, c);
            }
        }
        table.setName(String.join(",", COLUMNS));
        TableMetadata.of(TABLE_COLUMNS).attachTo(table);
        PhysicalMetadata.create(Double.NaN, Double.isNaN(energyKev) || energyKev <= 0 ? Double.NaN : energyKev, "px")
                .attachTo(table);
        return table;
    }

    /**
     * Reads an alignment table back (the inverse of {@link #table}; the per-iteration update history is not kept).
     *
     * @param alignment a table of this stage (when it carries no column names, e.g. after a trip through a results
     *                  file, its columns are taken to be {@link #COLUMNS})
     * @return the alignment
     * @throws IllegalArgumentException if the table lacks one of this stage's columns
     */
    public static ProjectionAlignment.Result result(Dataset alignment) {
        Dataset table = StageTables.named(alignment, TABLE_COLUMNS, "an alignment table");
        return new ProjectionAlignment.Result(Tables.get(table, 0, "rotation_center_px"),
                Tables.get(table, 0, "rotation_center_uncertainty_px"), Tables.column(table, "shift_row_px"),
                Tables.column(table, "shift_col_px"), (int) Tables.get(table, 0, "iterations"),
                Tables.get(table, 0, "converged") != 0, Tables.get(table, 0, "last_update_px"),
                Tables.get(table, 0, "reprojection_residual"), new double[0], (int) Tables.get(table, 0, "binning"));
    }
}
