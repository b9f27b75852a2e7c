package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/**
 * Panel transformations in the two v2 shapes: v2beta1 {@code {kind: <id>, spec: {id, options, ...}}}
 * and v2 {@code {kind: "Transformation", group: <id>, spec: {options, ...}}}. {@code disabled},
 * {@code filter} and {@code topic} are carried in both (v2's schema has them; Grafana's v2beta1
 * converter keeps only {@code id} and {@code options}).
 */
final class Transformations {
    private static final List<String> OPTIONAL = List.of("disabled", "filter", "topic");

    private Transformations() {}

    static ArrayNode toV2(ArrayNode transformations, SchemaVersion version) {
        ArrayNode out = Json.array();
        if (transformations == null) {
            return out;
        }
        for (JsonNode t : transformations) {
            if (!t.isObject()) {
                continue;
            }
            String id = Trees.text(t, "id");
            ObjectNode kind = out.addObject();
            ObjectNode spec = Json.object();
            if (version == SchemaVersion.V2) {
                kind.put("kind", "Transformation");
                kind.put("group", id);
            } else {
                kind.put("kind", id);
                spec.put("id", id);
            }
            // v2 requires options; a transformation without any has empty ones, as Grafana's editor writes
            spec.set("options", t.has("options") ? t.get("options").deepCopy() : Json.object());
            for (String k : OPTIONAL) {
                Trees.copy(t, k, spec, k);
            }
            kind.set("spec", spec);
        }
        return out;
    }

    /** Either v2 shape → classic {@code {id, options, ...}}. */
    static ArrayNode toClassic(ArrayNode transformations) {
        ArrayNode out = Json.array();
        if (transformations == null) {
            return out;
        }
        for (JsonNode kind : transformations) {
            JsonNode spec = kind.path("spec");
            String id = Trees.text(kind, "kind").equals("Transformation")
                    ? Trees.text(kind, "group")
                    : Trees.text(spec, "id", Trees.text(kind, "kind"));
            ObjectNode t = out.addObject();
            t.put("id", id);
            t.set("options", spec.has("options") ? spec.get("options").deepCopy() : Json.object());
            for (String k : OPTIONAL) {
                Trees.copy(spec, k, t, k);
            }
        }
        return out;
    }
}
