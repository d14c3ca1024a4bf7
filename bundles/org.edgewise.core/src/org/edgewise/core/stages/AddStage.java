package org.edgewise.core.stages;

import java.util.Arrays;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.core.add}: the voxel-wise sum of two volumes {@code [z, y, x]} of one shape and voxel size, in
 * float32 with the first volume's metadata (e.g. to segment the sum of all energies of a run). Slab by slab.
 */
public final class AddStage implements IStage<NoParameters> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.core.add";

    /** Input and output port: the first volume and the sum. */
    public static final String VOLUME = "volume";
    /** Input port: the volume added to it. */
    public static final String ADDEND = "addend";

    @Override
    public StageOutput apply(StageInput input, NoParameters model, IMonitor monitor) throws StageException {
        Dataset volume = input.get(VOLUME);
        Dataset addend = input.get(ADDEND);
        PhysicalMetadata first = PhysicalMetadata.of(volume);
        double voxel = first.pixelSizeUm();
        double other = PhysicalMetadata.of(addend).pixelSizeUm();
        if (!Arrays.equals(volume.getShape(), addend.getShape()) || Math.abs(other - voxel) > 1e-6 * voxel) {
            throw new StageException(ID + ": volumes of shape " + Arrays.toString(volume.getShape()) + " and "
                    + Arrays.toString(addend.getShape()) + ", voxels " + voxel + " and " + other + " µm cannot be"
                    + " added; they need one shape and voxel size");
        }
        Dataset sum = DatasetUtils.copy(FloatDataset.class, volume).iadd(addend);
        first.attachTo(sum);
        sum.setName(volume.getName());
        return StageOutput.of(VOLUME, sum);
    }

    @Override
    public SlabPolicy slabPolicy(NoParameters model) {
        return SlabPolicy.slabs(1);
    }
}
