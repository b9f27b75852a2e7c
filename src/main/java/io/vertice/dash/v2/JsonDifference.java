package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * The first place two JSON trees differ, as a path ({@code $.elements.panel-1.spec.title}) and
 * both values. Numbers compare by value ({@code 1} equals {@code 1.0}); object keys in sorted order,
 * so the answer is deterministic.
 */
record JsonDifference(String path, JsonNode expected, JsonNode actual) {

    /** The first difference, or null when the trees are equal. */
    static JsonDifference first(JsonNode expected, JsonNode actual) {
        return first("$", expected, actual);
    }

    private static JsonDifference first(String path, JsonNode e, JsonNode a) {
        if (e == null || a == null || e.isMissingNode() || a.isMissingNode()) {
            boolean bothAbsent = (e == null || e.isMissingNode()) && (a == null || a.isMissingNode());
            return bothAbsent ? null : new JsonDifference(path, e, a);
        }
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0 ? null : new JsonDifference(path, e, a);
        }
        if (e.getNodeType() != a.getNodeType()) {
            return new JsonDifference(path, e, a);
        }
        if (e.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonDifference d = first(path + "." + k, e.get(k), a.get(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isArray()) {
            Iterator<JsonNode> ei = e.elements();
            Iterator<JsonNode> ai = a.elements();
            for (int i = 0; ei.hasNext() || ai.hasNext(); i++) {
                JsonDifference d =
                        first(path + "[" + i + "]", ei.hasNext() ? ei.next() : null, ai.hasNext() ? ai.next() : null);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return e.equals(a) ? null : new JsonDifference(path, e, a);
    }

    /** "path: expected X, got Y", with absent values said as such. */
    String describe() {
        return path + ": expected " + show(expected) + ", got " + show(actual);
    }

    private static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "(absent)";
        }
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
