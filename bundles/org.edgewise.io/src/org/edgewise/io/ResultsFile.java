package org.edgewise.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.BooleanDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.edgewise.api.files.AtomicFiles;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.results.IResultsWriter;
import org.edgewise.api.results.ResultDataset;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.TableMetadata;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;

/**
 * The results file of Edgewise: every volume, projection stack, image and table a command or pipeline run writes,
 * with its physical metadata and the run's provenance, in HDF5 laid out as NeXus ({@code NXentry} /
 * {@code NXdata}), so that DAWN, silx and h5web plot each result without configuration. One class reads and writes
 * it; files written before the NeXus layout (groups {@code /volumes} or {@code /results}) are still read.
 * <pre>
 * /                        NX_class=NXroot, default="entry"
 * /entry                   NX_class=NXentry, default=the first volume (else the first result)
 * /entry/program_name      "Edgewise", attribute version
 * /entry/provenance        the run's provenance JSON (scalar string)
 * /entry/NAME              NX_class=NXdata, signal="data", axes=["z","y","x"], z_indices=0 ..., kind, pixel_size_um,
 *                          energy_kev, provenance (the stages that made it), description
 * /entry/NAME/data         the values, attributes units, long_name
 * /entry/NAME/z, y, x      coordinates in µm (units="um"); projections: angle (deg), row, column (µm)
 * /entry/TABLE/COLUMN      a table: one dataset per column with its units; columns lists them in order
 * </pre>
 * Floating volumes written through {@link Volume} are stored as float32, pipeline results in their own type
 * (float32, float64, int32, int64; masks of booleans as uint8). The full description is {@code docs/data-formats.md}.
 * Every write is atomic.
 */
public final class ResultsFile {

    /** The NeXus entry that holds the results. */
    public static final String ENTRY = "/" + NexusResults.ENTRY;
    /** The provenance JSON. */
    public static final String PROVENANCE = ENTRY + "/" + NexusResults.PROVENANCE;
    /** The name a pipeline run gives its results file. */
    public static final String PIPELINE_FILE_NAME = "results.h5";

    private static final String VOLUME_PORT_SUFFIX = ".volume";
    private static final Set<DataKind> VOLUME_KINDS = Set.of(DataKind.VOLUME, DataKind.LABELS, DataKind.MASK);

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

