package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Morphology;

/**
 * {@code edgewise.segment.open}: morphological opening of a mask {@code [z, y, x]} with a Euclidean ball
 * (erosion then dilation through the exact distance transform); removes parts thinner than the ball.
 */
public final class OpenStage implements IStage<MorphologyModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.open";

    @Override
    public StageOutput apply(StageInput input, MorphologyModel model, IMonitor monitor) throws StageException {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        byte[] m = FlatArrays.mask(mask);
        double r = model.radiusUm() / Stages.voxelUm(mask);
        return StageOutput.of("mask", Stages.mask(Morphology.open(m, s[0], s[1], s[2], r), s, mask));
    }
}
