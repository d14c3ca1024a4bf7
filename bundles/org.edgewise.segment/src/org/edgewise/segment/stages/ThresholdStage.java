package org.edgewise.segment.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.segment.Thresholds;

/**
 * {@code edgewise.segment.threshold}: mask {@code [z, y, x]} (1 inside, 0 outside) of a volume {@code [z, y, x]} by
 * Otsu's method or a manual threshold. The whole volume is needed (the histogram is global).
 */
public final class ThresholdStage implements IStage<ThresholdModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.segment.threshold";

    @Override
    public StageOutput apply(StageInput input, ThresholdModel model, IMonitor monitor) throws StageException {
        Dataset volume = input.get("volume");
        int[] shape = FlatArrays.volumeShape(volume);
        float[] values = FlatArrays.floats(volume);
        byte[] mask;
        if (model.method() == ThresholdModel.Method.OTSU) {
            double t;
            try {
                t = Thresholds.otsu(values);
            } catch (IllegalArgumentException e) {
                throw new StageException("cannot threshold volume '" + volume.getName() + "': " + e.getMessage());
            }
            mask = Thresholds.above(values, t);
        } else {
            mask = Thresholds.atLeast(values, model.threshold());
        }
        return StageOutput.of("mask", Stages.mask(mask, shape, volume));
    }
}
