package org.edgewise.integration.tests;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Maths;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/** {@code edgewise.integration.affine}: {@code gain · v + offset} on a volume {@code [z, y, x]}, slab by slab. */
public final class AffineStage implements IStage<AffineModel> {

    @Override
    public StageOutput apply(StageInput input, AffineModel model, IMonitor monitor) {
        Dataset volume = input.get("volume");
        Dataset result = Maths.add(Maths.multiply(volume, model.gain()), model.offset());
        PhysicalMetadata.of(volume).attachTo(result);
        return StageOutput.of("volume", result);
    }

    @Override
    public SlabPolicy slabPolicy(AffineModel model) {
        return SlabPolicy.slabs(1);
    }
}
