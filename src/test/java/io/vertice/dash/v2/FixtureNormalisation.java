package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The normalisation {@code ../shared/grafana-v2/conversion/README.md} documents, applied to both
 * Grafana's output and dash's before they are compared: converter versions differ on whether they
 * write defaults, row ids and absolute {@code y}, and the test's default datasource.
 */
final class FixtureNormalisation {
    /** Classic fields whose default Grafana sometimes writes and sometimes leaves out. */
    private static final Map<String, JsonNode> CLASSIC_DEFAULTS = Map.ofEntries(
            Map.entry("custom", Json.object()),
            Map.entry("mappings", Json.array()),
            Map.entry("options", Json.object()),
            Map.entry("pluginVersion", Json.MAPPER.getNodeFactory().textNode("")),
            Map.entry("links", Json.array()),
            Map.entry("tags", Json.array()),
            Map.entry("panels", Json.array()),
            Map.entry("fiscalYearStartMonth", Json.MAPPER.getNodeFactory().numberNode(0)));
    /** The default datasource of Grafana's conversion test provider. */
    private static final String TEST_DEFAULT_UID = "default-ds-uid";

    private FixtureNormalisation() {}

    /** A v2 spec, normalised: dash's own rule for what v2 writes or leaves out at will. */
    static JsonNode v2(JsonNode spec) {
        return Equivalence.v2(spec);
    }

    /** A classic dashboard, normalised: also row ids, row positions and every absolute y. */
    static JsonNode classic(JsonNode dashboard) {
        ObjectNode n = (ObjectNode) dashboard.deepCopy();
        dropDefaults(n, CLASSIC_DEFAULTS);
        JsonNode templating = n.get("templating");
        if (templating != null
                && templating.isObject()
                && templating.path("list").isMissingNode()) {
            n.remove("templating");
        }
        for (JsonNode p : Trees.panelsAndRowChildren(n)) {
            ObjectNode panel = (ObjectNode) p;
            if ("row".equals(panel.path("type").asText())) {
                panel.remove("id");
                panel.remove("gridPos");
            } else if (panel.get("gridPos") instanceof ObjectNode gridPos) {
                gridPos.remove("y");
            }
        }
        defaultDatasources(n);
        derivedPanelDatasources(n);
        Equivalence.baseThresholdSteps(n);
        return n;
    }

    /**
     * The test provider's default datasource filled in counts as "the default datasource of that
     * type", which is what a reference with a type and no uid says.
     */
    private static void defaultDatasources(JsonNode n) {
        if (n.isObject()) {
            JsonNode ds = n.get("datasource");
            if (ds instanceof ObjectNode o
                    && TEST_DEFAULT_UID.equals(o.path("uid").asText())) {
                o.remove("uid");
            }
            n.forEach(FixtureNormalisation::defaultDatasources);
        } else if (n.isArray()) {
            n.forEach(FixtureNormalisation::defaultDatasources);
        }
    }

    /**
     * Newer converters set a panel's datasource when all its queries share one; older ones do not.
     * Such a panel datasource is derived from the queries, so it is left out of the comparison.
     */
    private static void derivedPanelDatasources(JsonNode d) {
        for (JsonNode p : Trees.panelsAndRowChildren(d)) {
            JsonNode ds = p.get("datasource");
            JsonNode targets = p.path("targets");
            if (ds == null || !targets.isArray() || targets.isEmpty()) {
                continue;
            }
            boolean shared = true;
            for (JsonNode t : targets) {
                shared &= JsonDifference.first(ds, t.get("datasource")) == null;
            }
            if (shared) {
                ((ObjectNode) p).remove("datasource");
            }
        }
    }

    private static void dropDefaults(JsonNode n, Map<String, JsonNode> defaults) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.properties().forEach(e -> {
                JsonNode d = defaults.get(e.getKey());
                if (d != null && JsonDifference.first(d, e.getValue()) == null) {
                    drop.add(e.getKey());
                }
            });
            drop.forEach(o::remove);
            o.forEach(c -> dropDefaults(c, defaults));
        } else if (n instanceof ArrayNode a) {
            a.forEach(c -> dropDefaults(c, defaults));
        }
    }
}
