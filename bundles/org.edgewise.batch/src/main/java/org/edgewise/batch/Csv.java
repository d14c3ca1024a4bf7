package org.edgewise.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated files as written by {@code org.edgewise.io.CsvTable} and by spreadsheets: a header row,
 * RFC 4180 quotes (a quoted cell may hold commas, quotes as {@code ""} and line breaks), {@code \n} or {@code \r\n}.
 * Cells stay text, so numbers copied from one file to another keep every digit.
 *
 * @param header the column names
 * @param rows   the data rows, each as long as the header; {@code lines} gives each row's line in the file
 * @param lines  1-based line number of each row's start
 */
record Csv(List<String> header, List<List<String>> rows, List<Integer> lines) {

    /**
     * @param file a CSV file
     * @return its header and rows (blank lines skipped)
     * @throws IOException if it cannot be read, or a row has more or fewer cells than the header
     *                     ({@code FILE:LINE: ...})
     */
    static Csv read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // spreadsheets write a byte-order mark
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(wasQuoted ? cell.toString() : cell.toString().trim());
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                    starts.add(recordLine);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + ":" + recordLine + ": a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !record.isEmpty() || wasQuoted) {
            record.add(wasQuoted ? cell.toString() : cell.toString().trim());
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                records.add(record);
                starts.add(recordLine);
            }
        }
        if (records.isEmpty()) {
            throw new IOException(file + ": empty (no header row)");
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != header.size()) {
                throw new IOException(file + ":" + starts.get(r) + ": " + records.get(r).size() + " cells, but the"
                        + " header has " + header.size());
            }
        }
        return new Csv(List.copyOf(header), List.copyOf(records.subList(1, records.size())),
                List.copyOf(starts.subList(1, starts.size())));
    }

    /**
     * @param column a column name
     * @return its index, or −1
     */
    int column(String column) {
        return header.indexOf(column);
    }
}
