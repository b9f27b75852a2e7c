package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/**
 * The one datasource reference grammar of each schema: classic {@code {type, uid}} and v2's
 * {@code DataQuery} ({@code group} = datasource type, {@code datasource.name} = uid, {@code version}
 * {@code "v0"}), plus the {@code __legacyStringValue} wrapper for string queries.
 */
final class DataQueries {
    /** Where a classic string query lives in a v2 {@code DataQuery} spec. */
    static final String LEGACY_STRING_VALUE = "__legacyStringValue";

    private DataQueries() {}

    /** A classic datasource reference, read leniently: a missing or non-object one is empty. */
    record Ref(String type, String uid) {
        static Ref of(JsonNode datasource) {
            if (datasource == null || !datasource.isObject()) {
                return new Ref("", "");
            }
            return new Ref(Trees.text(datasource, "type"), Trees.text(datasource, "uid"));
        }

        boolean isEmpty() {
            return type.isEmpty() && uid.isEmpty();
        }

        /** The classic {@code {type, uid}} object, without empty members. */
        ObjectNode toClassic() {
            ObjectNode o = Json.object();
            if (!type.isEmpty()) {
                o.put("type", type);
            }
            if (!uid.isEmpty()) {
                o.put("uid", uid);
            }
            return o;
        }
    }

    /** A v2 {@code DataQuery}: {@code group} is the datasource type, {@code datasource.name} its uid. */
    static ObjectNode dataQuery(Ref ds, ObjectNode spec) {
        ObjectNode q = Json.object();
        q.put("kind", "DataQuery");
        q.put("group", ds.type());
        q.put("version", "v0");
        if (!ds.uid().isEmpty()) {
            q.putObject("datasource").put("name", ds.uid());
        }
        q.set("spec", spec);
        return q;
    }

    /** The datasource a v2 {@code DataQuery} (or a kind with {@code group}/{@code datasource}) names. */
    static Ref refOf(JsonNode kindWithGroup) {
        if (kindWithGroup == null) {
            return new Ref("", "");
        }
        return new Ref(Trees.text(kindWithGroup, "group"), Trees.text(kindWithGroup.path("datasource"), "name"));
    }

    /** A classic query value (string or object) as a v2 spec: strings go under {@link #LEGACY_STRING_VALUE}. */
    static ObjectNode specOfQuery(JsonNode query) {
        ObjectNode spec = Json.object();
        if (query != null && query.isTextual()) {
            if (!query.asText().isEmpty()) {
                spec.put(LEGACY_STRING_VALUE, query.asText());
            }
        } else if (query instanceof ObjectNode o) {
            spec.setAll(o.deepCopy());
        }
        return spec;
    }

    /** The classic query value of a v2 spec: the legacy string when it holds one, else the object. */
    static JsonNode queryOfSpec(JsonNode spec) {
        JsonNode legacy = spec == null ? null : spec.get(LEGACY_STRING_VALUE);
        if (legacy != null && legacy.isTextual()) {
            return legacy.deepCopy();
        }
        return spec instanceof ObjectNode o ? o.deepCopy() : Json.object();
    }

    /**
     * The classic datasource of a v2 query, as Grafana writes it back: {@code {uid, type}} when the
     * uid is known, {@code {type}} when only the type is, none otherwise.
     */
    static ObjectNode classicDatasource(Ref ref) {
        if (!ref.uid().isEmpty()) {
            ObjectNode o = Json.object();
            if (!ref.type().isEmpty()) {
                o.put("type", ref.type());
            }
            o.put("uid", ref.uid());
            return o;
        }
        if (!ref.type().isEmpty()) {
            ObjectNode o = Json.object();
            o.put("type", ref.type());
            return o;
        }
        return null;
    }

    /** A template-variable uid such as {@code ${datasource}}: never resolved to a type. */
    static boolean isVariable(String uid) {
        return uid.startsWith("$");
    }
}
