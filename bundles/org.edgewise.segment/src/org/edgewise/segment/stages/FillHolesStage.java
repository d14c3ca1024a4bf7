package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Morphology;

/**
 * {@code edgewise.segment.fill-holes}: fills the cavities of a mask {@code [z, y, x]} (background not 6-connected to
 * a face of the volume), so that pores count in a particle's envelope.
 */
public final class FillHolesStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.fill-holes";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) {
        Dataset mask = input.get("mask");
        int[] s = FlatArrays.volumeShape(mask);
        byte[] filled = Morphology.fillHoles(FlatArrays.mask(mask), s[0], s[1], s[2]);
        return StageOutput.of("mask", Stages.mask(filled, s, mask));
    }
}
