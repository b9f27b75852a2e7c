package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reads of free-form dashboard JSON, with the same typing Grafana's Go converter applies
 * to a {@code map[string]interface{}}: a field of the wrong JSON type counts as absent.
 */
final class Trees {
    private Trees() {}

    /** The string at {@code key}, or {@code fallback} when absent or not a string. */
    static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n == null ? null : n.get(key);
        return (v != null && v.isTextual()) ? v.asText() : fallback;
    }

    static String text(JsonNode n, String key) {
        return text(n, key, "");
    }

    /** The boolean at {@code key}, or {@code fallback} when absent or not a boolean. */
    static boolean bool(JsonNode n, String key, boolean fallback) {
        JsonNode v = n == null ? null : n.get(key);
        return (v != null && v.isBoolean()) ? v.asBoolean() : fallback;
    }

    /** The integer at {@code key} (a number, or a string of digits as Go's strconv.Atoi reads it). */
    static long integer(JsonNode n, String key, long fallback) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The object at {@code key}, or null. */
    static ObjectNode object(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v instanceof ObjectNode o ? o : null;
    }

    /** The array at {@code key}, or null. */
    static ArrayNode array(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v instanceof ArrayNode a ? a : null;
    }

    /** The objects of the array at {@code key}, skipping anything else (as Grafana does). */
    static List<ObjectNode> objects(JsonNode n, String key) {
        List<ObjectNode> out = new ArrayList<>();
        ArrayNode a = array(n, key);
        if (a != null) {
            for (JsonNode e : a) {
                if (e instanceof ObjectNode o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** The strings of the array at {@code key}; an absent array is empty. */
    static ArrayNode strings(JsonNode n, String key) {
        ArrayNode out = io.vertice.dash.json.Json.array();
        ArrayNode a = array(n, key);
        if (a != null) {
            for (JsonNode e : a) {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }

    /** Copies {@code key} from one object to another when present (any type). */
    static void copy(JsonNode from, String key, ObjectNode to, String as) {
        JsonNode v = from.get(key);
        if (v != null) {
            to.set(as, v.deepCopy());
        }
    }

    /** Copies a string field when it is present and not empty (Go's "only set if non-empty"). */
    static void copyNonEmptyText(JsonNode from, String key, ObjectNode to, String as) {
        String v = text(from, key);
        if (!v.isEmpty()) {
            to.put(as, v);
        }
    }

    /** A classic dashboard's panels, each row followed by the panels collapsed inside it. */
    static List<JsonNode> panelsAndRowChildren(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }
}
