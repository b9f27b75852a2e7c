package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What {@code dash import --validate} runs over every dashboard before anything is pushed. The
 * validation capability provides the real one; tests use fakes.
 */
@FunctionalInterface
public interface PreImportCheck {

    /** Checks the dashboards (as they would be pushed). */
    Result check(List<JsonNode> dashboards);

    /**
     * @param hasErrors whether any finding is error-level (then nothing is pushed)
     * @param lines     the findings, printable, one per line
     */
    record Result(boolean hasErrors, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }
}
