package org.edgewise.align.stages;

import java.util.Arrays;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.align.Shifts;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Tables;

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
    /** Input port: the moving scan's alignment table ({@link AlignmentTables#ALIGNMENT}). */
    public static final String ALIGNMENT = "alignment";
    /** Input port: the pair's registration table ({@link AlignmentTables#PAIR_REGISTRATION}). */
    public static final String REGISTRATION = "registration";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset projections = input.get(PROJECTIONS);
        Dataset alignment = input.get(ALIGNMENT);
        Dataset registration = input.get(REGISTRATION);
        int length = projections.getShape()[0];
        double shiftRow;
        double shiftCol;
        double scale;
        double nominal;
        double translationX;
        double translationY;
        if (registration.getRank() != 2 || registration.getShape()[0] != 1) {
            throw new StageException("edgewise.align.apply-registration: the registration table must have one row,"
                    + " its shape was " + Arrays.toString(registration.getShape()));
        }
        try {
            shiftRow = Tables.get(registration, 0, AlignmentTables.SHIFT_ROW_PX);
            shiftCol = Tables.get(registration, 0, AlignmentTables.SHIFT_COL_PX);
            scale = Tables.get(registration, 0, AlignmentTables.SCALE);
            nominal = Tables.get(registration, 0, AlignmentTables.NOMINAL_SCALE);
            translationX = Tables.get(registration, 0, AlignmentTables.TRANSLATION_X_PX);
            translationY = Tables.get(registration, 0, AlignmentTables.TRANSLATION_Y_PX);
        } catch (IllegalArgumentException e) {
            throw new StageException("edgewise.align.apply-registration: registration table: " + e.getMessage(), e);
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(projections);
        double[] angles = metadata.anglesDeg();
        if (angles.length != length) {
            throw new StageException("edgewise.align.apply-registration: the projections carry " + angles.length
                    + " angles for " + length + " projections");
        }
        AlignmentSlab own = AlignmentSlab.of(alignment, input, angles,
                "edgewise.align.apply-registration");
        double[] rows = new double[length];
        double[] cols = new double[length];
        for (int a = 0; a < length; a++) {
            double theta = Math.toRadians(angles[a]);
            rows[a] = own.rowsPx()[a] + shiftRow;
            cols[a] = own.colsPx()[a] + shiftCol + translationX * Math.cos(theta) + translationY * Math.sin(theta);
        }
        if (monitor.isCancelled()) {
            throw new StageException("edgewise.align.apply-registration: cancelled");
        }
        int[] shape = projections.getShape();
        FloatDataset registered = FlatArrays.wrap(Shifts.apply(FlatArrays.floats(projections), shape[1],
                shape[2], own.centrePx(), rows, cols, scale * nominal), shape);
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
