package org.edgewise.gradient.stages;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.tables.Tables;

/** Shared plumbing of the gradient stages: metadata, shapes and reading tables by column name. */
final class GradientStages {

    private GradientStages() {
    }

    /** @return the voxel size of a dataset, µm; a stage error if it is unknown */
    static double voxelUm(Dataset dataset) throws StageException {
        double v = PhysicalMetadata.of(dataset).pixelSizeUm();
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new StageException("dataset '" + dataset.getName() + "' has no positive voxel size (" + v + " µm)");
        }
        return v;
    }

    /** @return the common shape of volumes, a stage error naming them when they differ */
    static int[] sameShape(Dataset... volumes) throws StageException {
        int[] shape = FlatArrays.volumeShape(volumes[0]);
        for (Dataset v : volumes) {
            if (!Arrays.equals(shape, v.getShape())) {
                throw new StageException("volumes '" + volumes[0].getName() + "' " + Arrays.toString(shape) + " and '"
                        + v.getName() + "' " + Arrays.toString(v.getShape()) + " are not on one grid");
            }
        }
        return shape;
    }

    static FloatDataset volume(float[] values, int[] shape, Dataset like, String unit, String name) {
        FloatDataset out = FlatArrays.wrap(values, shape);
        PhysicalMetadata.of(like).withValueUnit(unit).attachTo(out);
        out.setName(name);
        return out;
    }

    static IntegerDataset labels(int[] values, int[] shape, Dataset like, String name) {
        IntegerDataset out = FlatArrays.wrap(values, shape);
        PhysicalMetadata.of(like).withValueUnit(PhysicalMetadata.DIMENSIONLESS).attachTo(out);
        out.setName(name);
        return out;
    }

    /**
     * A value of a one-row table by column name: from its column metadata, or, for tables made before it, from the
     * comma-separated column names in the dataset's name.
     */
    static double value(Dataset table, String column) throws StageException {
        if (Tables.has(table, column)) {
            return Tables.get(table, 0, column);
        }
        String name = table.getName() == null ? "" : table.getName();
        int index = Arrays.asList(name.split(",")).indexOf(column);
        if (index < 0) {
            throw new StageException("table '" + name + "' has no column '" + column + "'");
        }
        return table.getDouble(0, index);
    }
}
