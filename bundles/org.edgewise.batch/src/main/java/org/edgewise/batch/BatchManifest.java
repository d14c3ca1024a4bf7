package org.edgewise.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The runs of a batch, read from a CSV or JSON manifest (docs/batch.md).
 * <p>
 * CSV: a header row with {@code name} and {@code input}; every column named {@code param.NAME} is a parameter
 * override, every other column a label; an empty cell sets nothing.
 * <pre>
 * name,input,architecture,state,param.surface-level
 * a63-pristine,runs/a63-pristine,63Ni,pristine,
 * a80-cycled,runs/a80-cycled,80Ni,cycled,0.45
 * </pre>
 * JSON: {@code {"parameters": {...for every run...}, "runs": [{"name", "input", "labels": {...},
 * "parameters": {...}}]}}. A relative {@code input} is resolved against the manifest's folder.
 *
 * @param file the manifest file
 * @param runs the runs, in the manifest's order
 */
public record BatchManifest(Path file, List<RunSpec> runs) {

    /** Allowed run names: they become folder names on every operating system. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /** The prefix of a CSV column that overrides a parameter. */
    public static final String PARAMETER_PREFIX = "param.";

    public BatchManifest {
        runs = List.copyOf(runs);
    }

    /**
     * @param file      a {@code .csv} or {@code .json} manifest
     * @param parameters checks the parameter overrides of each run (the analysis's names and values)
     * @return the runs
     * @throws ManifestException with one line naming the file, the line or run, and the problem
     */
    public static BatchManifest read(Path file, ParameterCheck parameters) throws ManifestException {
        if (!Files.isRegularFile(file)) {
            throw new ManifestException(file + ": no such manifest file");
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Entry> entries;
        try {
            if (lower.endsWith(".csv")) {
                entries = csv(file);
            } else if (lower.endsWith(".json")) {
                entries = json(file);
            } else {
                throw new ManifestException(file + ": a manifest is a .csv or .json file");
            }
        } catch (IOException e) {
            throw new ManifestException(oneLine(e.getMessage() == null ? file + ": " + e : e.getMessage()));
        }
        if (entries.isEmpty()) {
            throw new ManifestException(file + ": lists no runs");
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, String> seen = new HashMap<>();
        List<RunSpec> runs = new ArrayList<>();
        for (Entry entry : entries) {
            String where = file + ":" + entry.where() + ": ";
            if (entry.name() == null || entry.name().isBlank()) {
                throw new ManifestException(where + "a run has no name");
            }
            String name = entry.name().trim();
            if (!NAME.matcher(name).matches()) {
                throw new ManifestException(where + "run name '" + name + "' must be letters, digits, '.', '_' or '-'"
                        + " (at most 100, starting with a letter or digit): it becomes a folder name");
            }
            if (BatchFiles.RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ManifestException(where + "run name '" + name + "' is the name of a batch output file");
            }
            String first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), entry.label());
            if (first != null) {
                throw new ManifestException(where + "run '" + name + "' is listed twice (first at " + first + ")");
            }
            if (entry.input() == null || entry.input().isBlank()) {
                throw new ManifestException(where + "run '" + name + "' has no input");
            }
            for (String label : entry.labels().keySet()) {
                if (label.isBlank() || BatchFiles.SUMMARY_FIXED_COLUMNS.contains(label)) {
                    throw new ManifestException(where + "label '" + label + "' is empty or the name of a summary"
                            + " column " + BatchFiles.SUMMARY_FIXED_COLUMNS);
                }
            }
            String problem = parameters.check(entry.parameters());
            if (problem != null) {
                throw new ManifestException(where + "run '" + name + "': " + oneLine(problem));
            }
            Path input = base.resolve(entry.input().trim()).normalize();
            runs.add(new RunSpec(name, input.toString(), entry.labels(), entry.parameters()));
        }
        return new BatchManifest(file, runs);
    }

    /** @return every label name of every run, in order of first use */
    public List<String> labelNames() {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> names.addAll(run.labels().keySet()));
        return List.copyOf(names);
    }

    /** Checks a run's parameter overrides. */
    @FunctionalInterface
    public interface ParameterCheck {
        /**
         * @param overrides name → value as text
         * @return null if they are valid, else one line saying which is wrong and why
         */
        String check(Map<String, String> overrides);
    }

    /** {@code where}: after the file name ({@code 12} or {@code runs[3]}); {@code label}: in a sentence. */
    private record Entry(String where, String label, String name, String input, Map<String, String> labels,
            Map<String, String> parameters) {
    }

    private static List<Entry> csv(Path file) throws IOException, ManifestException {
        Csv table = Csv.read(file);
        int name = table.column("name");
        int input = table.column("input");
        if (name < 0 || input < 0) {
            throw new ManifestException(file + ":1: the header needs the columns 'name' and 'input', has "
                    + table.header());
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String column : table.header()) {
            if (!columns.add(column)) {
                throw new ManifestException(file + ":1: the column '" + column + "' appears twice");
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                String column = table.header().get(c);
                if (c == name || c == input || row.get(c).isEmpty()) {
                    continue;
                }
                if (column.startsWith(PARAMETER_PREFIX)) {
                    parameters.put(column.substring(PARAMETER_PREFIX.length()), row.get(c));
                } else {
                    labels.put(column, row.get(c));
                }
            }
            entries.add(new Entry("" + table.lines().get(r), "line " + table.lines().get(r), row.get(name), row.get(input), labels, parameters));
        }
        return entries;
    }

    private static List<Entry> json(Path file) throws IOException, ManifestException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
                    + oneLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject() || !root.path("runs").isArray()) {
            throw new ManifestException(file + ": a JSON manifest is an object with an array \"runs\"");
        }
        Map<String, String> common = texts(file, "\"parameters\"", root.path("parameters"));
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode run : root.path("runs")) {
            index++;
            String where = "runs[" + index + "]";
            if (!run.isObject()) {
                throw new ManifestException(file + ":" + where + ": a run is an object with \"name\" and \"input\"");
            }
            Set<String> known = Set.of("name", "input", "labels", "parameters");
            for (var names = run.fieldNames(); names.hasNext();) {
                String field = names.next();
                if (!known.contains(field)) {
                    throw new ManifestException(file + ":" + where + ": unknown field \"" + field + "\" (a run has "
                            + known + ")");
                }
            }
            Map<String, String> parameters = new LinkedHashMap<>(common);
            parameters.putAll(texts(file, where + ".parameters", run.path("parameters")));
            entries.add(new Entry(where, where, text(run.get("name")), text(run.get("input")),
                    texts(file, where + ".labels", run.path("labels")), parameters));
        }
        return entries;
    }

    private static Map<String, String> texts(Path file, String where, JsonNode node) throws ManifestException {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new ManifestException(file + ":" + where + ": must be an object of names and values");
        }
        for (var fields = node.fields(); fields.hasNext();) {
            var field = fields.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new ManifestException(file + ":" + where + ": \"" + field.getKey() + "\" must be a number,"
                        + " text or true/false");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }
}
