package io.vertice.dash.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

import java.util.List;

/**
 * Brings a dashboard to the form we keep in git and compare: the API's {@code {dashboard, meta}}
 * wrapper removed, and the fields Grafana owns dropped ({@code id}, {@code version},
 * {@code iteration}, and each panel's {@code pluginVersion}, which Grafana stamps with its own version
 * when it saves); {@code uid} is kept because it is the dashboard's identity across installs.
 */
public final class Normalizer {
    /** Top-level fields Grafana assigns on save; they differ between installs and saves, never in meaning. */
    public static final List<String> SERVER_OWNED = List.of("id", "version", "iteration");
    /** Panel fields Grafana stamps on save: the version of the Grafana that last saved it. */
    public static final String PANEL_SERVER_OWNED = "pluginVersion";

    private Normalizer() {
    }

    /** A normalised deep copy (keys sorted, integral numbers as integers); the input is not modified. */
    public static ObjectNode normalize(JsonNode dashboardOrApiResponse) {
        JsonNode dashboard = unwrap(dashboardOrApiResponse);
        ObjectNode copy = (ObjectNode) Json.canonical(dashboard);
        copy.remove(SERVER_OWNED);
        for (JsonNode panel : copy.path("panels")) {
            ((ObjectNode) panel).remove(PANEL_SERVER_OWNED);
            for (JsonNode inner : panel.path("panels")) {
                ((ObjectNode) inner).remove(PANEL_SERVER_OWNED);
            }
        }
        return copy;
    }

    /** The dashboard model inside an API response ({@code {"dashboard": ..., "meta": ...}}), or the input itself. */
    public static JsonNode unwrap(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a dashboard must be a JSON object");
        }
        JsonNode inner = node.get("dashboard");
        if (inner != null && inner.isObject() && !node.has("panels")) {
            return inner;
        }
        return node;
    }
}
