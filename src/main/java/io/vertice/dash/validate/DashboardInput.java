package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.json.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One dashboard to validate: where it came from (used in every finding) and its JSON, either a plain
 * export or an API response wrapped as {@code {"dashboard": ..., "meta": ...}}.
 */
public record DashboardInput(String file, JsonNode json) {

    public DashboardInput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Reads many files, in parallel (reading JSON is a third of validating public dashboards), in their order; the
     * first unreadable one in that order is the error, whatever order the reads finished in.
     */
    public static List<DashboardInput> readAll(List<Path> files) {
        List<Object> read = (files.size() > 8 ? files.parallelStream() : files.stream()).map(f -> {
            try {
                return (Object) read(f);
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        List<DashboardInput> out = new ArrayList<>(read.size());
        for (Object r : read) {
            if (r instanceof RuntimeException e) {
                throw e;
            }
            out.add((DashboardInput) r);
        }
        return out;
    }

    /** Reads a file; unreadable or malformed JSON is a {@code DashException.input} naming the file and position. */
    public static DashboardInput read(Path file) {
        return new DashboardInput(file.toString(), Json.read(file));
    }
}
