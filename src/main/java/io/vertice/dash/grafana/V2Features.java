package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.v2.ConversionLoss;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one schema holds that the other cannot. v2 → classic: Grafana's v2 → v1 conversion flattens tabs and
 * auto grids into rows and drops conditional rendering and per-row variables
 * ({@code ../shared/grafana-v2/conversion/README.md}, fixture 11). Grafana's data-loss check only counts
 * panels, queries, annotations, links and variables and logs the loss without marking
 * {@code status.conversion} ({@code withConversionMetrics} returns nil), so dash looks itself. Classic → v2:
 * dash's {@link ConversionLoss}.
 */
final class V2Features {
    private V2Features() {
    }

    /**
     * What a classic dashboard would lose in v2 ({@link ConversionLoss}), as a sentence, or empty. Only a drop
     * is a loss; what the conversion adds (Grafana's built-in annotation, defaults) is not. ConversionLoss
     * tells the two apart only in its sentence: this is the one place that reads it.
     */
    static Optional<String> v2Loss(ObjectNode classic) {
        return ConversionLoss.of(classic).filter(loss -> loss.endsWith("drop it"));
    }

    /** Why the spec has no faithful classic form ("it uses tabs, an auto grid"), or null when it has one. */
    static String classicLoss(JsonNode spec) {
        TreeSet<String> found = new TreeSet<>();
        walk(spec, found);
        return found.isEmpty() ? null : "it uses " + String.join(", ", found) + ", which classic JSON cannot hold";
    }

    private static void walk(JsonNode node, Set<String> found) {
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
