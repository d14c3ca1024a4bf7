package org.edgewise.gradient.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.align.stages.AlignmentTables;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.ElementalMaps;

/**
 * {@code edgewise.gradient.resample}: a volume {@code [z, y, x]} resampled onto its reference's grid by the table of
 * {@code edgewise.gradient.register-element} or {@code edgewise.align.register-volumes} (shift z, y, x and scale ×
 * nominal scale; Keys cubic). The output takes the reference's voxel size, which the registration's nominal scale
 * accounted for.
 */
public final class ResampleStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.resample";

    /** Input port: the volume to resample; output port: the resampled volume. */
    public static final String VOLUME = "volume";
    /** Input port: the registration table. */
    public static final String REGISTRATION = "registration";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset volume = input.get(VOLUME);
        Dataset registration = input.get(REGISTRATION);
        int[] s = FlatArrays.volumeShape(volume);
        double[] shift = { GradientStages.value(registration, AlignmentTables.SHIFT_Z_PX),
            GradientStages.value(registration, AlignmentTables.SHIFT_Y_PX),
            GradientStages.value(registration, AlignmentTables.SHIFT_X_PX) };
        double scale = GradientStages.value(registration, AlignmentTables.SCALE) * GradientStages.value(registration,
                AlignmentTables.NOMINAL_SCALE);
        float[] out = ElementalMaps.resample(FlatArrays.floats(volume), s[0], s[1], s[2], shift, scale);
        PhysicalMetadata m = PhysicalMetadata.of(volume);
        Dataset result = GradientStages.volume(out, s, volume, m.valueUnit(), volume.getName());
        m.withPixelSizeUm(m.pixelSizeUm() * scale).withProvenanceStep("resampled by " + registration.getName())
                .attachTo(result);
        return StageOutput.of(VOLUME, result);
    }
}
