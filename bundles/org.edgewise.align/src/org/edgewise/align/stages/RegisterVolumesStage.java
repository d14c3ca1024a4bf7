package org.edgewise.align.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
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
 * table [1, 8] with columns {@link #COLUMNS} ({@code landmarks}: particles matched between the volumes, 0 when the
 * gradient images were registered instead). Nothing is resampled.
 */
public final class RegisterVolumesStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.register-volumes";

    /** Column names of the registration table. */
    public static final String[] COLUMNS = { "shift_z_px", "shift_y_px", "shift_x_px", "scale", "nominal_scale",
        "residual", "scale_uncertainty", "landmarks" };

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset moving = input.get("moving");
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.register-volumes: cancelled");
        }
        Registration.Result r;
        try {
            r = Registration.registerVolumes(input.get("reference"), moving);
        } catch (IllegalArgumentException e) {
            throw new StageException("edgewise.align.register-volumes: " + e.getMessage(), e);
        }
        DoubleDataset table = DatasetFactory.createFromObject(DoubleDataset.class, new double[] { r.shiftPx()[0],
            r.shiftPx()[1], r.shiftPx()[2], r.scale(), r.nominalScale(), r.residual(), r.scaleUncertainty(),
            r.landmarks() }, 1, COLUMNS.length);
        table.setName(String.join(",", COLUMNS));
        PhysicalMetadata.create(Double.NaN, PhysicalMetadata.of(moving).energyKev(), "px").attachTo(table);
        return StageOutput.of("registration", table);
    }
}
