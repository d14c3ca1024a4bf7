package org.edgewise.core.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.SlabPolicy;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;

/**
 * {@code edgewise.core.bin}: averages cubes of {@code factor³} voxels of a volume {@code [z, y, x]} into one voxel
 * of a volume {@code [z/f, y/f, x/f]} (integer division: a remainder at the far end of an axis is dropped). The
 * voxel size in µm is multiplied by the factor; values keep their unit. Works slab by slab in z (slabs are
 * multiples of the factor).
 */
public final class BinStage implements IStage<BinModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.core.bin";

    /** Input and output port name. */
    public static final String VOLUME = "volume";

    @Override
    public StageOutput apply(StageInput input, BinModel model, IMonitor monitor) throws StageException {
        Dataset volume = input.get(VOLUME);
        int f = model.factor();
        int[] shape = volume.getShape();
        int nz = shape[0] / f;
        int ny = shape[1] / f;
        int nx = shape[2] / f;
        if ((ny == 0 || nx == 0) || (nz == 0 && input.isWhole())) {
            throw new StageException("cannot bin a volume of shape [" + shape[0] + ", " + shape[1] + ", " + shape[2]
                    + "] by " + f + ": every axis must be at least " + f + " voxels");
        }
        DoubleDataset binned = DatasetFactory.zeros(DoubleDataset.class, nz, ny, nx);
        double scale = 1.0 / ((double) f * f * f);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double sum = 0;
                    for (int dz = 0; dz < f; dz++) {
                        for (int dy = 0; dy < f; dy++) {
                            for (int dx = 0; dx < f; dx++) {
                                sum += volume.getDouble(z * f + dz, y * f + dy, x * f + dx);
                            }
                        }
                    }
                    binned.set(sum * scale, z, y, x);
                }
            }
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(volume);
        metadata.withPixelSizeUm(metadata.pixelSizeUm() * f).attachTo(binned);
        binned.setName(volume.getName());
        return StageOutput.of(VOLUME, binned);
    }

    @Override
    public SlabPolicy slabPolicy(BinModel model) {
        return SlabPolicy.slabs(model.factor());
    }
}
