package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Labelling;

/**
 * {@code edgewise.segment.label}: labels {@code [z, y, x]} (1..n in raster order of each object's first voxel) of
 * the 26-connected objects of a mask.
 */
public final class LabelStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.label";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        int[] labels = new int[s[0] * s[1] * s[2]];
        Labelling.label(FlatArrays.mask(mask), s[0], s[1], s[2], labels);
        return StageOutput.of("labels", Stages.labels(labels, s, mask));
    }
}
