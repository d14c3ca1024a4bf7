package org.edgewise.segment.stages;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.StageException;

/** Shared plumbing of the segmentation stages: metadata and unit conversion. */
final class Stages {

    private Stages() {
    }

    /** @return the voxel size of a dataset, µm; a stage error if it is unknown */
    static double voxelUm(Dataset dataset) throws StageException {
        double v = PhysicalMetadata.of(dataset).pixelSizeUm();
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new StageException("dataset '" + dataset.getName() + "' has no positive voxel size (" + v
                    + " µm); lengths in µm cannot be converted to voxels");
        }
        return v;
    }

    static IntegerDataset mask(byte[] mask, int[] shape, Dataset like) {
        IntegerDataset out = FlatArrays.wrapMask(mask, shape);
        PhysicalMetadata.of(like).withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(out);
        out.setName(like.getName());
        return out;
    }

    static IntegerDataset labels(int[] labels, int[] shape, Dataset like) {
        IntegerDataset out = FlatArrays.wrap(labels, shape);
        PhysicalMetadata.of(like).withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(out);
        out.setName(like.getName());
        return out;
    }

    static FloatDataset micrometres(float[] values, int[] shape, Dataset like) {
        FloatDataset out = FlatArrays.wrap(values, shape);
        PhysicalMetadata.of(like).withValueUnit("µm").attachTo(out);
        out.setName(like.getName());
        return out;
    }
}
