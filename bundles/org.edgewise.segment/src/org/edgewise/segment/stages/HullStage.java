package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.DepthMaps;

/**
 * {@code edgewise.segment.hull}: the voxelised convex hull of every particle: labels {@code [z, y, x]} where each
 * voxel whose centre lies in a particle's hull carries that particle's label (overlaps go to the particle itself,
 * else to the deeper hull).
 */
public final class HullStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.hull";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
        Dataset labels = input.get("labels");
        int[] s = FlatArrays.volumeShape(labels);
        int[] l = FlatArrays.ints(labels);
        int n = java.util.Arrays.stream(l).max().orElse(0);
        DepthMaps.Result r = DepthMaps.compute(l, s[0], s[1], s[2], n, 1.0, 0);
        return StageOutput.of("labels", Stages.labels(r.hulls(), s, labels));
    }
}
