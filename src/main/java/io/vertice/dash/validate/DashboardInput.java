package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.json.Json;

import java.nio.file.Path;
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

    /** Reads a file; unreadable or malformed JSON is a {@code DashException.input} naming the file and position. */
    public static DashboardInput read(Path file) {
        return new DashboardInput(file.toString(), Json.read(file));
    }
}
