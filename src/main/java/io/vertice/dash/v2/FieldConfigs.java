package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/**
 * A panel's {@code fieldConfig} between classic (free-form) and v2 (typed {@code FieldConfig}).
 * v2 keeps only the typed fields, as Grafana's converter does
 * ({@code extractFieldConfigDefaults} / {@code convertFieldConfigDefaultsToV1}); anything else in
 * {@code defaults} has no v2 form.
 */
final class FieldConfigs {
    /** The typed fields of {@code FieldConfig} that are copied as they are. */
    static final List<String> NUMBERS = List.of("decimals", "max", "min");

    static final List<String> STRINGS =
            List.of("description", "displayName", "displayNameFromDS", "noValue", "path", "unit");
    static final List<String> BOOLEANS = List.of("filterable", "writeable");

    /** The threshold mode Grafana assumes when none is given. */
    static final String ABSOLUTE = "absolute";

    private FieldConfigs() {}

    /** classic {@code fieldConfig} (may be null) → v2 {@code FieldConfigSource}. */
    static ObjectNode toV2(ObjectNode fieldConfig) {
        ObjectNode out = Json.object();
        ObjectNode defaults = out.putObject("defaults");
        ObjectNode in = Trees.object(fieldConfig, "defaults");
        if (in != null) {
            ObjectNode color = Trees.object(in, "color");
            if (color != null) {
                ObjectNode c = defaults.putObject("color");
                c.put("mode", Trees.text(color, "mode"));
                copyIfText(color, "fixedColor", c);
                copyIfText(color, "seriesBy", c);
            }
            ObjectNode custom = Trees.object(in, "custom");
            if (custom != null && !custom.isEmpty()) {
                defaults.set("custom", custom.deepCopy());
            }
            for (String k : NUMBERS) {
                JsonNode v = in.get(k);
                if (v != null && v.isNumber()) {
                    defaults.set(k, v.deepCopy());
                }
            }
            for (String k : STRINGS) {
                copyIfText(in, k, defaults);
            }
            for (String k : BOOLEANS) {
                JsonNode v = in.get(k);
                if (v != null && v.isBoolean()) {
                    defaults.set(k, v.deepCopy());
                }
            }
            ArrayNode links = Trees.array(in, "links");
            if (links != null && !links.isEmpty()) {
                defaults.set("links", links.deepCopy());
            }
            ArrayNode mappings = mappingsToV2(Trees.array(in, "mappings"));
            if (!mappings.isEmpty()) {
                defaults.set("mappings", mappings);
            }
            ObjectNode thresholds = Trees.object(in, "thresholds");
            if (thresholds != null) {
                defaults.set("thresholds", thresholds(thresholds));
            }
        }
        ArrayNode overrides = out.putArray("overrides");
        for (ObjectNode o : Trees.objects(fieldConfig, "overrides")) {
            ObjectNode v2 = overrides.addObject();
            copyIfText(o, "__systemRef", v2);
            ObjectNode matcher = Trees.object(o, "matcher");
            if (matcher != null) {
                ObjectNode m = v2.putObject("matcher");
                m.put("id", Trees.text(matcher, "id"));
                Trees.copy(matcher, "options", m, "options");
            } else {
                v2.putObject("matcher").put("id", "");
            }
            ArrayNode props = v2.putArray("properties");
            for (ObjectNode p : Trees.objects(o, "properties")) {
                ObjectNode prop = props.addObject();
                prop.put("id", Trees.text(p, "id"));
                prop.set("value", p.has("value") ? p.get("value").deepCopy() : NullNode.getInstance());
            }
        }
        return out;
    }

    /**
     * Thresholds read the same both ways; a step without value (or null) is the base step, and a
     * missing mode is {@code absolute}, as Grafana reads it (its converter copies {@code ""}, which
     * the v2 schema's enum rejects).
     */
    private static ObjectNode thresholds(JsonNode thresholds) {
        ObjectNode t = Json.object();
        t.put("mode", Trees.text(thresholds, "mode").isEmpty() ? ABSOLUTE : Trees.text(thresholds, "mode"));
        ArrayNode steps = t.putArray("steps");
        for (ObjectNode s : Trees.objects(thresholds, "steps")) {
            ObjectNode step = steps.addObject();
            JsonNode v = s.get("value");
            step.set("value", v != null && v.isNumber() ? v.deepCopy() : NullNode.getInstance());
            step.put("color", Trees.text(s, "color"));
        }
        return t;
    }

