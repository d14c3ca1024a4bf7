package org.edgewise.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads results files written before the NeXus layout, which had two layouts:
 * <pre>
 * /volumes/NAME          [z, y, x]; attributes units, voxel_size_um, axes, description   (edgewise segment)
 * /provenance            the provenance JSON (scalar string)
 *
 * /results/NAME/data     attributes kind, axes, value_unit, pixel_size_um, energy_kev, provenance  (pipeline runs)
 * /results/NAME/angles_deg   projection angles, degrees
 * /                      attributes provenance (JSON), edgewise_version
 * </pre>
 */
final class LegacyResults {

    /** Group of the volumes of {@code edgewise segment}. */
    static final String VOLUMES = "volumes";
    /** Group of a pipeline run's results. */
    static final String RUN_RESULTS = "results";
    /** Provenance of the volumes layout. */
    static final String PROVENANCE = "/provenance";

    private LegacyResults() {
    }

    /** @return whether the file has the volumes layout */
    static boolean isVolumes(HdfFile hdf) {
        return hdf.getChildren().get(VOLUMES) instanceof Group;
    }

    /** @return whether the file has the pipeline-run layout */
    static boolean isRunResults(HdfFile hdf) {
        return hdf.getChildren().get(RUN_RESULTS) instanceof Group;
    }

    /** @return the result names, in the file's order */
    static List<String> names(HdfFile hdf) {
        Group group = (Group) hdf.getChild(isVolumes(hdf) ? VOLUMES : RUN_RESULTS);
        return new ArrayList<>(group.getChildren().keySet());
    }

    /** @return the kind of a result: volumes are volumes, run results say theirs */
    static DataKind kind(HdfFile hdf, String name) {
        if (isVolumes(hdf)) {
            return DataKind.VOLUME;
        }
        Node node = hdf.getByPath("/" + RUN_RESULTS + "/" + name + "/data");
        String kind = NexusResults.text(node, "kind", "");
        return kind.isEmpty() ? DataKind.VOLUME : DataKind.fromId(kind);
    }

    /** @return the provenance JSON: the volumes layout's dataset, or the run layout's root attribute */
    static String provenance(Path file, HdfFile hdf) throws DataFileException {
        if (isVolumes(hdf)) {
            Node node = find(hdf, PROVENANCE);
            if (node instanceof io.jhdf.api.Dataset d && d.getData() instanceof String s) {
                return s;
            }
            throw new DataFileException(file, PROVENANCE, "is missing or not a string");
        }
        Attribute attribute = hdf.getAttribute("provenance");
        if (attribute != null && attribute.getData() instanceof String s) {
            return s;
        }
        throw new DataFileException(file, "/", "has no provenance attribute");
    }

    /**
     * @param name a result name as listed by {@link #names}
     * @return the values with {@link PhysicalMetadata}, and a description (the volumes layout's, or where the
     *         result came from)
     */
    static Described read(Path file, HdfFile hdf, String name) throws DataFileException {
        if (isVolumes(hdf)) {
            String path = "/" + VOLUMES + "/" + name;
            if (!(find(hdf, path) instanceof io.jhdf.api.Dataset d)) {
                throw new DataFileException(file, path, "is missing");
            }
            Map<String, Attribute> attributes = d.getAttributes();
            Attribute voxel = attributes.get("voxel_size_um");
            if (voxel == null || !(voxel.getData() instanceof Number size)) {
                throw new DataFileException(file, path, "has no voxel_size_um attribute");
            }
            Dataset values = HdfArrays.fromFlat(NexusResults.flat(file, d), d.getDimensions());
            PhysicalMetadata.create(size.doubleValue(), Double.NaN, NexusResults.text(d, "units", ""))
                    .attachTo(values);
            values.setName(name);
            return new Described(values, NexusResults.text(d, "description", ""));
        }
        String path = "/" + RUN_RESULTS + "/" + name + "/data";
        if (!(find(hdf, path) instanceof io.jhdf.api.Dataset d)) {
            throw new DataFileException(file, path, "is missing");
        }
        DataKind kind = kind(hdf, name);
        double pixelSizeUm = NexusResults.number(d, "pixel_size_um");
        if (Double.isNaN(pixelSizeUm) && kind != DataKind.TABLE) {
            throw new DataFileException(file, path, "has no pixel_size_um attribute");
        }
        Dataset values = HdfArrays.fromFlat(NexusResults.flat(file, d), d.getDimensions());
        PhysicalMetadata metadata = PhysicalMetadata.create(pixelSizeUm, NexusResults.number(d, "energy_kev"),
                NexusResults.text(d, "value_unit", ""));
        if (d.getAttribute("provenance") != null && d.getAttribute("provenance").getData() instanceof String[] steps) {
            for (String step : steps) {
                metadata = metadata.withProvenanceStep(step);
            }
        }
        if (kind.axes().contains("angle")
                && find(hdf, "/" + RUN_RESULTS + "/" + name + "/angles_deg") instanceof io.jhdf.api.Dataset angles) {
            metadata = metadata.withAnglesDeg((double[]) DatasetUtils.cast(DoubleDataset.class,
                    DatasetFactory.createFromObject(NexusResults.flat(file, angles))).getBuffer(), kind);
        }
        values.setName(name);
        return new Described(metadata.attachTo(values), "pipeline result " + path);
    }

    /** A dataset read back with its one-line description. */
    record Described(Dataset data, String description) {
    }

    private static Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) { // jhdf signals a missing path with an exception
            return null;
        }
    }
}
