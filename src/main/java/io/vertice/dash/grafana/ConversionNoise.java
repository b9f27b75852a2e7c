package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What a classic → v2 → classic round trip changes without changing content, removed from both sides
 * before a v2-stored dashboard is compared with ours: defaults that one side writes and the other leaves
 * out ({@code timezone: ""}, {@code liveNow: false}...; the defaults table of
 * {@code ../shared/grafana-v2/conversion/README.md}), and the empty Angular-migration marker one era of
 * Grafana's converter adds to panels that never were Angular ({@code {"autoMigrateFrom": <own type>,
 * "originalOptions": {}}}, fixture 4). Measured on Grafana's ten classic → v2beta1 fixtures.
 */
final class ConversionNoise {
    private static final Map<String, JsonNode> DASHBOARD_DEFAULTS = Map.of(
            "timezone", JsonNodes.text(""),
            "liveNow", JsonNodes.bool(false),
            "preload", JsonNodes.bool(false),
            "fiscalYearStartMonth", JsonNodes.number(0));

    private ConversionNoise() {}

    /** The dashboard without that noise; the input is not changed. */
    static ObjectNode remove(ObjectNode classic) {
        ObjectNode out = classic.deepCopy();
        DASHBOARD_DEFAULTS.forEach((key, value) -> {
            if (value.equals(out.get(key))) {
                out.remove(key);
            }
        });
        for (JsonNode panel : out.path("panels")) {
            dropEmptyMigrationMarker(panel);
            panel.path("panels").forEach(ConversionNoise::dropEmptyMigrationMarker);
        }
        return out;
    }

    private static void dropEmptyMigrationMarker(JsonNode panel) {
        JsonNode options = panel.path("options");
        JsonNode marker = options.path("__angularMigration");
        if (marker.isObject()
                && marker.path("autoMigrateFrom")
                        .asText()
                        .equals(panel.path("type").asText())
                && marker.path("originalOptions").isObject()
                && marker.path("originalOptions").isEmpty()) {
            ((ObjectNode) options).remove("__angularMigration");
        }
    }

    /** Small node factories, so the table above reads as data. */
    private static final class JsonNodes {
        static JsonNode text(String s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
        }

        static JsonNode bool(boolean b) {
            return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(b);
        }

        static JsonNode number(int n) {
            return com.fasterxml.jackson.databind.node.IntNode.valueOf(n);
        }
    }
}
