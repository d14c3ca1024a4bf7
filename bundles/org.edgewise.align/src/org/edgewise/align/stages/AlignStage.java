package org.edgewise.align.stages;

import java.util.concurrent.CancellationException;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.projections}: stage jitter and rotation centre of line-integral projections
 * [angle, row, column] ({@link ProjectionAlignment}). The data are not changed: the output {@code alignment} is a
 * table [angle, 4] with the columns {@link AlignmentTables#ALIGNMENT} ({@code angle_deg} deg, {@code shift_row_px},
 * {@code shift_col_px}, {@code rotation_center_px} px; the centre repeated on every row), in the sign convention of
 * {@link org.edgewise.recon.ParallelBeamGeometry} (axis of projection a at {@code centre + shift_col[a]}). Apply it
 * with {@code edgewise.align.apply-shifts} or pass centre and shifts to a reconstruction. Needs all angles at once.
 */
public final class AlignStage implements IStage<AlignModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.projections";

    /** Input port. */
    public static final String PROJECTIONS = "projections";
    /** Output port. */
    public static final String ALIGNMENT = "alignment";

    @Override
    public StageOutput apply(StageInput input, AlignModel model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        ProjectionAlignment.Result r;
        try {
            r = ProjectionAlignment.align(projections, model.options(), monitor);
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + ScanNames.describe(projections) + ": " + e.getMessage(), e);
        } catch (CancellationException e) {
            throw new StageException("edgewise.align.projections: cancelled", e);
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        return StageOutput.of(ALIGNMENT, AlignmentTables.alignment(metadata.anglesDeg(), r, metadata.energyKev()));
    }
}
