package org.edgewise.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.TableMetadata;
import org.edgewise.api.tables.Tables;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * The NeXus layout of {@link ResultsFile}: one {@code NXentry} with one {@code NXdata} group per result, so that
 * generic NeXus viewers (DAWN, silx, h5web) plot every volume, image, projection stack and table without being
 * told how. The layout is described in {@code docs/data-formats.md}.
 */
final class NexusResults {

    /** The entry group, a child of the root. */
    static final String ENTRY = "entry";
    /** Name of the signal dataset of every result that is not a table. */
    static final String SIGNAL = "data";
    /** Units of the spatial axes' coordinates. */
    static final String MICROMETRES = "um";
    /** Units of the angle axis' coordinates. */
    static final String DEGREES = "deg";

    /** Attributes of an NXdata group beyond the NeXus ones. */
    static final String KIND = "kind";
    static final String PIXEL_SIZE_UM = "pixel_size_um";
    static final String ENERGY_KEV = "energy_kev";
    static final String PROVENANCE = "provenance";
    static final String DESCRIPTION = "description";
    static final String COLUMNS = "columns";

    /**
     * One result to write.
     *
     * @param name        group name
     * @param kind        what it is (fixes the axes)
     * @param data        the values
     * @param metadata    pixel size, energy, unit, angles, provenance chain
     * @param columns     the columns of a table (null for other kinds)
     * @param description one line for a reader, or empty
     */
    record Item(String name, DataKind kind, Dataset data, PhysicalMetadata metadata, List<Column> columns,
            String description) {
    }

    private NexusResults() {
    }