        /** Booleans are a mask, other integers labels, floating values a volume (stored as float32). */
        private NexusResults.Item item() {
            DataKind kind;
            Dataset values = data;
            if (data instanceof BooleanDataset) {
                kind = DataKind.MASK;
            } else if (InterfaceUtils.isInteger(data.getClass())) {
                kind = DataKind.LABELS;
            } else {
                kind = DataKind.VOLUME;
                values = DatasetUtils.cast(FloatDataset.class, data);
            }
            return new NexusResults.Item(name, kind, values, PhysicalMetadata.create(voxelSizeUm, Double.NaN, units),
                    null, description);
        }
    }

    private ResultsFile() {
    }

    /**
     * Writes volumes (e.g. {@code edgewise segment}'s labels, hulls and depth map).
     *
     * @param file           the file to create or replace
     * @param volumes        volumes, distinct names
     * @param provenanceJson the provenance record
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<Volume> volumes, String provenanceJson) throws IOException {
        List<NexusResults.Item> items = new ArrayList<>();
        for (Volume volume : volumes) {
            items.add(volume.item());
        }
        writeItems(file, items, provenanceJson, null);
    }

    /**
     * Writes a pipeline run's results. Each dataset is loaded whole once (jhdf writes whole arrays).
     *
     * @param file            the file to create or replace
     * @param results         the datasets with {@link PhysicalMetadata} (tables: {@link TableMetadata} gives the
     *                        column names and units; without it the columns are called {@code column_0} ...)
     * @param provenanceJson  the run's provenance record
     * @param edgewiseVersion Edgewise's version, or null
     * @throws IOException if a dataset cannot be read or the file cannot be written
     */
    public static void write(Path file, List<ResultDataset> results, String provenanceJson, String edgewiseVersion)
            throws IOException {
        List<NexusResults.Item> items = new ArrayList<>();
        for (ResultDataset result : results) {
            Dataset data;
            try {
                data = DatasetUtils.sliceAndConvertLazyDataset(result.data());
            } catch (DatasetException e) {
                throw new IOException("result '" + result.name() + "' cannot be read: " + e.getMessage(), e);
            }
            TableMetadata columns = result.kind() == DataKind.TABLE
                    ? result.data().getFirstMetadata(TableMetadata.class) : null;
            items.add(new NexusResults.Item(result.name(), result.kind(), data, PhysicalMetadata.of(result.data()),
                    columns == null ? null : columns.columns(), ""));
        }
        writeItems(file, items, provenanceJson, edgewiseVersion);
    }

    private static void writeItems(Path file, List<NexusResults.Item> items, String provenanceJson, String version)
            throws IOException {
        Set<String> names = new HashSet<>();
        for (NexusResults.Item item : items) {
            if (!names.add(item.name())) {
                throw new IllegalArgumentException("two results are called '" + item.name() + "'");
            }
        }
        AtomicFiles.write(file, temporary -> {
            try {
                NexusResults.write(temporary, items, provenanceJson, version);
            } catch (RuntimeException e) {
                throw new DataFileException(file, null, "could not write the results file: " + e.getMessage(), e);
            }
        });
    }

    /**
     * @return a writer of pipeline results in this format, named {@value #PIPELINE_FILE_NAME}, for
     *         {@code org.edgewise.core.pipeline.PipelineRunner}
     */
    public static IResultsWriter pipelineWriter() {
        return new IResultsWriter() {
            @Override
            public String fileName() {
                return PIPELINE_FILE_NAME;
            }

            @Override
            public void write(Path file, List<ResultDataset> results, String provenanceJson, String edgewiseVersion)
                    throws IOException {
                ResultsFile.write(file, results, provenanceJson, edgewiseVersion);
            }
        };
    }

    /** @return the provenance JSON */
    public static String readProvenance(Path file) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (NexusResults.isNexus(hdf)) {
                Group entry = (Group) hdf.getChild(NexusResults.ENTRY);
                if (entry.getChild(NexusResults.PROVENANCE) instanceof io.jhdf.api.Dataset d
                        && d.getData() instanceof String s) {
                    return s;
                }
                throw new DataFileException(file, PROVENANCE, "is missing or not a string");
            }
            checkLegacy(file, hdf);
            return LegacyResults.provenance(file, hdf);
        }
    }

    /**
     * @return the names of every result in the file (volumes, projections, tables ...), in the file's order
     * @throws DataFileException if the file is not a results file
     */
    public static List<String> names(Path file) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (NexusResults.isNexus(hdf)) {
                return NexusResults.results(hdf).stream().map(Group::getName).toList();
            }
            checkLegacy(file, hdf);
            return LegacyResults.names(hdf);
        }
    }

    /**
     * Lists the volumes of a results file: its results of kind volume, labels or mask. Pipeline results are named
     * without their {@code .volume} port suffix (e.g. {@code ni_above} for {@code ni_above.volume}); {@link #read}
     * accepts both names.
     *
     * @return the names of the volumes in the file
     */
    public static List<String> volumeNames(Path file) throws IOException {
        List<String> volumes = new ArrayList<>();
        try (HdfFile hdf = open(file)) {
            if (NexusResults.isNexus(hdf)) {
                for (Group group : NexusResults.results(hdf)) {
                    if (VOLUME_KINDS.contains(NexusResults.kind(group))) {
                        volumes.add(withoutVolumeSuffix(group.getName()));
                    }
                }
                return volumes;
            }
            checkLegacy(file, hdf);
            if (LegacyResults.isVolumes(hdf)) {
                return LegacyResults.names(hdf);
            }
            for (String name : LegacyResults.names(hdf)) {
                if (LegacyResults.kind(hdf, name) == DataKind.VOLUME) {
                    volumes.add(withoutVolumeSuffix(name));
                }
            }
            return volumes;
        }
    }

    /**
     * Reads one volume with its metadata.
     *
     * @param name a name from {@link #volumeNames} (or with its {@code .volume} suffix)
     * @throws DataFileException naming the file and dataset path when it is missing or malformed
     */
    public static Volume read(Path file, String name) throws IOException {
        Described described = readDescribed(file, name);
        Dataset data = described.data();
        if (data.getRank() != 3) {
            throw new DataFileException(file, name, "is not 3-D");
        }
        PhysicalMetadata metadata = PhysicalMetadata.of(data);
        if (Double.isNaN(metadata.pixelSizeUm())) {
            throw new DataFileException(file, name, "has no voxel size");
        }
        return new Volume(volumeName(name), data, metadata.pixelSizeUm(), metadata.valueUnit(),
                described.description());
    }

    /**
     * Reads one result of any kind whole.
     *
     * @param name a name from {@link #names} (volumes also without their {@code .volume} suffix)
     * @return the values with {@link PhysicalMetadata} (pixel size µm, energy keV, unit, angles deg, the stages
     *         that made it); tables [row, column] as float64 with {@link TableMetadata}
     * @throws DataFileException naming the file and the result when it is missing or malformed
     */
    public static Dataset readDataset(Path file, String name) throws IOException {
        return readDescribed(file, name).data();
    }

    /**
     * @param name a result name
     * @return its kind
     * @throws DataFileException when the file has no such result
     */
    public static DataKind kind(Path file, String name) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (NexusResults.isNexus(hdf)) {
                return NexusResults.kind(nexusGroup(file, hdf, name));
            }
            checkLegacy(file, hdf);
            return LegacyResults.kind(hdf, legacyName(file, hdf, name));
        }
    }

    private record Described(Dataset data, String description) {
    }

    private static Described readDescribed(Path file, String name) throws IOException {
        try (HdfFile hdf = open(file)) {
            if (NexusResults.isNexus(hdf)) {
                Group group = nexusGroup(file, hdf, name);
                return new Described(NexusResults.read(file, group),
                        NexusResults.text(group, NexusResults.DESCRIPTION, ""));
            }
            checkLegacy(file, hdf);
            LegacyResults.Described legacy = LegacyResults.read(file, hdf, legacyName(file, hdf, name));
            return new Described(legacy.data(), legacy.description());
        }
    }

    private static Group nexusGroup(Path file, HdfFile hdf, String name) throws DataFileException {
        List<Group> results = NexusResults.results(hdf);
        for (String candidate : List.of(name, name + VOLUME_PORT_SUFFIX)) {
            for (Group group : results) {
                if (group.getName().equals(candidate)) {
                    return group;
                }
            }
        }
        throw new DataFileException(file, ENTRY + "/" + name, "is missing; results are "
                + results.stream().map(Group::getName).toList());
    }

    private static String legacyName(Path file, HdfFile hdf, String name) throws DataFileException {
        List<String> names = LegacyResults.names(hdf);
        for (String candidate : List.of(name, name + VOLUME_PORT_SUFFIX)) {
            if (names.contains(candidate)) {
                return candidate;
            }
        }
        String group = LegacyResults.isVolumes(hdf) ? LegacyResults.VOLUMES : LegacyResults.RUN_RESULTS;
        throw new DataFileException(file, "/" + group + "/" + name, "is missing; results are " + names);
    }

    private static void checkLegacy(Path file, HdfFile hdf) throws DataFileException {
        if (!LegacyResults.isVolumes(hdf) && !LegacyResults.isRunResults(hdf)) {
            throw new DataFileException(file, ENTRY, "is missing: not an Edgewise results file");
        }
    }

    private static String withoutVolumeSuffix(String name) {
        return name.endsWith(VOLUME_PORT_SUFFIX) ? name.substring(0, name.length() - VOLUME_PORT_SUFFIX.length())
                : name;
    }

    /** Volume names are letters, digits and underscores: a pipeline result loses its port suffix. */
    private static String volumeName(String name) {
        String plain = withoutVolumeSuffix(name);
        return plain.matches("[A-Za-z0-9_]+") ? plain : plain.replaceAll("[^A-Za-z0-9_]", "_");
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
}
