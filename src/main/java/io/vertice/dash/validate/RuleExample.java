package io.vertice.dash.validate;

import io.vertice.dash.json.Json;

/**
 * One example of {@link RuleInfo}, as a value: a query ({@code expr}, optional legend and unit) or the JSON
 * of some panels. {@link #dashboard()} is the whole dashboard the example stands for.
 */
public record RuleExample(String expr, String legend, String unit, String panels, String note) {

    static RuleExample of(RuleInfo.Example e) {
        return new RuleExample(
                blankToNull(e.expr()),
                blankToNull(e.legend()),
                blankToNull(e.unit()),
                blankToNull(e.panels()),
                blankToNull(e.note()));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    /** The panels of the example's dashboard: the given ones, or one timeseries panel holding the query. */
    public String panelsJson() {
        if (panels != null) {
            return panels.strip();
        }
        StringBuilder p = new StringBuilder(
                        "{\"id\": 1, \"type\": \"timeseries\", \"title\": \"Example\", \"description\": \"d\",\n")
                .append(" \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"},\n")
                .append(" \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 8},\n");
        if (unit != null) {
            p.append(" \"fieldConfig\": {\"defaults\": {\"unit\": ")
                    .append(quoted(unit))
                    .append("}},\n");
        }
        p.append(" \"targets\": [{\"refId\": \"A\", \"expr\": ").append(quoted(expr));
        if (legend != null) {
            p.append(", \"legendFormat\": ").append(quoted(legend));
        }
        return p.append("}]}").toString();
    }

    /** The whole dashboard: the cockpit's three variables and the example's panels. */
    public String dashboard() {
        return dashboard("Example", "example", panelsJson());
    }

    /**
     * A dashboard with the cockpit's variables, {@code datasource}, {@code environment} (one value) and
     * {@code service} (multi-value with All), and these panels (a JSON array's content).
     */
    public static String dashboard(String title, String uid, String panels) {
        return """
                {"title": "%s", "uid": "%s",
                 "templating": {"list": [
                   {"name": "datasource", "type": "datasource", "query": "prometheus", "current": {"text": "Prometheus", "value": "prom"}},
                   {"name": "environment", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                    "query": "label_values(maximus_arousal_level, environment)", "current": {"text": "prod", "value": "prod"}},
                   {"name": "service", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"}, "multi": true, "includeAll": true,
                    "query": "label_values(maximus_arousal_level{environment=\\"$environment\\"}, service_name)", "current": {"text": ["All"], "value": ["$__all"]}}
                 ]},
                 "panels": [%s]}
                """
                .formatted(title, uid, panels);
    }

    private static String quoted(String s) {
        return Json.MAPPER.valueToTree(s).toString();
    }
}
