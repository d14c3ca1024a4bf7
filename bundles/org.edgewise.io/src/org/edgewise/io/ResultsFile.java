package org.edgewise.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * The results HDF5 file: named 3-D volumes with their voxel size and units, and the provenance record.
 * <p>
 * Layout: {@code /volumes/<name>} ({@code [z, y, x]}; float32 for floating data, int32 for integer data, uint8 for
 * masks) with attributes {@code units}, {@code voxel_size_um} (float64), {@code axes} ({@code ["z","y","x"]}) and
 * {@code description}; {@code /provenance}, a scalar string dataset holding the provenance JSON. Written atomically.
 */
public final class ResultsFile {

    /** Group of the volumes. */
    public static final String VOLUMES = "/volumes";
    /** The provenance JSON. */
    public static final String PROVENANCE = "/provenance";
    /** Where a pipeline run ({@code edgewise run}, {@code edgewise reconstruct}) puts its results. */
    public static final String RUN_RESULTS = "/results";
    private static final String VOLUME_PORT_SUFFIX = ".volume";

    /**
     * One volume with its metadata.
     *
     * @param name        dataset name: letters, digits, underscores
     * @param data        {@code [z, y, x]}
     * @param voxelSizeUm isotropic voxel size, µm
     * @param units       units of the values, e.g. {@code 1/um}, {@code label}, {@code um}
     * @param description one line for a reader
     */
    public record Volume(String name, Dataset data, double voxelSizeUm, String units, String description) {

        public Volume {
            if (name == null || !name.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("volume names are letters, digits and underscores, was " + name);
            }
            if (data == null || data.getRank() != 3) {
                throw new IllegalArgumentException("volume " + name + " must be 3-D [z, y, x]");
            }
            if (!(voxelSizeUm > 0)) {
                throw new IllegalArgumentException("volume " + name + " needs a positive voxel size, was "
                        + voxelSizeUm);
            }
            units = units == null ? "" : units;
            description = description == null ? "" : description;
        }
    }

    private ResultsFile() {
    }

    /**
     * @param file           the file to create or replace
     * @param volumes        volumes, distinct names
     * @param provenanceJson the provenance record
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Volume> volumes, String provenanceJson) throws IOException {
        List<Object> arrays = new ArrayList<>();
        for (Volume v : volumes) {
            arrays.add(toArray(v.data()));
        }
        AtomicFiles.write(file, temporary -> {
            try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                hdf.putDataset("provenance", provenanceJson == null ? "{}" : provenanceJson);
                WritableGroup group = hdf.putGroup("volumes");
                for (int i = 0; i < volumes.size(); i++) {
                    Volume v = volumes.get(i);
                    Object array = arrays.get(i);
                    WritableDataset d = array instanceof byte[][][]
                            ? group.putDataset(v.name(), array, DatasetCreationOptions.builder().unsigned().build())
                            : group.putDataset(v.name(), array);
                    d.putAttribute("units", v.units());
                    d.putAttribute("voxel_size_um", v.voxelSizeUm());
                    d.putAttribute("axes", new String[] { "z", "y", "x" });
                    d.putAttribute("description", v.description());
                }
            } catch (RuntimeException e) {
                throw new DataFileException(file, null, "could not write the results file: " + e.getMessage(), e);
            }
        });
    }

    /** @return the provenance JSON */
    public static String readProvenance(Path file) throws IOException {
        try (HdfFile hdf = open(file)) {
            Object value = node(hdf, file, PROVENANCE) instanceof io.jhdf.api.Dataset d ? d.getData() : null;
            if (!(value instanceof String s)) {
                throw new DataFileException(file, PROVENANCE, "is not a string");
            }
            return s;
        }
    }

