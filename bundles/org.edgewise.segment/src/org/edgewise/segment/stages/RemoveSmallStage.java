package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Labelling;

/**
 * {@code edgewise.segment.remove-small}: removes the 26-connected objects of a mask {@code [z, y, x]} smaller
 * than a volume in µm³.
 */
public final class RemoveSmallStage implements IStage<RemoveSmallModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.remove-small";

    @Override
    public StageOutput apply(StageInput input, RemoveSmallModel model, IMonitor monitor) throws StageException {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        byte[] m = FlatArrays.mask(mask);
        double v = Stages.voxelUm(mask);
        long min = (long) Math.ceil(model.minVolumeUm3() / (v * v * v) - 1e-9);
        return StageOutput.of("mask", Stages.mask(Labelling.removeSmall(m, s[0], s[1], s[2], min), s, mask));
    }
}
