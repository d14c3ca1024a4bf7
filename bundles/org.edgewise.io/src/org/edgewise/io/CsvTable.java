package org.edgewise.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgewise.api.files.AtomicFiles;

/**
 * A comma-separated table with a header row, written atomically in UTF-8 with {@code \n} line ends.
 * <p>
 * Numbers are written with {@link Double#toString(double)} / {@link Long#toString(long)} (locale-independent, full
 * precision; NaN as {@code NaN}); text containing a comma, quote or line break is quoted RFC 4180 style.
 * <pre>{@code
 * CsvTable table = new CsvTable("particle", "element", "depth_um");
 * table.addRow(1, "Ni", 0.25);
 * table.write(dir.resolve("profiles.csv"));
 * }</pre>
 */
public final class CsvTable {

    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param columns column names, in order */
    public CsvTable(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(columns);
    }

    /** @return the column names */
    public List<String> header() {
        return header;
    }

    /** @return number of data rows */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @param values one value per column: numbers, text, booleans or {@code null} (an empty cell)
     * @return this table
     */
    public CsvTable addRow(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + header.size()
                    + " columns " + header + ": " + Arrays.toString(values));
        }
        rows.add(values.clone());
        return this;
    }

    /**
     * Writes the table atomically.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                line(out, header.toArray());
                for (Object[] row : rows) {
                    line(out, row);
                }
            }
        });
    }

    private static void line(Writer out, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values[i]));
        }
        out.write('\n');
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
