package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Grafana treats as "the same dashboard" in each schema: a tree minus the fields that move
 * out of the spec ({@code uid}, {@code id}, {@code version}, {@code schemaVersion}), row ids (v2
 * rows have none), and defaults that Grafana's converters write on one side and not the other.
 * Two trees are equivalent when their normal forms are equal.
 */
final class Equivalence {
    /**
     * v2 fields where absent and default mean the same, and Grafana's converters differ on writing
     * them (the list of {@code ../shared/grafana-v2/conversion/README.md}, plus the schema's
     * {@code editable: true}).
     */
    static final Map<String, Object> V2_DEFAULTS = Map.ofEntries(
            Map.entry("description", ""),
            Map.entry("links", List.of()),
            Map.entry("transformations", List.of()),
            Map.entry("queryOptions", Map.of()),
            Map.entry("hidden", false),
            Map.entry("version", ""),
            Map.entry("overrides", List.of()),
            Map.entry("tags", List.of()),
            Map.entry("liveNow", false),
            Map.entry("preload", false),
            Map.entry("hideTimepicker", false),
            Map.entry("fiscalYearStartMonth", 0),
            Map.entry("timezone", ""),
            Map.entry("weekStart", ""),
            Map.entry("editable", true));

    private Equivalence() {}

    /** A v2 spec minus what Grafana's converters write or leave out at will. */
    static JsonNode v2(JsonNode spec) {
        JsonNode n = spec.deepCopy();
        dropV2Defaults(n);
        for (JsonNode e : n.path("elements")) {
            JsonNode fc = e.path("spec").path("vizConfig").path("spec").path("fieldConfig");
            if (fc.path("defaults").isObject() && fc.path("defaults").isEmpty()) {
                ((ObjectNode) fc).remove("defaults");
            }
        }
        for (JsonNode a : n.path("annotations")) {
            // classic has "type": "dashboard" on a built-in annotation; v2 may or may not keep it
            JsonNode spec2 = a.path("spec");
            if (spec2.path("builtIn").asBoolean(false)
                    && spec2.path("legacyOptions").isObject()) {
                ObjectNode legacy = (ObjectNode) spec2.get("legacyOptions");
                dropIf(legacy, "type", "dashboard");
                if (legacy.isEmpty()) {
                    ((ObjectNode) spec2).remove("legacyOptions");
                }
            }
        }
        baseThresholdSteps(n);
        return n;
    }

