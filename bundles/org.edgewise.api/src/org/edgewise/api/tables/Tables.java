package org.edgewise.api.tables;

import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.metadata.PhysicalMetadata;

/**
 * Tables that pass between stages: {@code double} datasets [row, column] with {@link TableMetadata} (column names
 * and units) and {@link PhysicalMetadata} (value unit {@code "table"}, energy when one applies). Read them by name.
 * <pre>{@code
 * Dataset shifts = Tables.create(List.of(Column.of("angle_deg", "deg"), Column.of("shift_row_px", "px")), 180);
 * Tables.set(shifts, 0, "shift_row_px", 0.4);
 * double[] rows = Tables.column(shifts, "shift_row_px");
 * }</pre>
 */
public final class Tables {

    /** Value unit in a table's {@link PhysicalMetadata}: the units are per column. */
    public static final String VALUE_UNIT = "table";

    private Tables() {
    }

    /**
     * @param columns   the columns in order
     * @param rows      number of rows (≥ 0)
     * @param energyKev the energy the table belongs to, or NaN
     * @return a zero-filled table [rows, columns] with both metadata attached
     */
    public static DoubleDataset create(List<Column> columns, int rows, double energyKev) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        DoubleDataset table = DatasetFactory.zeros(DoubleDataset.class, rows, columns.size());
        table.setName(String.join(",", columns.stream().map(Column::name).toList()));
        TableMetadata.of(columns).attachTo(table);
        PhysicalMetadata.create(Double.NaN, energyKev > 0 ? energyKev : Double.NaN, VALUE_UNIT).attachTo(table);
        return table;
    }

    /** @return {@link #create(List, int, double)} without an energy */
    public static DoubleDataset create(List<Column> columns, int rows) {
        return create(columns, rows, Double.NaN);
    }

    /**
     * @param table a table
     * @param row   a row index
     * @param name  a column name
     * @return the value
     */
    public static double get(Dataset table, int row, String name) {
        return table.getDouble(row, TableMetadata.of(table).indexOf(name));
    }

    /**
     * @param table a table
     * @param row   a row index
     * @param name  a column name
     * @param value the new value
     */
    public static void set(Dataset table, int row, String name, double value) {
        table.set(value, row, TableMetadata.of(table).indexOf(name));
    }

    /**
     * @param table a table
     * @param name  a column name
     * @return the column's values, one per row (a copy)
     */
    public static double[] column(Dataset table, String name) {
        int index = TableMetadata.of(table).indexOf(name);
        int rows = table.getShape()[0];
        double[] values = new double[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = table.getDouble(r, index);
        }
        return values;
    }

    /**
     * @param table a table
     * @param row   a row index
     * @return the row's values in column order (a copy)
     */
    public static double[] row(Dataset table, int row) {
        int columns = table.getShape()[1];
        double[] values = new double[columns];
        for (int c = 0; c < columns; c++) {
            values[c] = table.getDouble(row, c);
        }
        return values;
    }

    /**
     * @param table a table
     * @param name  a column name
     * @return true if the table has that column
     */
    public static boolean has(Dataset table, String name) {
        TableMetadata metadata = table.getFirstMetadata(TableMetadata.class);
        return metadata != null && metadata.names().contains(name);
    }

    /**
     * @param table a table [rows, columns]
     * @return the rows
     */
    public static int rows(Dataset table) {
        int[] shape = table.getShape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("a table is [row, column], shape was " + Arrays.toString(shape));
        }
        return shape[0];
    }
}
