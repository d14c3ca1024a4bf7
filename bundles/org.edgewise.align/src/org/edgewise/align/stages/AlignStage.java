package org.edgewise.align.stages;

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

/**
 * {@code edgewise.align.projections}: stage jitter and rotation centre of line-integral projections
 * [angle, row, column] ({@link ProjectionAlignment}). The data are not changed: the output {@code alignment} is a
 * table [angle, 4] with columns {@link #COLUMNS} ({@code angle_deg, shift_row_px, shift_col_px,
 * rotation_center_px}; the centre repeated on every row), in the sign convention of
 * {@link org.edgewise.recon.ParallelBeamGeometry} (axis of projection a at {@code centre + shift_col[a]}). Apply it
 * with {@code edgewise.align.apply-shifts} or pass centre and shifts to a reconstruction. Needs all angles at once.
 */
public final class AlignStage implements IStage<AlignModel> {

    /** Input port. */
    public static final String PROJECTIONS = "projections";
    /** Output port. */
    public static final String ALIGNMENT = "alignment";
    /** Column names of the alignment table. */
    public static final String[] COLUMNS = { "angle_deg", "shift_row_px", "shift_col_px", "rotation_center_px" };

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
     * @return the table [angle, 4] with metadata (unit px)
     */
    public static Dataset table(double[] anglesDeg, ProjectionAlignment.Result r, double energyKev) {
        int n = anglesDeg.length;
        DoubleDataset table = DatasetFactory.zeros(DoubleDataset.class, n, COLUMNS.length);
        for (int a = 0; a < n; a++) {
            table.set(anglesDeg[a], a, 0);
            table.set(r.shiftRowPx()[a], a, 1);
            table.set(r.shiftColPx()[a], a, 2);
            table.set(r.centreColumnPx(), a, 3);
        }
        table.setName(String.join(",", COLUMNS));
        PhysicalMetadata.create(Double.NaN, Double.isNaN(energyKev) || energyKev <= 0 ? Double.NaN : energyKev, "px")
                .attachTo(table);
        return table;
    }
}
