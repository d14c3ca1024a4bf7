package org.edgewise.gradient.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
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
 * {@code edgewise.align.register-volumes} (shift z, y, x and scale × nominal scale; Keys cubic). The output takes
 * the reference's voxel size, which the registration's nominal scale accounted for.
 */
public final class ResampleStage implements IStage<NoParameters> {

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset volume = input.get("volume");
        Dataset registration = input.get("registration");
        int[] s = FlatArrays.volumeShape(volume);
        double[] shift = { GradientStages.value(registration, "shift_z_px"),
            GradientStages.value(registration, "shift_y_px"), GradientStages.value(registration, "shift_x_px") };
        double scale = GradientStages.value(registration, "scale") * GradientStages.value(registration,
                "nominal_scale");
        float[] out = ElementalMaps.resample(FlatArrays.floats(volume), s[0], s[1], s[2], shift, scale);
        PhysicalMetadata m = PhysicalMetadata.of(volume);
        Dataset result = GradientStages.volume(out, s, volume, m.valueUnit(), volume.getName());
        m.withPixelSizeUm(m.pixelSizeUm() * scale).withProvenanceStep("resampled by " + registration.getName())
                .attachTo(result);
        return StageOutput.of("volume", result);
    }
}
