package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.Registration;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.register-pair}: shift and scale of the {@code moving} scan's aligned projections relative to
 * the {@code reference} scan of its energy pair ({@link Registration#registerProjections}), after mapping by the
 * files' pixel sizes. Output {@code registration}: a table [1, 9] with the columns
 * {@link AlignmentTables#PAIR_REGISTRATION} (the translation is the sample's, in the rotation plane, in moving pixels;
 * {@code landmarks} is the number of particle landmark pairs used, 0 when the gradient images were registered
 * instead; see {@link Registration.Result}). Nothing is resampled: {@code edgewise.align.apply-registration} applies
 * it.
 */
public final class RegisterPairStage implements IStage<RegisterModel> {

    @Override
    public StageOutput apply(StageInput input, RegisterModel model, IMonitor monitor) throws StageException {
        Dataset reference = input.get("reference");
        Dataset moving = input.get("moving");
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.register-pair: cancelled");
        }
        Registration.Result r;
        try {
            r = Registration.registerProjections(reference, moving, model.maxAngles());
        } catch (IllegalArgumentException e) {
            throw new StageException("edgewise.align.register-pair: " + e.getMessage(), e);
        }
        return StageOutput.of("registration",
                AlignmentTables.pairRegistration(r, PhysicalMetadata.of(moving).energyKev()));
    }
}
