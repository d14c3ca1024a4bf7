package org.edgewise.api.tables;

import java.util.Objects;

/**
 * One column of a table: its name (lowercase, units in the name where a number has one, e.g. {@code shift_row_px})
 * and the unit of its values ({@code "px"}, {@code "µm"}, {@code "1"} for dimensionless, {@code ""} for an index or
 * a count).
 *
 * @param name column name, unique in its table
 * @param unit unit of the values
 */
public record Column(String name, String unit) implements java.io.Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("a column name is non-blank and has no comma, was '" + name + "'");
        }
        unit = unit == null ? "" : unit;
    }

    /**
     * @param name column name
     * @param unit unit of the values
     * @return the column
     */
    public static Column of(String name, String unit) {
        return new Column(name, unit);
    }
}
