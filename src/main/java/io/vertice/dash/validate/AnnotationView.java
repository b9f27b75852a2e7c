package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.model.DatasourceRef;

/**
 * One annotation query. Prometheus annotations carry {@code expr} plus {@code titleFormat}/{@code textFormat}
 * templates; Grafana's built-in "Annotations &amp; Alerts" has {@code builtIn: 1}.
 */
public record AnnotationView(
        String name,
        DatasourceRef datasource,
        String expr,
        String titleFormat,
        String textFormat,
        boolean enabled,
        boolean builtIn,
        JsonNode json) {

    static AnnotationView of(JsonNode node) {
        return new AnnotationView(
                node.path("name").asText(""),
                DatasourceRef.of(node.get("datasource")),
                textOrNull(node, "expr"),
                textOrNull(node, "titleFormat"),
                textOrNull(node, "textFormat"),
                node.path("enable").asBoolean(true),
                node.path("builtIn").asInt(0) == 1,
                node);
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) && node.get(field).isTextual()
                ? node.get(field).asText()
                : null;
    }
}
