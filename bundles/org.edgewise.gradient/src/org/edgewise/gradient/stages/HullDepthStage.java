package org.edgewise.gradient.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.HullDepths;

/**
 * {@code edgewise.gradient.hull-depth}: from a grey volume and its particle labels (both {@code [z, y, x]}), the
 * particles at the chosen surface level, their convex hulls and the depth (µm) below each hull's surface.
 */
public final class HullDepthStage implements IStage<HullDepthModel> {

    @Override
    public StageOutput apply(StageInput input, HullDepthModel model, IMonitor monitor) throws StageException {
        Dataset volume = input.get("volume");
        Dataset labels = input.get("labels");
        int[] s = GradientStages.sameShape(volume, labels);
        int[] l = FlatArrays.ints(labels);
        int n = java.util.Arrays.stream(l).max().orElse(0);
        if (n == 0) {
            throw new StageException("'" + labels.getName() + "' holds no particle");
        }
        HullDepths.Result r;
        try {
            r = HullDepths.compute(FlatArrays.floats(volume), l, n, s[0], s[1], s[2], GradientStages.voxelUm(volume),
                    model.settings());
        } catch (IllegalArgumentException e) {
            throw new StageException(e.getMessage());
        }
        return new StageOutput(java.util.Map.of("hulls", GradientStages.labels(r.hulls(), s, labels, "hulls"),
                "depth", GradientStages.volume(r.depthUm(), s, volume, "µm", "depth")));
    }
}
