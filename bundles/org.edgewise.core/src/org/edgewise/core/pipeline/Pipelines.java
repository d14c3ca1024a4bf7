package org.edgewise.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes pipeline files (JSON).
 * <pre>{@code
 * Pipeline pipeline = Pipelines.read(Path.of("pipeline.json"));
 * Pipelines.write(pipeline, Path.of("copy.json"));
 * }</pre>
 */
public final class Pipelines {

    /** Configured once and never changed, so it is safe to share between threads. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Pipelines() {
    }

    /**
     * @param file a pipeline file
     * @return the pipeline
     * @throws InvalidPipelineException if the file is missing or is not a pipeline (one line saying where)
     */
    public static Pipeline read(Path file) throws InvalidPipelineException {
        try {
            return fromJson(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidPipelineException("pipeline file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidPipelineException("cannot read pipeline file " + file + ": " + e.getMessage());
        }
    }

    /**
     * @param json the text of a pipeline file
     * @return the pipeline
     * @throws InvalidPipelineException if it is not valid JSON or has unknown or ill-typed fields
     */
    public static Pipeline fromJson(String json) throws InvalidPipelineException {
        try {
            return JSON.readValue(json, Pipeline.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InvalidPipelineException("not a valid pipeline file" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** @param pipeline a pipeline @return its JSON text */
    public static String toJson(Pipeline pipeline) {
        try {
            return JSON.writeValueAsString(pipeline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param pipeline a pipeline
     * @param file     where to write it
     * @throws IOException if it cannot be written
     */
    public static void write(Pipeline pipeline, Path file) throws IOException {
        Files.writeString(file, toJson(pipeline));
    }
}