    /**
     * Lists the volumes of a results file: the datasets under {@code /volumes}, or, in a pipeline run's
     * {@code results.h5} / {@code volumes.h5}, the results of kind {@code volume} (named without their
     * {@code .volume} port suffix, e.g. {@code ni_above}).
     *
     * @return the names of the volumes in the file
     */
    public static List<String> volumeNames(Path file) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (find(hdf, VOLUMES) instanceof io.jhdf.api.Group g) {
                return new ArrayList<>(g.getChildren().keySet());
            }
            if (!(find(hdf, RUN_RESULTS) instanceof io.jhdf.api.Group results)) {
                throw new DataFileException(file, VOLUMES, "is missing, and the file holds no pipeline "
                        + RUN_RESULTS + " either");
            }
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, Node> entry : results.getChildren().entrySet()) {
                if (entry.getValue() instanceof io.jhdf.api.Group group
                        && group.getChild("data") instanceof io.jhdf.api.Dataset data
                        && data.getAttribute("kind") != null && "volume".equals(data.getAttribute("kind").getData())) {
                    names.add(entry.getKey().endsWith(VOLUME_PORT_SUFFIX)
                            ? entry.getKey().substring(0, entry.getKey().length() - VOLUME_PORT_SUFFIX.length())
                            : entry.getKey());
                }
            }
            return names;
        }
    }

    /**
     * Reads one volume with its metadata.
     *
     * @throws DataFileException naming the file and dataset path when it is missing or malformed
     */
    public static Volume read(Path file, String name) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (find(hdf, VOLUMES + "/" + name) == null) {
                for (String candidate : List.of(RUN_RESULTS + "/" + name + VOLUME_PORT_SUFFIX + "/data",
                        RUN_RESULTS + "/" + name + "/data")) {
                    if (find(hdf, candidate) instanceof io.jhdf.api.Dataset) {
                        return readRunResult(hdf, file, name, candidate);
                    }
                }
            }
        }
        String path = VOLUMES + "/" + name;
        try (HdfFile hdf = open(file)) {
            if (!(node(hdf, file, path) instanceof io.jhdf.api.Dataset d)) {
                throw new DataFileException(file, path, "is not a dataset");
            }
            int[] shape = d.getDimensions();
            if (shape.length != 3) {
                throw new DataFileException(file, path, "is not 3-D");
            }
            Map<String, Attribute> attributes = d.getAttributes();
            Attribute voxel = attributes.get("voxel_size_um");
            if (voxel == null || !(voxel.getData() instanceof Number)) {
                throw new DataFileException(file, path, "has no voxel_size_um attribute");
            }
            String units = attributes.containsKey("units") ? String.valueOf(attributes.get("units").getData()) : "";
            String description = attributes.containsKey("description")
                    ? String.valueOf(attributes.get("description").getData()) : "";
            Object data;
            try {
                data = d.getData();
            } catch (RuntimeException e) {
                throw new DataFileException(file, path, "could not be read (" + e + ")", e);
            }
            return new Volume(name, fromArray(data, shape), ((Number) voxel.getData()).doubleValue(), units,
                    description);
        }
    }

    /** A volume as the pipeline runner writes it: voxel size in pixel_size_um, unit in value_unit. */
    private static Volume readRunResult(HdfFile hdf, Path file, String name, String path) throws DataFileException {
        io.jhdf.api.Dataset d = (io.jhdf.api.Dataset) hdf.getByPath(path);
        int[] shape = d.getDimensions();
        if (shape.length != 3) {
            throw new DataFileException(file, path, "is not 3-D");
        }
        Attribute voxel = d.getAttribute("pixel_size_um");
        if (voxel == null || !(voxel.getData() instanceof Number)) {
            throw new DataFileException(file, path, "has no pixel_size_um attribute");
        }
        Attribute unit = d.getAttribute("value_unit");
        Object data;
        try {
            data = d.getData();
        } catch (RuntimeException e) {
            throw new DataFileException(file, path, "could not be read (" + e + ")", e);
        }
        return new Volume(name, fromArray(data, shape), ((Number) voxel.getData()).doubleValue(),
                unit == null ? "" : String.valueOf(unit.getData()), "pipeline result " + path);
    }

    private static Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) { // jhdf signals a missing path with an exception
            return null;
        }
    }

    private static HdfFile open(Path file) throws DataFileException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, null, "file does not exist");
        }
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw new DataFileException(file, null, "not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    private static Node node(HdfFile hdf, Path file, String path) throws DataFileException {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) {
            throw new DataFileException(file, path, "is missing", e);
        }
    }

    private static Object toArray(Dataset d) {
        int[] s = d.getShape();
        if (d instanceof BooleanDataset) {
            byte[][][] out = new byte[s[0]][s[1]][s[2]];
            for (int z = 0; z < s[0]; z++) {
                for (int y = 0; y < s[1]; y++) {
                    for (int x = 0; x < s[2]; x++) {
                        out[z][y][x] = d.getBoolean(z, y, x) ? (byte) 1 : 0;
                    }
                }
            }
            return out;
        }
        if (DataExchangeWriter.isFloating(d)) {
            float[] flat = DatasetUtils.copy(FloatDataset.class, d).getData();
            float[][][] out = new float[s[0]][s[1]][s[2]];
            int i = 0;
            for (float[][] plane : out) {
                for (float[] row : plane) {
                    System.arraycopy(flat, i, row, 0, row.length);
                    i += row.length;
                }
            }
            return out;
        }
        int[] flat = DatasetUtils.copy(IntegerDataset.class, d).getData();
        int[][][] out = new int[s[0]][s[1]][s[2]];
        int i = 0;
        for (int[][] plane : out) {
            for (int[] row : plane) {
                System.arraycopy(flat, i, row, 0, row.length);
                i += row.length;
            }
        }
        return out;
    }

    private static Dataset fromArray(Object data, int[] shape) {
        int n = shape[0] * shape[1] * shape[2];
        float[] f = null;
        int[] v = null;
        int i = 0;
        for (int z = 0; z < shape[0]; z++) {
            Object plane = Array.get(data, z);
            for (int y = 0; y < shape[1]; y++) {
                Object row = Array.get(plane, y);
                if (row instanceof float[] fr) {
                    f = f == null ? new float[n] : f;
                    System.arraycopy(fr, 0, f, i, fr.length);
                } else {
                    v = v == null ? new int[n] : v;
                    for (int x = 0; x < shape[2]; x++) {
                        v[i + x] = ((Number) Array.get(row, x)).intValue();
                    }
                }
                i += shape[2];
            }
        }
        return f != null ? DatasetFactory.createFromObject(FloatDataset.class, f, shape)
                : DatasetFactory.createFromObject(IntegerDataset.class, v, shape);
    }
}
