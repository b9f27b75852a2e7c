package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeSet;

/**
 * What a v2 dashboard holds that classic JSON cannot: Grafana's v2 → v1 conversion flattens tabs and
 * auto grids into rows and drops conditional rendering and per-row variables
 * ({@code ../shared/grafana-v2/conversion/README.md}, fixture 11). Grafana's data-loss check only counts
 * panels, queries, annotations, links and variables and logs the loss without marking
 * {@code status.conversion} ({@code withConversionMetrics} returns nil), so dash looks itself.
 */
final class V2Features {
    private V2Features() {
    }

    /** Why the spec has no faithful classic form ("it uses tabs, an auto grid"), or null when it has one. */
    static String classicLoss(JsonNode spec) {
        TreeSet<String> found = new TreeSet<>();
        walk(spec, found);
        return found.isEmpty() ? null : "it uses " + String.join(", ", found) + ", which classic JSON cannot hold";
    }

    private static void walk(JsonNode node, TreeSet<String> found) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String kind = node.path("kind").asText("");
        if (kind.equals("TabsLayout")) {
            found.add("tabs");
        } else if (kind.equals("AutoGridLayout")) {
            found.add("an auto grid");
        } else if (kind.equals("RowsLayoutRow") && node.path("spec").path("variables").size() > 0) {
            found.add("row variables");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("conditionalRendering") && e.getValue().path("spec").path("items").size() > 0) {
                found.add("conditional rendering");
            }
            walk(e.getValue(), found);
        }
    }
}
