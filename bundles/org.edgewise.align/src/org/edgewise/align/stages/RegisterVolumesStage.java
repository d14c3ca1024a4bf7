package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Registration;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.register-volumes}: shift (z, y, x) and scale of the {@code moving} volume relative to the
 * {@code reference} volume, both [z, y, x] ({@link Registration#registerVolumes}). Output {@code registration}: a
 * table [1, 9] with the columns {@link AlignmentTables#VOLUME_REGISTRATION} ({@code landmarks}: particles matched
 * between the volumes, 0 when the gradient images were registered instead; {@code method}: the code of the method
 * that gave it), read back by {@link AlignmentTables#volumeRegistrationResult}. Nothing is resampled. When no method
 * gives a registration within the {@link org.edgewise.align.Plausibility} bounds the stage fails, naming the two
 * volumes and what each method gave.
 */
public final class RegisterVolumesStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.register-volumes";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset moving = input.get("moving");
        Dataset reference = input.get("reference");
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.register-volumes: cancelled");
        }
        Registration.Result r;
        try {
            r = Registration.registerVolumes(reference, moving);
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + ScanNames.describe(moving) + " against " + ScanNames.describe(
                    reference) + ": " + e.getMessage(), e);
        }
        return StageOutput.of("registration",
                AlignmentTables.volumeRegistration(r, PhysicalMetadata.of(moving).energyKev()));
    }
}
