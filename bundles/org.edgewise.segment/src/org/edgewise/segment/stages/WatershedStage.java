package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Watersheds;

/**
 * {@code edgewise.segment.watershed}: labels {@code [z, y, x]} (1..n) of the particles of a mask, touching
 * particles split by a marker-controlled watershed of the distance map with h-maxima markers (h in µm).
 */
public final class WatershedStage implements IStage<WatershedModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.watershed";

    @Override
    public StageOutput apply(StageInput input, WatershedModel model, IMonitor monitor) throws StageException {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        byte[] m = FlatArrays.mask(mask);
        double h = model.hUm() / Stages.voxelUm(mask);
        int[] labels = new int[m.length];
        Watersheds.separate(m, s[0], s[1], s[2], h, labels);
        return StageOutput.of("labels", Stages.labels(labels, s, mask));
    }
}
