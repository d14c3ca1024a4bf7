package org.edgewise.align.stages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.Shifts;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.recon.Reconstructions;

/**
 * {@code edgewise.align.apply-registration}: resamples the normalised (not yet aligned) projections
 * [angle, row, column] of an energy pair's moving scan onto its reference scan's aligned grid, in one cubic
 * resampling: the scan's own alignment ({@code alignment} table of {@code edgewise.align.projections}) and the pair's
 * registration ({@code registration} table of {@code edgewise.align.register-pair}: shift, scale and sample
 * translation). The output has the reference's pixel size, so both scans reconstruct onto the same voxels. Slab by
 * slab over angles.
 */
public final class ApplyRegistrationStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.align.apply-registration";

    /** Input and output port. */
    public static final String PROJECTIONS = "projections";
    /** Input port: the moving scan's alignment table [angle, 4]. */
    public static final String ALIGNMENT = "alignment";
    /** Input port: the registration table [1, {@link RegisterPairStage#COLUMNS}]. */
    public static final String REGISTRATION = "registration";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        Dataset alignment = input.get(ALIGNMENT);
        Dataset registration = input.get(REGISTRATION);
        int length = projections.getShape()[0];
        if (alignment.getRank() != 2 || alignment.getShape()[1] != AlignStage.COLUMNS.length
                || alignment.getShape()[0] != input.stackLength()) {
            throw new StageException("edgewise.align.apply-registration: the alignment table must be ["
                    + input.stackLength() + ", " + AlignStage.COLUMNS.length + "], was "
                    + Arrays.toString(alignment.getShape()));
        }
        if (registration.getRank() != 2 || registration.getShape()[0] != 1
                || registration.getShape()[1] != RegisterPairStage.COLUMNS.length) {
            throw new StageException("edgewise.align.apply-registration: the registration table must be [1, "
                    + RegisterPairStage.COLUMNS.length + "] (" + String.join(", ", RegisterPairStage.COLUMNS)
                    + "), was " + Arrays.toString(registration.getShape()));
        }
        List<String> columns = Arrays.asList(RegisterPairStage.COLUMNS);
        double shiftRow = registration.getDouble(0, columns.indexOf("shift_row_px"));
        double shiftCol = registration.getDouble(0, columns.indexOf("shift_col_px"));
        double scale = registration.getDouble(0, columns.indexOf("scale"));
        double nominal = registration.getDouble(0, columns.indexOf("nominal_scale"));
        double translationX = registration.getDouble(0, columns.indexOf("translation_x_px"));
        double translationY = registration.getDouble(0, columns.indexOf("translation_y_px"));
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        double[] angles = metadata.anglesDeg();
        if (angles.length != length) {
            throw new StageException("edgewise.align.apply-registration: the projections carry " + angles.length
                    + " angles for " + length + " projections");
        }
        double centre = alignment.getDouble(0, 3);
        double[] rows = new double[length];
        double[] cols = new double[length];
        for (int a = 0; a < length; a++) {
            int row = input.slabStart() + a;
            if (Math.abs(angles[a] - alignment.getDouble(row, 0)) > 1e-3) {
                throw new StageException(String.format(Locale.ROOT, "edgewise.align.apply-registration: "
                        + "projection %d is at %.4f° but the alignment table row is for %.4f°", row, angles[a],
                        alignment.getDouble(row, 0)));
            }
            double theta = Math.toRadians(angles[a]);
            rows[a] = alignment.getDouble(row, 1) + shiftRow;
            cols[a] = alignment.getDouble(row, 2) + shiftCol + translationX * Math.cos(theta)
                    + translationY * Math.sin(theta);
        }
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.apply-registration: cancelled");
        }
        int[] shape = projections.getShape();
        FloatDataset registered = Reconstructions.wrap(Shifts.apply(Reconstructions.floats(projections), shape[1],
                shape[2], centre, rows, cols, scale * nominal), shape);
        registered.setName("registered projections");
        PhysicalMetadata.create(metadata.pixelSizeUm() * nominal, metadata.energyKev(), metadata.valueUnit())
                .withAnglesDeg(angles, DataKind.PROJECTIONS).attachTo(registered);
        return StageOutput.of(PROJECTIONS, registered);
    }

    @Override
    public SlabPolicy slabPolicy(NoParameters model) {
        return SlabPolicy.slabs(1);
    }
}