    private static void dropV2Defaults(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.properties().forEach(e -> {
                Object d = V2_DEFAULTS.get(e.getKey());
                if (d != null && JsonDifference.first(Json.MAPPER.valueToTree(d), e.getValue()) == null) {
                    drop.add(e.getKey());
                }
            });
            drop.forEach(o::remove);
            o.forEach(Equivalence::dropV2Defaults);
        } else if (n instanceof ArrayNode a) {
            a.forEach(Equivalence::dropV2Defaults);
        }
    }

    /** A threshold step without {@code value} equals {@code "value": null} (the base step). */
    static void baseThresholdSteps(JsonNode n) {
        if (n.isObject()) {
            for (JsonNode s : n.path("thresholds").path("steps")) {
                if (s instanceof ObjectNode step && !step.has("value")) {
                    step.putNull("value");
                }
            }
        }
        if (n.isContainerNode()) {
            n.forEach(Equivalence::baseThresholdSteps);
        }
    }

    /** Both sides, minus what classic ↔ v2 legitimately does not keep. */
    static JsonNode classic(JsonNode dashboard) {
        ObjectNode d = (ObjectNode) dashboard.deepCopy();
        // the resource's metadata, and grafana.com's import-time metadata, which Grafana consumes on import
        for (String k : List.of(
                "uid",
                "id",
                "version",
                "schemaVersion",
                "iteration",
                "gnetId",
                "__inputs",
                "__requires",
                "__elements")) {
            d.remove(k);
        }
        dropIf(d, "graphTooltip", 0);
        ObjectNode annotations = Trees.object(d, "annotations");
        if (annotations != null && Trees.objects(annotations, "list").isEmpty()) {
            d.remove("annotations");
        }
        for (ObjectNode link : Trees.objects(d, "links")) {
            for (String flag : List.of("asDropdown", "targetBlank", "includeVars", "keepTime")) {
                dropIf(link, flag, false);
            }
            dropIf(link, "tooltip", "");
            dropIf(link, "icon", "");
            dropIf(link, "title", "");
            dropIf(link, "tags", List.of());
        }
        baseThresholdSteps(d);
        dropIf(d, "preload", false);
        dropIf(d, "editable", true);
        dropIf(d, "liveNow", false);
        dropIf(d, "weekStart", "");
        dropIf(d, "fiscalYearStartMonth", 0);
        dropIf(d, "description", "");
        ObjectNode picker = Trees.object(d, "timepicker");
        if (picker != null) {
            ArrayNode defaults = Json.array();
            ClassicToV2.DEFAULT_REFRESH_INTERVALS.forEach(defaults::add);
            if (JsonDifference.first(defaults, picker.get("refresh_intervals")) == null) {
                picker.remove("refresh_intervals");
            }
            if (picker.isEmpty()) {
                d.remove("timepicker");
            }
        }
        for (String k : List.of("tags", "links", "panels")) {
            ArrayNode a = Trees.array(d, k);
            if (a != null && a.isEmpty()) {
                d.remove(k);
            }
        }
        for (JsonNode p : Trees.panelsAndRowChildren(d)) {
            ObjectNode panel = (ObjectNode) p;
            if ("row".equals(Trees.text(panel, "type"))) {
                panel.remove("id");
                ArrayNode children = Trees.array(panel, "panels");
                if (children != null && children.isEmpty()) {
                    panel.remove("panels");
                }
                continue;
            }
            dropIf(panel, "pluginVersion", "");
            dropIf(panel, "description", "");
            dropIf(panel, "title", "");
            inheritDatasource(panel);
            for (ObjectNode t : Trees.objects(panel, "targets")) {
                dropIf(t, "hide", false);
            }
            for (String k : List.of("links", "targets")) {
                ArrayNode a = Trees.array(panel, k);
                if (a != null && a.isEmpty()) {
                    panel.remove(k);
                }
            }
            for (ObjectNode t : Trees.objects(panel, "transformations")) {
                if (!t.has("options")) {
                    t.putObject("options");
                }
            }
            ObjectNode legend = Trees.object(Trees.object(panel, "options"), "legend");
            if (legend != null) {
                // Grafana's converter writes the frontend's default into every legend
                dropIf(legend, "showLegend", true);
            }
            ObjectNode fieldConfig = Trees.object(panel, "fieldConfig");
            if (fieldConfig != null) {
                ArrayNode overrides = Trees.array(fieldConfig, "overrides");
                if (overrides != null && overrides.isEmpty()) {
                    fieldConfig.remove("overrides");
                }
                ObjectNode defaults = Trees.object(fieldConfig, "defaults");
                if (defaults != null) {
                    ArrayNode mappings = Trees.array(defaults, "mappings");
                    if (mappings != null && mappings.isEmpty()) {
                        defaults.remove("mappings");
                    }
                    ObjectNode thresholds = Trees.object(defaults, "thresholds");
                    if (thresholds != null && Trees.text(thresholds, "mode").isEmpty()) {
                        thresholds.put("mode", FieldConfigs.ABSOLUTE);
                    }
                    dropIf(defaults, "links", List.of());
                    ObjectNode custom = Trees.object(defaults, "custom");
                    if (custom != null && custom.isEmpty()) {
                        defaults.remove("custom");
                    }
                    if (defaults.isEmpty()) {
                        fieldConfig.remove("defaults");
                    }
                }
                if (fieldConfig.isEmpty()) {
                    panel.remove("fieldConfig");
                }
            }
        }
        for (ObjectNode v : Trees.objects(Trees.object(d, "templating"), "list")) {
            // Grafana's default; v2 always writes it
            dropIf(v, "allowCustomValue", true);
        }
        return d;
    }

    /**
     * A query without a datasource uses its panel's, and v2 writes that down on the query; the
     * panel's own datasource then only repeats what its queries say (or, without queries, says
     * nothing), so it is left out of the comparison.
     */
    private static void inheritDatasource(ObjectNode panel) {
        JsonNode ds = panel.get("datasource");
        if (ds == null || !ds.isObject()) {
            return;
        }
        List<ObjectNode> targets = Trees.objects(panel, "targets");
        boolean shared = true;
        for (ObjectNode t : targets) {
            JsonNode own = t.get("datasource");
            if (own == null || (own.isObject() && DataQueries.Ref.of(own).isEmpty())) {
                t.set("datasource", ds.deepCopy());
            }
            shared &= JsonDifference.first(ds, t.get("datasource")) == null;
        }
        if (shared || "-- Mixed --".equals(Trees.text(ds, "uid"))) {
            panel.remove("datasource");
        }
    }

    private static void dropIf(ObjectNode o, String key, Object value) {
        JsonNode v = o.get(key);
        if (v != null && JsonDifference.first(Json.MAPPER.valueToTree(value), v) == null) {
            o.remove(key);
        }
    }
}
