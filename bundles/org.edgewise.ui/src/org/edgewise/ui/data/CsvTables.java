package org.edgewise.ui.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.DoubleDataset;
import org.edgewise.api.Element;
import org.edgewise.api.tables.Column;
import org.edgewise.api.tables.Tables;
import org.edgewise.io.DataFileException;

/**
 * Reads the CSV tables the commands write ({@code particles.csv}, {@code profiles.csv}, {@code metrics.csv},
 * {@code alignment.csv} ...) into numeric tables read by column name, the form the pipeline's own tables have:
 * an {@code element} column becomes {@code element_z} (atomic number), {@code quantity} becomes 0 (ratio) or 1
 * (fraction), {@code true}/{@code false} become 1/0, an empty cell NaN. Units follow from the column names
 * ({@code _um} µm, {@code _um3} µm³, {@code _px} px, {@code _kev} keV, {@code _deg} deg).
 * <pre>{@code
 * DoubleDataset profiles = CsvTables.read(Path.of("out/profiles.csv"));
 * double[] depth = Tables.column(profiles, "depth_um");
 * }</pre>
 */
public final class CsvTables {

    /** Column that holds the element as atomic number (from a CSV's {@code element} symbol). */
    public static final String ELEMENT_Z = "element_z";
    /** Value of {@code quantity} for the paper's ratio. */
    public static final double RATIO = 0;
    /** Value of {@code quantity} for the calibrated fraction. */
    public static final double FRACTION = 1;

    private CsvTables() {
    }

    /**
     * @param file a CSV file with a header row
     * @return the table [row, column]
     * @throws IOException naming the file and the line when it cannot be read
     */
    public static DoubleDataset read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFileException(file, null, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DataFileException(file, null, "has no header row");
        }
        List<String> header = split(lines.get(0));
        List<Column> columns = new ArrayList<>();
        for (String name : header) {
            String trimmed = name.trim();
            columns.add(Column.of(trimmed.equals("element") ? ELEMENT_Z : trimmed, unit(trimmed)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i));
            if (cells.size() != header.size()) {
                throw new DataFileException(file, "line " + (i + 1), cells.size() + " cells for " + header.size()
                        + " columns");
            }
            rows.add(cells);
        }
        DoubleDataset table = Tables.create(columns, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                table.set(value(header.get(c).trim(), rows.get(r).get(c).trim()), r, c);
            }
        }
        table.setName(file.getFileName().toString());
        return table;
    }

    private static double value(String column, String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        switch (cell.toLowerCase(Locale.ROOT)) {
        case "true":
            return 1;
        case "false":
            return 0;
        case "ratio":
            return RATIO;
        case "fraction":
            return FRACTION;
        default:
            break;
        }
        if (column.equals("element")) {
            return Element.bySymbol(cell).map(Element::atomicNumber).orElse(0);
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN; // text (a scan name) has no number; the table keeps its place
        }
    }

    private static String unit(String column) {
        if (column.endsWith("_um3")) {
            return "µm³";
        }
        if (column.endsWith("_um")) {
            return "µm";
        }
        if (column.endsWith("_px")) {
            return "px";
        }
        if (column.endsWith("_kev")) {
            return "keV";
        }
        if (column.endsWith("_deg")) {
            return "deg";
        }
        return "";
    }

    /** RFC 4180: commas separate, double quotes enclose, a doubled quote inside quotes is one quote. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
