package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a classic dashboard survives classic → v2 → classic: what does not come back has no v2
 * form and would be dropped silently by the conversion. Only differences Grafana itself treats as
 * "the same dashboard" are accepted: fields v2 moves out of the spec ({@code uid}, {@code id},
 * {@code version}, {@code schemaVersion}), row ids (v2 rows have none), and defaults that Grafana
 * writes on one side and not the other (listed in {@link #normalise}).
 */
public final class ConversionLoss {
    private static final Pattern PANEL = Pattern.compile("^\\$\\.panels\\[(\\d+)](?:\\.panels\\[(\\d+)])?");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\.templating\\.list\\[(\\d+)]");

    /**
     * v2 fields where absent and default mean the same, and Grafana's converters differ on writing
     * them (the list of {@code ../shared/grafana-v2/conversion/README.md}, plus the schema's
     * {@code editable: true}).
     */
    private static final Map<String, Object> V2_DEFAULTS = Map.ofEntries(
            Map.entry("description", ""), Map.entry("links", List.of()), Map.entry("transformations", List.of()),
            Map.entry("queryOptions", Map.of()), Map.entry("hidden", false), Map.entry("version", ""),
            Map.entry("overrides", List.of()), Map.entry("tags", List.of()), Map.entry("liveNow", false),
            Map.entry("preload", false), Map.entry("hideTimepicker", false), Map.entry("fiscalYearStartMonth", 0),
            Map.entry("timezone", ""), Map.entry("weekStart", ""), Map.entry("editable", true));

    private ConversionLoss() {
    }

    /**
     * The first construct of a v2 spec that classic cannot hold (a tabs or auto grid layout,
     * conditional rendering, per-row variables...), as a sentence; empty when v2 → classic → v2
     * gives it back.
     */
    public static Optional<String> ofV2(ObjectNode v2spec, SchemaVersion version) {
        ObjectNode back = DashboardConversion.toV2(DashboardConversion.toClassic(v2spec), version);
        JsonDifference d = JsonDifference.first(normaliseV2(v2spec), normaliseV2(back));
        if (d == null) {
            return Optional.empty();
        }
        String value = d.expected() == null || d.expected().isMissingNode() ? "" : " (" + shortly(d.expected()) + ")";
        return Optional.of("field '" + d.path().substring(2) + "'" + value + " has no classic form, so the conversion would "
                + (value.isEmpty() ? "add it" : "drop or change it"));
    }

    /** A v2 spec minus what Grafana's converters write or leave out at will. */
    static JsonNode normaliseV2(JsonNode spec) {
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
            if (spec2.path("builtIn").asBoolean(false) && spec2.path("legacyOptions").isObject()) {
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
            o.fields().forEachRemaining(e -> {
                Object d = V2_DEFAULTS.get(e.getKey());
                if (d != null && JsonDifference.first(Json.MAPPER.valueToTree(d), e.getValue()) == null) {
                    drop.add(e.getKey());
                }
            });
            drop.forEach(o::remove);
            o.forEach(ConversionLoss::dropV2Defaults);
        } else if (n instanceof ArrayNode a) {
            a.forEach(ConversionLoss::dropV2Defaults);
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
            n.forEach(ConversionLoss::baseThresholdSteps);
        }
    }

    /** The first construct of {@code classic} that has no v2 form, as a sentence; empty when there is none. */
    public static Optional<String> of(ObjectNode classic) {
        ObjectNode back = DashboardConversion.toClassic(DashboardConversion.toV2(classic));
        List<String> kept = Trees.objects(Trees.object(back, "templating"), "list").stream()
                .map(v -> Trees.text(v, "name")).toList();
        for (ObjectNode v : Trees.objects(Trees.object(classic, "templating"), "list")) {
            if (!kept.contains(Trees.text(v, "name"))) {
                return Optional.of("variable '" + Trees.text(v, "name") + "' of type '" + Trees.text(v, "type")
                        + "' has no v2 form, so the conversion would drop it");
            }
        }
        JsonDifference d = JsonDifference.first(normalise(classic), normalise(back));
        if (d == null) {
            return Optional.empty();
        }
        String value = d.expected() == null || d.expected().isMissingNode() ? "" : " (" + shortly(d.expected()) + ")";
        return Optional.of(where(classic, d.path()) + value + " has no v2 form, so the conversion would "
                + (value.isEmpty() ? "add it" : "drop it"));
    }

    private static String shortly(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Throws one sentence (exit 2) naming the first construct of dashboard {@code uid} with no v2 form. */
    public static void requireNone(String uid, ObjectNode classic) {
        of(classic).ifPresent(loss -> {
            throw DashException.input("dashboard '" + uid + "': " + loss
                    + "; change the dashboard or export it with --schema classic.");
        });
    }

    /** A path said the way a user finds it: the panel's or variable's title and the field. */
    private static String where(JsonNode classic, String path) {
        Matcher panel = PANEL.matcher(path);
        if (panel.find()) {
            JsonNode p = classic.path("panels").path(Integer.parseInt(panel.group(1)));
            if (panel.group(2) != null) {
                p = p.path("panels").path(Integer.parseInt(panel.group(2)));
            }
            return "panel '" + p.path("title").asText() + "' " + field(path.substring(panel.end()));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.find()) {
            JsonNode v = classic.path("templating").path("list").path(Integer.parseInt(variable.group(1)));
            return "variable '" + v.path("name").asText() + "' " + field(path.substring(variable.end()));
        }
        return field(path.substring(1));
    }

    private static String field(String rest) {
        return rest.isEmpty() ? "itself" : "field '" + rest.substring(rest.startsWith(".") ? 1 : 0) + "'";
    }

    /** Both sides, minus what classic ↔ v2 legitimately does not keep. */
    static JsonNode normalise(JsonNode dashboard) {
        ObjectNode d = (ObjectNode) dashboard.deepCopy();
        for (String k : List.of("uid", "id", "version", "schemaVersion", "iteration")) {
            d.remove(k);
        }
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
            for (String k : List.of("links", "targets")) {
                ArrayNode a = Trees.array(panel, k);
                if (a != null && a.isEmpty()) {
                    panel.remove(k);
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

    private static void dropIf(ObjectNode o, String key, Object value) {
        JsonNode v = o.get(key);
        if (v != null && JsonDifference.first(Json.MAPPER.valueToTree(value), v) == null) {
            o.remove(key);
        }
    }
}
