package org.edgewise.core.internal.run;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.eclipse.january.dataset.LongDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Writes a run's results with jhdf (whose writer is alpha: only float32, float64 and int32 arrays and string or
 * number attributes are used). Layout:
 * <pre>
 * /                      attributes: provenance (JSON text), edgewise_version
 * /results/NAME/data     the dataset; attributes kind, axes, value_unit, pixel_size_um, energy_kev, provenance
 * /results/NAME/angles_deg   projection angles in degrees, when the dataset has them
 * </pre>
 * jhdf writes whole arrays, so each result is loaded completely when it is written.
 */
public final class Hdf5Results {

    private Hdf5Results() {
    }

    /**
     * @param file           the file to create (inside the run's temporary directory)
     * @param results        name → dataset with {@link PhysicalMetadata}
     * @param kinds          name → kind
     * @param provenanceJson the run's provenance record
     * @param version        Edgewise's version
     * @throws DatasetException if a result cannot be read back from its scratch file
     */
    public static void write(Path file, Map<String, ILazyDataset> results, Map<String, DataKind> kinds,
            String provenanceJson, String version) throws DatasetException {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("provenance", provenanceJson);
            hdf.putAttribute("edgewise_version", version);
            WritableGroup group = hdf.putGroup("results");
            for (Map.Entry<String, ILazyDataset> entry : results.entrySet()) {
                Dataset dataset = DatasetUtils.sliceAndConvertLazyDataset(entry.getValue());
                PhysicalMetadata metadata = PhysicalMetadata.of(entry.getValue());
                DataKind kind = kinds.get(entry.getKey());
                WritableGroup result = group.putGroup(entry.getKey());
                WritableDataset data = result.putDataset("data", toJavaArray(dataset, entry.getKey()));
                data.putAttribute("kind", kind.id());
                data.putAttribute("axes", kind.axes().toArray(new String[0]));
                data.putAttribute("value_unit", metadata.valueUnit());
                if (!Double.isNaN(metadata.pixelSizeUm())) {
                    data.putAttribute("pixel_size_um", metadata.pixelSizeUm());
                }
                if (!Double.isNaN(metadata.energyKev())) {
                    data.putAttribute("energy_kev", metadata.energyKev());
                }
                data.putAttribute("provenance", metadata.provenance().toArray(new String[0]));
                if (metadata.hasAngles()) {
                    result.putDataset("angles_deg", metadata.anglesDeg()).putAttribute("units", "deg");
                }
            }
        }
    }

    /**
     * @param dataset a dataset of rank ≥ 1 with no empty axis
     * @param name    for messages
     * @return nested Java arrays: {@code float[]..} for float32, {@code int[]..} for integers (except 64-bit),
     *         {@code double[]..} otherwise
     */
    static Object toJavaArray(Dataset dataset, String name) {
        int[] shape = dataset.getRank() == 0 ? new int[] { 1 } : dataset.getShape();
        if (Arrays.stream(shape).anyMatch(n -> n == 0)) {
            throw new IllegalArgumentException("result '" + name + "' is empty: shape " + Arrays.toString(shape));
        }
        Class<? extends Dataset> type;
        if (dataset instanceof FloatDataset) {
            type = FloatDataset.class;
        } else if (InterfaceUtils.isInteger(dataset.getClass()) && !(dataset instanceof LongDataset)) {
            type = IntegerDataset.class;
        } else {
            type = DoubleDataset.class;
        }
        Dataset contiguous = DatasetUtils.copy(type, dataset);
        Object flat = contiguous.getBuffer();
        if (shape.length == 1) {
            return flat;
        }
        Object nested = Array.newInstance(flat.getClass().getComponentType(), shape);
        fill(nested, flat, shape, 0, new int[] { 0 });
        return nested;
    }

    private static void fill(Object target, Object flat, int[] shape, int axis, int[] offset) {
        int n = shape[axis];
        if (axis == shape.length - 1) {
            System.arraycopy(flat, offset[0], target, 0, n);
            offset[0] += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            fill(Array.get(target, i), flat, shape, axis + 1, offset);
        }
    }
}
