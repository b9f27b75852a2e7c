package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Value mappings: show a value as words and a colour. Value, range and special kinds. */
public sealed interface ValueMapping {

    /** Display text and colour for a match. */
    record Result(String text, String color) {
        ObjectNode toJson(int index) {
            ObjectNode n = Json.object();
            if (color != null) {
                n.put("color", color);
            }
            n.put("index", index);
            if (text != null) {
                n.put("text", text);
            }
            return n;
        }
    }

    /** Special values Grafana can match. */
    enum Special {
        NULL("null"),
        NAN("nan"),
        NULL_OR_NAN("null+nan"),
        TRUE("true"),
        FALSE("false"),
        EMPTY("empty");

        private final String json;

        Special(String json) {
            this.json = json;
        }
    }

    /** Exact values to results, e.g. "1" -> Up. */
    record Values(Map<String, Result> results) implements ValueMapping {
        public Values {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }
    }

    /** A closed range [from, to] (null for an open end) to a result. */
    record Range(Double from, Double to, Result result) implements ValueMapping {}

    /** A special value (null, NaN, ...) to a result. */
    record SpecialValue(Special match, Result result) implements ValueMapping {}

    static ValueMapping value(String value, String text, String color) {
        return new Values(Map.of(value, new Result(text, color)));
    }

    static ValueMapping range(Double from, Double to, String text, String color) {
        return new Range(from, to, new Result(text, color));
    }

    static ValueMapping special(Special match, String text, String color) {
        return new SpecialValue(match, new Result(text, color));
    }

    /**
     * Renders with the running {@code index} Grafana stores on each result (its position among all
     * results of the panel), so a saved-back dashboard keeps the same numbers.
     */
    default ObjectNode toJson(int firstIndex) {
        ObjectNode n = Json.object();
        ObjectNode options = n.putObject("options");
        if (this instanceof Values v) {
            n.put("type", "value");
            int i = firstIndex;
            for (Map.Entry<String, Result> e : v.results().entrySet()) {
                options.set(e.getKey(), e.getValue().toJson(i++));
            }
        } else if (this instanceof Range r) {
            n.put("type", "range");
            if (r.from() == null) {
                options.putNull("from");
            } else {
                options.put("from", r.from());
            }
            options.set("result", r.result().toJson(firstIndex));
            if (r.to() == null) {
                options.putNull("to");
            } else {
                options.put("to", r.to());
            }
        } else if (this instanceof SpecialValue s) {
            n.put("type", "special");
            options.put("match", s.match().json);
            options.set("result", s.result().toJson(firstIndex));
        }
        return n;
    }

    /** How many results this mapping holds (for the running index). */
    default int size() {
        return this instanceof Values v ? v.results().size() : 1;
    }
}
