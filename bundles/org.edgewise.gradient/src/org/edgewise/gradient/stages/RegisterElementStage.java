package org.edgewise.gradient.stages;

import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.align.Registration;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.gradient.ElementRegistrations;

/**
 * {@code edgewise.gradient.register-element}: shift (z, y, x) and scale of one element's {@code moving} volume
 * relative to the {@code reference} volume on which the {@code labels} were segmented, all {@code [z, y, x]}
 * ({@link ElementRegistrations#toReference}: the volumes' particles as landmarks, else the segmented particles'
 * centres of mass). Output {@code registration}: a table [1, 10], the columns {@link #COLUMNS} (those of
 * {@code edgewise.align.register-volumes}, then how it was found and the landmarks' RMS misfit), which
 * {@code edgewise.gradient.resample} applies. Nothing is resampled here.
 */
public final class RegisterElementStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.register-element";

    /** Input port: the reference volume (the grid of the segmentation). */
    public static final String REFERENCE = "reference";
    /** Input port: the volume to register. */
    public static final String MOVING = "moving";
    /** Input port: the particles on the reference grid. */
    public static final String LABELS = "labels";
    /** Output port: the registration table. */
    public static final String REGISTRATION = "registration";

    /**
     * Column: {@link ElementRegistrations.Method#ordinal()} of how the element's volume was registered (its own
     * landmarks, the segmented particles, gradient images). Named apart from the volume registration's own
     * {@code method} column, which codes the method among the align bundle's registrations.
     */
    public static final String METHOD = "element_method";
    /** Column: RMS misfit of the landmarks, voxels. */
    public static final String LANDMARK_RMS_PX = "landmark_rms_px";

    /** Columns of the registration table. */
    public static final List<Column> COLUMNS = columns();

    private static List<Column> columns() {
        List<Column> c = new java.util.ArrayList<>(AlignmentTables.VOLUME_REGISTRATION);
        c.add(Column.of(METHOD, "1"));
        c.add(Column.of(LANDMARK_RMS_PX, "px"));
        return List.copyOf(c);
    }

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset reference = input.get(REFERENCE);
        Dataset moving = input.get(MOVING);
        Dataset labels = input.get(LABELS);
        GradientStages.sameShape(reference, moving, labels);
        int[] l = FlatArrays.ints(labels);
        int n = java.util.Arrays.stream(l).max().orElse(0);
        if (n == 0) {
            throw new StageException(ID + ": '" + labels.getName() + "' holds no particle to register on");
        }
        Registration.Result r;
        try {
            r = ElementRegistrations.toReference(reference, moving, l, n);
        } catch (IllegalArgumentException e) {
            throw new StageException(ID + ": " + e.getMessage(), e);
        }
        return StageOutput.of(REGISTRATION, table(r, PhysicalMetadata.of(moving).energyKev()));
    }

    /** @return the table of a registration */
    public static DoubleDataset table(Registration.Result r, double energyKev) {
        DoubleDataset volume = AlignmentTables.volumeRegistration(r, energyKev);
        DoubleDataset table = Tables.create(COLUMNS, 1, energyKev);
        for (Column c : AlignmentTables.VOLUME_REGISTRATION) {
            Tables.set(table, 0, c.name(), Tables.get(volume, 0, c.name()));
        }
        Tables.set(table, 0, METHOD, ElementRegistrations.Method.of(r).ordinal());
        Tables.set(table, 0, LANDMARK_RMS_PX, r.landmarkRmsPx());
        return table;
    }

    /** @return how the registration of a table was found */
    public static ElementRegistrations.Method method(Dataset table) {
        return ElementRegistrations.Method.values()[(int) Math.round(Tables.get(table, 0, METHOD))];
    }
}
