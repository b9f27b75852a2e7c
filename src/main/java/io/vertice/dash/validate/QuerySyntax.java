package io.vertice.dash.validate;

import io.vertice.dash.promql.Dialect;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.PromqlException;
import io.vertice.dash.promql.VariableUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one query text the way Grafana and Prometheus will see it. First as written, each variable standing
 * for a value of the type its position needs. When that fails and the query uses variables whose values are
 * known (custom and constant variables, and every variable's current value), a variable may stand for a piece
 * of PromQL ({@code up $op on (job) up} with {@code $op} in {@code or, unless}): the query is then parsed once
 * per combination of those values, and is wrong only when some value really breaks it.
 */
final class QuerySyntax {
    /** More combinations than this are not tried; the written form's verdict stands. */
    private static final int MAX_COMBINATIONS = 64;

    /** The outcome: a parse (null when only substituted forms parse, or on error) and the error, if any. */
    record Result(ParsedQuery parsed, SyntaxError error) {}

    private QuerySyntax() {}

    static Result parse(String expr, Map<String, VariableView> variables, Dialect dialect) {
        PromqlException written;
        try {
            return new Result(PromQL.parseGrafana(expr, dialect), null);
        } catch (PromqlException e) {
            written = e;
        }
        SyntaxError asWritten = new SyntaxError(written.message(), written.line(), written.column());
        Map<String, List<String>> values = knownValues(expr, variables);
        if (values.isEmpty()) {
            return new Result(null, asWritten);
        }
        List<Map<String, String>> combinations = combinations(values);
        if (combinations.isEmpty()) {
            return new Result(null, asWritten);
        }
        List<String> broken = new ArrayList<>();
        String firstMessage = null;
        for (Map<String, String> combination : combinations) {
            try {
                PromQL.parseGrafana(substitute(expr, combination), dialect);
            } catch (PromqlException e) {
                broken.add(describe(combination));
                if (firstMessage == null) {
                    firstMessage = e.message();
                }
            }
        }
        if (broken.isEmpty()) {
            return new Result(null, null); // every value Grafana can send gives valid PromQL
        }
        if (broken.size() == combinations.size()) {
            return new Result(null, asWritten);
        }
        return new Result(
                null,
                new SyntaxError(
                        "with " + broken.get(0) + " the query Grafana sends does not parse: " + firstMessage
                                + (broken.size() > 1 ? " (" + (broken.size() - 1) + " more values break it too)" : ""),
                        null,
                        null));
    }

    /** The known values of each variable the text uses, in order of first use; variables without any are left out. */
    private static Map<String, List<String>> knownValues(String expr, Map<String, VariableView> variables) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (VariableUse use : GrafanaVariables.find(expr)) {
            VariableView v = variables.get(use.name());
            if (v != null && !out.containsKey(use.name())) {
                List<String> known = v.knownValues();
                if (!known.isEmpty()) {
                    out.put(use.name(), known);
                }
            }
        }
        return out;
    }

    private static List<Map<String, String>> combinations(Map<String, List<String>> values) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : e.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(partial);
                    c.put(e.getKey(), value);
                    next.add(c);
                }
            }
            if (next.size() > MAX_COMBINATIONS) {
                return List.of();
            }
            out = next;
        }
        return out;
    }

    /** The text with every use of the given variables replaced by their values, the rest left for the parser. */
    private static String substitute(String expr, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (VariableUse use : GrafanaVariables.find(expr)) {
            String value = values.get(use.name());
            if (value != null) {
                b.append(expr, at, use.start()).append(value);
                at = use.end();
            }
        }
        return b.append(expr.substring(at)).toString();
    }

    private static String describe(Map<String, String> combination) {
        List<String> parts = new ArrayList<>();
        combination.forEach((name, value) -> parts.add("$" + name + " = \"" + value + "\""));
        return String.join(", ", parts);
    }
}
