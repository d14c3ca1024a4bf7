package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Registration;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.align.register-pair}: shift and scale of the {@code moving} scan's aligned projections relative to
 * the {@code reference} scan of its energy pair ({@link Registration#registerProjections}), after mapping by the
 * files' pixel sizes. Output {@code registration}: a table [1, 9] with columns {@link #COLUMNS} (the translation is
 * the sample's, in the rotation plane, in moving pixels; {@code landmarks} is the number of particle landmark pairs
 * used, 0 when the gradient images were registered instead; see {@link Registration.Result}). Nothing is resampled:
 * {@code edgewise.align.apply-registration} applies it.
 */
public final class RegisterPairStage implements IStage<RegisterModel> {

    /** Column names of the registration table. */
    public static final String[] COLUMNS = { "shift_row_px", "shift_col_px", "scale", "nominal_scale", "residual",
        "scale_uncertainty", "translation_x_px", "translation_y_px", "landmarks" };

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
        DoubleDataset table = DatasetFactory.createFromObject(DoubleDataset.class, new double[] { r.shiftPx()[0],
            r.shiftPx()[1], r.scale(), r.nominalScale(), r.residual(), r.scaleUncertainty(), r.translationPx()[0],
            r.translationPx()[1], r.landmarks() }, 1, COLUMNS.length);
        table.setName(String.join(",", COLUMNS));
        PhysicalMetadata.create(Double.NaN, PhysicalMetadata.of(moving).energyKev(), "px").attachTo(table);
        return StageOutput.of("registration", table);
    }
}
