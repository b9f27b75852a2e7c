package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/**
 * A Prometheus query of a panel. Build with {@link #of(String)} and the withers; the panel assigns
 * the refId (A, B, C...) in the order queries are added.
 */
public record Query(
        String refId, String expr, String legend, Format format, boolean instant, String interval, boolean exemplar) {

    /** Result shape Grafana asks Prometheus for. */
    public enum Format {
        TIME_SERIES("time_series"),
        TABLE("table"),
        HEATMAP("heatmap");

        private final String json;

        Format(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** A range query in time-series format, no legend. */
    public static Query of(String expr) {
        return new Query(null, expr, null, Format.TIME_SERIES, false, null, false);
    }

    public Query legend(String legendFormat) {
        return new Query(refId, expr, legendFormat, format, instant, interval, exemplar);
    }

    /** Evaluated once at the end of the range (stat, gauge, table, pie panels). */
    public Query asInstant() {
        return new Query(refId, expr, legend, format, true, interval, exemplar);
    }

    public Query format(Format f) {
        return new Query(refId, expr, legend, f, instant, interval, exemplar);
    }

    /** Minimum step, e.g. "1m". */
    public Query interval(String minInterval) {
        return new Query(refId, expr, legend, format, instant, minInterval, exemplar);
    }

    Query withRefId(String id) {
        return new Query(id, expr, legend, format, instant, interval, exemplar);
    }

    /** The n-th refId Grafana would assign: A..Z, then AA, AB... */
    static String refIdFor(int index) {
        StringBuilder b = new StringBuilder();
        int i = index;
        do {
            b.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return b.toString();
    }

    /** As Grafana's Prometheus query editor saves a target in code mode. */
    public ObjectNode toJson(DatasourceRef datasource) {
        ObjectNode n = Json.object();
        n.set("datasource", datasource.toJson());
        n.put("editorMode", "code");
        n.put("exemplar", exemplar);
        n.put("expr", expr);
        n.put("format", format.json);
        n.put("instant", instant);
        if (interval != null) {
            n.put("interval", interval);
        }
        n.put("legendFormat", legend == null ? "__auto" : legend);
        n.put("range", !instant);
        n.put("refId", refId);
        return n;
    }
}
