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
 * {@code edgewise.segment.dilate}: grows a mask {@code [z, y, x]} by a Euclidean distance in µm (distance
 * transform of the complement, thresholded), e.g. to cover the Mn and Co data around the Ni particle.
 */
public final class DilateStage implements IStage<DilateModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.dilate";

    @Override
    public StageOutput apply(StageInput input, DilateModel model, IMonitor monitor) throws StageException {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        byte[] m = FlatArrays.mask(mask);
        double r = model.distanceUm() / Stages.voxelUm(mask);
        return StageOutput.of("mask", Stages.mask(Morphology.dilate(m, s[0], s[1], s[2], r), s, mask));
    }
}
