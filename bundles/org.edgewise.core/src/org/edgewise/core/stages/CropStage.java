package org.edgewise.core.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.Slice;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.core.crop}: keeps the box {@code [zStart, zEnd) × [yStart, yEnd) × [xStart, xEnd)} of a volume
 * {@code [z, y, x]} (voxel indices). Voxel size, unit and energy are unchanged. Works slab by slab in z: a slab
 * outside the z range contributes nothing.
 */
public final class CropStage implements IStage<CropModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.core.crop";

    /** Input and output port name. */
    public static final String VOLUME = "volume";

    @Override
    public StageOutput apply(StageInput input, CropModel model, IMonitor monitor) throws StageException {
        Dataset volume = input.get(VOLUME);
        int[] shape = volume.getShape();
        int stackLength = input.stackLength();
        int zEnd = end(model.zEnd(), stackLength);
        int yEnd = end(model.yEnd(), shape[1]);
        int xEnd = end(model.xEnd(), shape[2]);
        if (model.zStart() >= zEnd || model.yStart() >= yEnd || model.xStart() >= xEnd) {
            throw new StageException("crop box z [" + model.zStart() + ", " + zEnd + "), y [" + model.yStart() + ", "
                    + yEnd + "), x [" + model.xStart() + ", " + xEnd + ") is empty in a volume of shape ["
                    + stackLength + ", " + shape[1] + ", " + shape[2] + "]");
        }
        // z indices are absolute in the stack; this slab covers [slabStart, slabStart + slabLength)
        int from = Math.max(model.zStart(), input.slabStart()) - input.slabStart();
        int to = Math.min(zEnd, input.slabStart() + input.slabLength()) - input.slabStart();
        if (to <= from) { // this slab lies outside the z range: an empty slab
            from = 0;
            to = 0;
        }
        Dataset cropped = volume.getSlice(new Slice(from, to), new Slice(model.yStart(), yEnd),
                new Slice(model.xStart(), xEnd));
        PhysicalMetadata.of(volume).attachTo(cropped);
        return StageOutput.of(VOLUME, cropped);
    }

    @Override
    public SlabPolicy slabPolicy(CropModel model) {
        return SlabPolicy.slabs(1);
    }

    private static int end(int end, int length) {
        return end == 0 ? length : Math.min(end, length);
    }
}
