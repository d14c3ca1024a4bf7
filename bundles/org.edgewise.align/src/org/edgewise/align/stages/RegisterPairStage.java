package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.ProjectionAlignment;
import org.edgewise.align.Registration;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.register-pair}: shift and scale of the {@code moving} scan's aligned projections relative to
 * the {@code reference} scan of its energy pair ({@link Registration#registerProjections}), after mapping by the
 * files' pixel sizes. The two scans' alignment tables ({@code edgewise.align.projections}) say how far the aligned
 * images were resampled from beyond the detector; those bands along the edges are left out of the gradient-image
 * fit. Output {@code registration}: a table [1, 16] with the columns {@link AlignmentTables#PAIR_REGISTRATION} (the
 * translation is the sample's, in the rotation plane, in moving pixels; {@code landmarks} is the number of particle
 * landmark pairs used, 0 when the gradient images were registered instead; {@code method} the code of the method
 * that gave it; see {@link Registration.Result}), read back by {@link AlignmentTables#pairRegistrationResult}.
 * Nothing is resampled: {@code edgewise.align.apply-registration} applies it. When no method gives a registration
 * within the {@link org.edgewise.align.Plausibility} bounds the stage fails, naming the two scans and what each
 * method gave.
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

    @Override
    public StageOutput apply(StageInput input, RegisterModel model, IMonitor monitor) throws StageException {
        Dataset reference = input.get(REFERENCE);
        Dataset moving = input.get(MOVING);
        if (monitor.isCancelled()) {
            throw new StageException(ID + ": cancelled");
        }
        Registration.Result r;
        try {
            ProjectionAlignment.Result ra = AlignmentTables.alignmentResult(input.get(REFERENCE_ALIGNMENT));
            ProjectionAlignment.Result ma = AlignmentTables.alignmentResult(input.get(MOVING_ALIGNMENT));
            int columns = reference.getShape()[2];
            r = Registration.registerProjections(reference, moving, model.maxAngles(),
                    Math.max(rowMargin(ra), rowMargin(ma)), Math.max(columnMargin(ra, columns),
                            columnMargin(ma, columns)));
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + ScanNames.describe(moving) + " against " + ScanNames.describe(
                    reference) + ": " + e.getMessage(), e);
        }
        return StageOutput.of(REGISTRATION, AlignmentTables.pairRegistration(r,
                PhysicalMetadata.of(moving).energyKev()));
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
}