    /**
     * @param file           a new file
     * @param items          the results
     * @param provenanceJson the record of how they were made
     * @param version        Edgewise's version, or null when not known
     */
    static void write(Path file, List<Item> items, String provenanceJson, String version) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("NX_class", "NXroot");
            hdf.putAttribute("default", ENTRY);
            hdf.putAttribute("creator", "Edgewise");
            WritableGroup entry = hdf.putGroup(ENTRY);
            entry.putAttribute("NX_class", "NXentry");
            if (!items.isEmpty()) {
                entry.putAttribute("default", defaultResult(items));
            }
            WritableDataset program = entry.putDataset("program_name", "Edgewise");
            if (version != null && !version.isEmpty()) {
                program.putAttribute("version", version);
            }
            entry.putDataset(PROVENANCE, provenanceJson == null || provenanceJson.isEmpty() ? "{}" : provenanceJson);
            for (Item item : items) {
                if (item.kind() == DataKind.TABLE) {
                    writeTable(entry, item);
                } else {
                    writeArray(entry, item);
                }
            }
        }
    }

    /** The entry opens on the first volume, else on the first result. */
    private static String defaultResult(List<Item> items) {
        return items.stream().filter(item -> item.kind() == DataKind.VOLUME).findFirst().orElse(items.get(0))
                .name();
    }

    private static void writeArray(WritableGroup entry, Item item) {
        PhysicalMetadata metadata = item.metadata();
        WritableGroup group = entry.putGroup(item.name());
        group.putAttribute("NX_class", "NXdata");
        group.putAttribute("signal", SIGNAL);
        Object values = HdfArrays.nested(item.data(), item.name());
        WritableDataset data = values instanceof byte[] || values instanceof byte[][] || values instanceof byte[][][]
                ? group.putDataset(SIGNAL, values, DatasetCreationOptions.builder().unsigned().build())
                : group.putDataset(SIGNAL, values);
        text(data, "units", metadata.valueUnit());
        data.putAttribute("long_name", withUnit(item.name(), metadata.valueUnit()));

        List<String> names = item.kind().axes();
        int[] shape = item.data().getShape();
        String[] axes = new String[names.size()];
        for (int axis = 0; axis < names.size(); axis++) {
            String name = names.get(axis);
            double[] coordinates = coordinates(name, shape[axis], metadata);
            if (coordinates == null) {
                axes[axis] = "."; // NeXus: this axis has no coordinates, plot against the index
                continue;
            }
            axes[axis] = name;
            String unit = "angle".equals(name) ? DEGREES : MICROMETRES;
            WritableDataset axisData = group.putDataset(name, coordinates);
            axisData.putAttribute("units", unit);
            axisData.putAttribute("long_name", name + ("angle".equals(name) ? " (°)" : " (µm)"));
            group.putAttribute(name + "_indices", axis);
        }
        group.putAttribute("axes", axes);
        common(group, item);
    }

    /**
     * @return the coordinates of one axis, or null when the metadata do not give them: angles in degrees from
     *         the metadata, lengths in µm as index × pixel size (the first sample at 0)
     */
    static double[] coordinates(String axis, int length, PhysicalMetadata metadata) {
        if ("angle".equals(axis)) {
            if (!metadata.hasAngles()) {
                return null;
            }
            double[] angles = metadata.anglesDeg();
            return angles.length == length ? angles : null;
        }
        if (Double.isNaN(metadata.pixelSizeUm())) {
            return null;
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = i * metadata.pixelSizeUm();
        }
        return values;
    }

    /**
     * A table is one NXdata group with a 1-D dataset per column (named and in the units of its column). The
     * first column is the axis, the second the signal and the others auxiliary signals, so a viewer plots every
     * column against the first; {@code columns} lists them in order.
     */
    private static void writeTable(WritableGroup entry, Item item) {
        Dataset table = item.data();
        if (table.getRank() != 2) {
            throw new IllegalArgumentException("table '" + item.name() + "' has shape "
                    + Arrays.toString(table.getShape()) + ", not [row, column]");
        }
        int rows = table.getShape()[0];
        int count = table.getShape()[1];
        List<Column> columns = item.columns();
        if (columns == null) {
            columns = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                columns.add(Column.of("column_" + c, item.metadata().valueUnit()));
            }
        } else if (columns.size() != count) {
            throw new IllegalArgumentException("table '" + item.name() + "' has " + count + " columns but names "
                    + columns.size());
        }
        if (rows == 0) {
            throw new IllegalArgumentException("result '" + item.name() + "' is empty: shape [0, " + count + "]");
        }
        WritableGroup group = entry.putGroup(item.name());
        group.putAttribute("NX_class", "NXdata");
        String[] names = columns.stream().map(Column::name).toArray(String[]::new);
        for (String name : names) {
            if (name.contains("/") || name.equals(".")) {
                throw new IllegalArgumentException("table '" + item.name() + "': column '" + name
                        + "' cannot name an HDF5 dataset");
            }
        }
        DoubleDataset values = DatasetUtils.copy(DoubleDataset.class, table);
        for (int c = 0; c < count; c++) {
            double[] column = new double[rows];
            for (int r = 0; r < rows; r++) {
                column[r] = values.getDouble(r, c);
            }
            WritableDataset data = group.putDataset(names[c], column);
            text(data, "units", columns.get(c).unit());
            data.putAttribute("long_name", withUnit(names[c], columns.get(c).unit()));
        }
        group.putAttribute(COLUMNS, names);
        if (count == 1) {
            group.putAttribute("signal", names[0]);
        } else {
            group.putAttribute("signal", names[1]);
            group.putAttribute("axes", new String[] { names[0] });
            group.putAttribute(names[0] + "_indices", 0);
            if (count > 2) {
                group.putAttribute("auxiliary_signals", Arrays.copyOfRange(names, 2, count));
            }
        }
        common(group, item);
    }

    private static void common(WritableGroup group, Item item) {
        PhysicalMetadata metadata = item.metadata();
        group.putAttribute(KIND, item.kind().id());
        if (!Double.isNaN(metadata.pixelSizeUm())) {
            group.putAttribute(PIXEL_SIZE_UM, metadata.pixelSizeUm());
        }
        if (!Double.isNaN(metadata.energyKev())) {
            group.putAttribute(ENERGY_KEV, metadata.energyKev());
        }
        if (!metadata.provenance().isEmpty()) {
            group.putAttribute(PROVENANCE, metadata.provenance().toArray(new String[0]));
        }
        text(group, DESCRIPTION, item.description());
    }

    /** jhdf cannot write an empty string: an empty value is left out and read back as empty. */
    private static void text(WritableNode node, String attribute, String value) {
        if (value != null && !value.isEmpty()) {
            node.putAttribute(attribute, value);
        }
    }

    private static String withUnit(String name, String unit) {
        return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    // ---------------------------------------------------------------- reading

    /** @return whether the file has the NeXus layout (an {@code /entry} group) */
    static boolean isNexus(HdfFile hdf) {
        return hdf.getChildren().get(ENTRY) instanceof Group;
    }

    /** @return the results in the file, in the file's order */
    static List<Group> results(HdfFile hdf) {
        List<Group> groups = new ArrayList<>();
        for (Node node : ((Group) hdf.getChild(ENTRY)).getChildren().values()) {
            if (node instanceof Group group && "NXdata".equals(text(group, "NX_class", ""))) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** @return the result's kind, from its {@code kind} attribute (rank 3 without one: a volume) */
    static DataKind kind(Group group) {
        String kind = text(group, KIND, "");
        return kind.isEmpty() ? DataKind.VOLUME : DataKind.fromId(kind);
    }

    /**
     * Reads one result whole.
     *
     * @param file  for messages
     * @param group its NXdata group
     * @return the values with {@link PhysicalMetadata} (and {@link TableMetadata} for tables)
     */
    static Dataset read(Path file, Group group) throws DataFileException {
        DataKind kind = kind(group);
        double pixelSizeUm = number(group, PIXEL_SIZE_UM);
        double energyKev = number(group, ENERGY_KEV);
        Dataset values;
        String unit;
        if (kind == DataKind.TABLE) {
            List<Column> columns = new ArrayList<>();
            Attribute names = group.getAttribute(COLUMNS);
            if (names == null || !(names.getData() instanceof String[] list)) {
                throw new DataFileException(file, group.getPath(), "is a table without a columns attribute");
            }
            double[][] data = new double[list.length][];
            for (int c = 0; c < list.length; c++) {
                io.jhdf.api.Dataset column = dataset(file, group, list[c]);
                columns.add(Column.of(list[c], text(column, "units", "")));
                data[c] = (double[]) DatasetUtils.cast(DoubleDataset.class,
                        DatasetFactory.createFromObject(flat(file, column))).getBuffer();
            }
            int rows = data.length == 0 ? 0 : data[0].length;
            double[] table = new double[rows * list.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < list.length; c++) {
                    table[r * list.length + c] = data[c][r];
                }
            }
            values = DatasetFactory.createFromObject(DoubleDataset.class, table, rows, list.length);
            TableMetadata.of(columns).attachTo(values);
            unit = Tables.VALUE_UNIT; // the units are per column
        } else {
            io.jhdf.api.Dataset data = dataset(file, group, text(group, "signal", SIGNAL));
            values = HdfArrays.fromFlat(flat(file, data), data.getDimensions());
            unit = text(data, "units", "");
        }
        PhysicalMetadata metadata = PhysicalMetadata.create(pixelSizeUm, energyKev, unit);
        Attribute chain = group.getAttribute(PROVENANCE);
        if (chain != null && chain.getData() instanceof String[] steps) {
            for (String step : steps) {
                metadata = metadata.withProvenanceStep(step);
            }
        }
        int angleAxis = kind.axes().indexOf("angle");
        if (angleAxis >= 0 && group.getChild("angle") instanceof io.jhdf.api.Dataset angles) {
            metadata = metadata.withAnglesDeg((double[]) DatasetUtils.cast(DoubleDataset.class,
                    DatasetFactory.createFromObject(flat(file, angles))).getBuffer(), kind);
        }
        values.setName(group.getName());
        return metadata.attachTo(values);
    }

    static io.jhdf.api.Dataset dataset(Path file, Group group, String name) throws DataFileException {
        if (!(group.getChild(name) instanceof io.jhdf.api.Dataset dataset)) {
            throw new DataFileException(file, group.getPath() + name, "is missing");
        }
        return dataset;
    }

    static Object flat(Path file, io.jhdf.api.Dataset dataset) throws DataFileException {
        try {
            return dataset.getDataFlat();
        } catch (RuntimeException e) {
            throw new DataFileException(file, dataset.getPath(), "could not be read (" + e + ")", e);
        }
    }

    static String text(Node node, String attribute, String fallback) {
        Attribute value = node.getAttribute(attribute);
        return value != null && value.getData() instanceof String text ? text : fallback;
    }

    static double number(Node node, String attribute) {
        Attribute value = node.getAttribute(attribute);
        return value != null && value.getData() instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
