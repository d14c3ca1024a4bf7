package org.edgewise.api.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.metadata.MetadataType;

/**
 * The columns of a table dataset [row, column]: names and units, attached as January metadata so that a table read
 * by a later stage is read by column name, never by index. Slicing rows keeps the columns; create tables with
 * {@link Tables}.
 */
public final class TableMetadata implements MetadataType {

    private static final long serialVersionUID = 1L;

    private final List<Column> columns;

    private TableMetadata(List<Column> columns) {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            if (names.contains(column.name())) {
                throw new IllegalArgumentException("two columns are called '" + column.name() + "'");
            }
            names.add(column.name());
        }
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /**
     * @param columns the columns in order
     * @return metadata for a table with these columns
     */
    public static TableMetadata of(List<Column> columns) {
        return new TableMetadata(columns);
    }

    /**
     * @param dataset a table
     * @return its columns
     * @throws IllegalArgumentException if the dataset carries no column metadata
     */
    public static TableMetadata of(ILazyDataset dataset) {
        TableMetadata metadata = dataset.getFirstMetadata(TableMetadata.class);
        if (metadata == null) {
            throw new IllegalArgumentException("table '" + dataset.getName() + "' carries no column names"
                    + " (TableMetadata); create tables with Tables.create");
        }
        return metadata;
    }

    /** @return the columns in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column names in order */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * @param name a column name
     * @return its index
     * @throws IllegalArgumentException naming the columns there are when there is no such column
     */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'; columns are " + names());
    }

    /** @param name a column name @return its unit */
    public String unit(String name) {
        return columns.get(indexOf(name)).unit();
    }

    /** @param dataset the table to label @return the same dataset */
    public <T extends ILazyDataset> T attachTo(T dataset) {
        dataset.setMetadata(this);
        return dataset;
    }

    @Override
    public TableMetadata clone() {
        return this; // immutable
    }

    @Override
    public String toString() {
        return "TableMetadata" + columns;
    }
}
