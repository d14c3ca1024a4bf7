package org.edgewise.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchManifestTest {

    @TempDir
    Path dir;

    private final BatchManifest.ParameterCheck check = new ThresholdLabelAnalysis()::checkParameters;

    @Test
    void csvHasNameInputLabelsAndParameterColumns() throws Exception {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "\uFEFFname,input,architecture,\"state, detail\",param.threshold\r\n"
                + "a63,in/a63,63Ni,\"cycled, 100x\",0.4\r\n\r\nb80,/data/b80,80Ni,,\r\n");
        BatchManifest manifest = BatchManifest.read(file, check);
        assertEquals(List.of(new RunSpec("a63", dir.resolve("in/a63").toString(),
                Map.of("architecture", "63Ni", "state, detail", "cycled, 100x"), Map.of("threshold", "0.4")),
                new RunSpec("b80", "/data/b80", Map.of("architecture", "80Ni"), Map.of())), manifest.runs());
        assertEquals(List.of("architecture", "state, detail"), manifest.labelNames());
    }

    @Test
    void jsonHasRunsWithLabelsAndParametersAndCommonParameters() throws Exception {
        Path file = dir.resolve("runs.json");
        Files.writeString(file, """
                {"parameters": {"threshold": 0.3},
                 "runs": [{"name": "a63", "input": "in/a63", "labels": {"architecture": "63Ni"}},
                          {"name": "b80", "input": "in/b80", "parameters": {"threshold": 0.45}}]}
                """);
        List<RunSpec> runs = BatchManifest.read(file, check).runs();
        assertEquals(Map.of("threshold", "0.3"), runs.get(0).parameters());
        assertEquals(Map.of("architecture", "63Ni"), runs.get(0).labels());
        assertEquals(Map.of("threshold", "0.45"), runs.get(1).parameters());
    }

    @Test
    void problemsAreOneLineNamingTheFileAndWhere() throws Exception {
        assertProblem("runs.csv", "name,input\na,x\nA,y\n", "runs.csv:3: run 'A' is listed twice (first at line 2)");
        assertProblem("runs.csv", "name,input\na b,x\n", "runs.csv:2: run name 'a b' must be letters");
        assertProblem("runs.csv", "name,folder\na,x\n", "runs.csv:1: the header needs the columns 'name' and 'input'");
        assertProblem("runs.csv", "name,input\na,x,extra\n", "runs.csv:2: 3 cells, but the header has 2");
        assertProblem("runs.csv", "name,input,param.treshold\na,x,0.4\n",
                "runs.csv:2: run 'a': unknown parameter 'treshold'");
        assertProblem("runs.csv", "name,input\nsummary.csv,x\n", "runs.csv:2: run name 'summary.csv' is the name");
        assertProblem("runs.csv", "name,input,status\na,x,ok\n", "runs.csv:2: label 'status' is empty or the name");
        assertProblem("runs.csv", "name,input\na,\n", "runs.csv:2: run 'a' has no input");
        assertProblem("runs.csv", "name,input\n", "runs.csv: lists no runs");
        assertProblem("runs.json", "{\"runs\": [{\"name\": \"a\",}]}", "runs.json:1: not valid JSON");
        assertProblem("runs.json", "{\"runs\": [{\"name\": \"a\", \"inptu\": \"x\"}]}",
                "runs.json:runs[1]: unknown field \"inptu\"");
        assertProblem("runs.json", "[]", "runs.json: a JSON manifest is an object with an array \"runs\"");
        assertProblem("runs.txt", "x", "runs.txt: a manifest is a .csv or .json file");
    }

    private void assertProblem(String name, String content, String start) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        ManifestException e = assertThrows(ManifestException.class, () -> BatchManifest.read(file, check));
        String message = e.getMessage().replace(dir + "/", "");
        assertEquals(1, message.lines().count(), message);
        assertEquals(start, message.substring(0, Math.min(start.length(), message.length())), message);
    }
}
