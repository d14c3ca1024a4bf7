package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.DepthMaps;

/**
 * {@code edgewise.segment.depth}: depth map {@code [z, y, x]} in µm of labels taken as they are: every voxel in a
 * particle's convex hull gets its distance to the nearest voxel outside the hull minus the offset (≥ 0; 0 outside
 * every hull), from the exact distance transform of the voxelised hull ({@link DepthMaps}). To place the surface at
 * a grey level first, use {@code edgewise.segment.particles}.
 */
public final class DepthStage implements IStage<DepthModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.depth";

    @Override
    public StageOutput apply(StageInput input, DepthModel model, IMonitor monitor) throws StageException {
        Dataset labels = input.get("labels");
        int[] s = FlatArrays.volumeShape(labels);
        int[] l = FlatArrays.ints(labels);
        int n = java.util.Arrays.stream(l).max().orElse(0);
        DepthMaps.Result r = DepthMaps.compute(l, s[0], s[1], s[2], n, Stages.voxelUm(labels),
                model.depthOffsetVoxels());
        return StageOutput.of("depth", Stages.micrometres(r.depthUm(), s, labels));
    }
}
