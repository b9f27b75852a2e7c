package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.Set;

/**
 * Annotation queries between classic {@code annotations.list} and v2 {@code annotations}, by
 * Grafana's rules ({@code buildAnnotationQuery} / {@code convertAnnotationsToV1}): the target
 * becomes the query spec, and every field v2 does not model goes to {@code legacyOptions} (and back
 * to the top level of the classic annotation).
 */
final class Annotations {
    /** Classic fields with a place of their own in v2; everything else is a legacy option. */
    private static final Set<String> MODELLED = Set.of(
            "name", "datasource", "enable", "hide", "iconColor", "filter", "target", "builtIn", "type", "mappings");
    /** Legacy options that never go back to the top level (their v2 home wins). */
    private static final Set<String> NOT_RESTORED = Set.of(
            "name",
            "enable",
            "hide",
            "iconColor",
            "datasource",
            "target",
            "filter",
            "builtIn",
            "placement",
            "mappings");

    private Annotations() {}

    static ArrayNode toV2(JsonNode classicDashboard) {
        ArrayNode out = Json.array();
        for (ObjectNode a : Trees.objects(Trees.object(classicDashboard, "annotations"), "list")) {
            out.add(toV2(a));
        }
        return out;
    }

    private static ObjectNode toV2(ObjectNode a) {
        DataQueries.Ref ds = DataQueries.Ref.of(a.get("datasource"));
        // Grafana names the datasource only when the annotation says both its type and its uid
        DataQueries.Ref queryRef = ds.type().isEmpty() || ds.uid().isEmpty() ? new DataQueries.Ref(ds.type(), "") : ds;
        ObjectNode target = Trees.object(a, "target");
        ObjectNode spec = Json.object();
        spec.set("query", DataQueries.dataQuery(queryRef, target == null ? Json.object() : target.deepCopy()));
        spec.put("enable", Trees.bool(a, "enable", false));
        spec.put("hide", Trees.bool(a, "hide", false));
        spec.put("iconColor", Trees.text(a, "iconColor"));
        spec.put("name", Trees.text(a, "name"));
        JsonNode builtIn = a.get("builtIn");
        if (builtIn != null && (builtIn.isNumber() || builtIn.isBoolean())) {
            spec.put("builtIn", builtIn.isBoolean() ? builtIn.asBoolean() : builtIn.asDouble() != 0);
        }
        ObjectNode filter = Trees.object(a, "filter");
        if (filter != null) {
            ObjectNode f = spec.putObject("filter");
            if (Trees.bool(filter, "exclude", false)) {
                f.put("exclude", true);
            }
            ArrayNode ids = f.putArray("ids");
            ArrayNode in = Trees.array(filter, "ids");
            if (in != null) {
                in.forEach(id -> {
                    if (id.isNumber() && id.asDouble() >= 0 && id.asDouble() <= 0xFFFFFFFFL) {
                        ids.add(id.asLong());
                    }
                });
            }
        }
        ObjectNode mappings = Trees.object(a, "mappings");
        if (mappings != null) {
            spec.set("mappings", mappingsToV2(mappings));
        }
        ObjectNode legacy = Json.object();
        Trees.copyNonEmptyText(a, "type", legacy, "type");
        a.properties().forEach(e -> {
            if (!MODELLED.contains(e.getKey())) {
                legacy.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (!legacy.isEmpty()) {
            spec.set("legacyOptions", legacy);
        }
        ObjectNode kind = Json.object();
        kind.put("kind", "AnnotationQuery");
        kind.set("spec", spec);
        return kind;
    }

    private static ObjectNode mappingsToV2(ObjectNode mappings) {
        ObjectNode out = Json.object();
        mappings.properties().forEach(e -> {
            JsonNode v = e.getValue();
            ObjectNode m = Json.object();
            if (v.isTextual() && !v.asText().isEmpty()) {
                m.put("source", "field");
                m.put("value", v.asText());
            } else if (v.isObject()) {
                m.put("source", Trees.text(v, "source").isEmpty() ? "field" : Trees.text(v, "source"));
                Trees.copyNonEmptyText(v, "value", m, "value");
                Trees.copyNonEmptyText(v, "regex", m, "regex");
            } else {
                return;
            }
            out.set(e.getKey(), m);
        });
        return out;
    }

    static ArrayNode toClassic(JsonNode annotations) {
        ArrayNode out = Json.array();
        if (annotations == null || !annotations.isArray()) {
            return out;
        }
        for (JsonNode kind : annotations) {
            JsonNode spec = kind.path("spec");
            ObjectNode a = out.addObject();
            a.put("name", Trees.text(spec, "name"));
            a.put("enable", Trees.bool(spec, "enable", false));
            a.put("hide", Trees.bool(spec, "hide", false));
            a.put("iconColor", Trees.text(spec, "iconColor"));
            if (Trees.bool(spec, "builtIn", false)) {
                a.put("builtIn", 1);
                a.put("type", "dashboard");
            }
            JsonNode query = spec.get("query");
            ObjectNode ds = DataQueries.classicDatasource(DataQueries.refOf(query));
            if (ds != null) {
                a.set("datasource", ds);
            }
            ObjectNode target = query == null ? null : Trees.object(query, "spec");
            if (target != null && !target.isEmpty()) {
                a.set("target", target.deepCopy());
            }
            ObjectNode filter = Trees.object(spec, "filter");
            if (filter != null) {
                ObjectNode f = Json.object();
                Trees.copy(filter, "exclude", f, "exclude");
                ArrayNode ids = Trees.array(filter, "ids");
                if (ids != null && !ids.isEmpty()) {
                    f.set("ids", ids.deepCopy());
                }
                if (!f.isEmpty()) {
                    a.set("filter", f);
                }
            }
            ObjectNode mappings = Trees.object(spec, "mappings");
            if (mappings != null && !mappings.isEmpty()) {
                ObjectNode m = Json.object();
                mappings.properties().forEach(e -> {
                    String source = Trees.text(e.getValue(), "source", "field");
                    String value = Trees.text(e.getValue(), "value");
                    if (source.equals("skip") || !value.isEmpty()) {
                        ObjectNode c = m.putObject(e.getKey());
                        c.put("source", source);
                        Trees.copyNonEmptyText(e.getValue(), "value", c, "value");
                        Trees.copyNonEmptyText(e.getValue(), "regex", c, "regex");
                    }
                });
                if (!m.isEmpty()) {
                    a.set("mappings", m);
                }
            }
            ObjectNode legacy = Trees.object(spec, "legacyOptions");
            if (legacy != null) {
                legacy.properties().forEach(e -> {
                    if (!NOT_RESTORED.contains(e.getKey())) {
                        a.set(e.getKey(), e.getValue().deepCopy());
                    }
                });
            }
        }
        return out;
    }
}
