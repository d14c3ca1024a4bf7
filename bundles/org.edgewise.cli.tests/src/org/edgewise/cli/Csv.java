package org.edgewise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A CSV file written by a command, read by column name (no quoting: the commands' tables have none). */
record Csv(List<String> header, List<String[]> rows) {

    static Csv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return new Csv(List.of(lines.get(0).split(",", -1)), lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1)).toList());
    }

    /** @return the numbers of a column in the rows whose {@code key} column equals {@code value} */
    double[] column(String name, String key, String value) {
        int c = index(name);
        int k = index(key);
        return rows.stream().filter(r -> r[k].equals(value)).mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }

    /** @return every number of a column */
    double[] column(String name) {
        int c = index(name);
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }

    /** @return the text of a column in the first row whose {@code key} column equals {@code value} */
    String text(String name, String key, String value) {
        int c = index(name);
        int k = index(key);
        return rows.stream().filter(r -> r[k].equals(value)).findFirst().map(r -> r[c]).orElseThrow();
    }

    private int index(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header + " " + Arrays.toString(
                    rows.isEmpty() ? new String[0] : rows.get(0)));
        }
        return i;
    }
}