    private static ArrayNode mappingsToV2(ArrayNode mappings) {
        ArrayNode out = Json.array();
        if (mappings == null) {
            return out;
        }
        for (JsonNode m : mappings) {
            String type = Trees.text(m, "type", null);
            ObjectNode options = Trees.object(m, "options");
            if (type == null) {
                continue;
            }
            ObjectNode v2 = Json.object();
            v2.put("type", type);
            switch (type) {
                case "value" -> {
                    ObjectNode opts = v2.putObject("options");
                    if (options != null) {
                        options.properties().forEach(e -> {
                            if (e.getValue().isObject()) {
                                opts.set(e.getKey(), result(e.getValue()));
                            }
                        });
                    }
                }
                case "range" -> {
                    if (options == null
                            || options.isEmpty()
                            || (isNullish(options.get("from")) && isNullish(options.get("to")))) {
                        continue;
                    }
                    ObjectNode opts = v2.putObject("options");
                    numberOrNull(options, "from", opts);
                    numberOrNull(options, "to", opts);
                    opts.set("result", result(options.path("result")));
                }
                case "regex" -> {
                    if (options == null) {
                        continue;
                    }
                    ObjectNode opts = v2.putObject("options");
                    opts.put("pattern", Trees.text(options, "pattern"));
                    opts.set("result", result(options.path("result")));
                }
                case "special" -> {
                    if (options == null || options.isEmpty()) {
                        continue;
                    }
                    ObjectNode opts = v2.putObject("options");
                    opts.put("match", Trees.text(options, "match"));
                    opts.set("result", result(options.path("result")));
                }
                default -> {
                    continue;
                }
            }
            out.add(v2);
        }
        return out;
    }

    private static boolean isNullish(JsonNode n) {
        return n == null || n.isNull();
    }

    private static void numberOrNull(ObjectNode from, String key, ObjectNode to) {
        JsonNode v = from.get(key);
        if (v != null && v.isNumber()) {
            to.set(key, v.deepCopy());
        }
    }

    private static ObjectNode result(JsonNode r) {
        ObjectNode out = Json.object();
        for (String k : List.of("text", "color", "icon")) {
            copyIfText(r, k, out);
        }
        JsonNode index = r.get("index");
        if (index != null && index.isNumber()) {
            out.put("index", index.asInt());
        }
        return out;
    }

    private static void copyIfText(JsonNode from, String key, ObjectNode to) {
        JsonNode v = from.get(key);
        if (v != null && v.isTextual()) {
            to.put(key, v.asText());
        }
    }

    /** v2 {@code FieldConfigSource} → classic {@code fieldConfig}, or null when there is nothing. */
    static ObjectNode toClassic(JsonNode source) {
        if (source == null || !source.isObject()) {
            return null;
        }
        ObjectNode out = Json.object();
        JsonNode defaults = source.get("defaults");
        if (defaults != null && defaults.isObject() && !defaults.isEmpty()) {
            ObjectNode d = Json.object();
            defaults.properties().forEach(e -> {
                switch (e.getKey()) {
                    case "thresholds" -> d.set("thresholds", thresholds(e.getValue()));
                    default -> d.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            out.set("defaults", d);
        }
        ArrayNode overrides = Trees.array(source, "overrides");
        if (overrides != null && !overrides.isEmpty()) {
            ArrayNode o = out.putArray("overrides");
            for (JsonNode override : overrides) {
                ObjectNode c = o.addObject();
                copyIfText(override, "__systemRef", c);
                ObjectNode matcher = c.putObject("matcher");
                matcher.put("id", Trees.text(override.path("matcher"), "id"));
                Trees.copy(override.path("matcher"), "options", matcher, "options");
                ArrayNode props = c.putArray("properties");
                for (ObjectNode p : Trees.objects(override, "properties")) {
                    ObjectNode prop = props.addObject();
                    prop.put("id", Trees.text(p, "id"));
                    prop.set("value", p.has("value") ? p.get("value").deepCopy() : NullNode.getInstance());
                }
            }
        }
        return out.isEmpty() ? null : out;
    }
}
