package io.vertice.dash.validate;

import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.promql.Dialect;
import java.util.Map;

/**
 * Which {@link Dialect} a query of a Prometheus-type datasource is written in: PromQL, or MetricsQL
 * (VictoriaMetrics, a superset of PromQL). {@link #of} is the one place that decides it.
 */
final class QueryDialect {
    private QueryDialect() {}

    /**
     * The dialect of a query sent to {@code datasource}: first what {@code .dash.yaml} says for the datasource's
     * uid or name (through a datasource variable, its current value and text); then what the dashboard says about
     * itself: a VictoriaMetrics datasource plugin anywhere in it, or VictoriaMetrics named by its tags or title
     * (the dashboards VictoriaMetrics publishes use the Prometheus plugin against a VictoriaMetrics server);
     * PromQL otherwise.
     */
    static Dialect of(DashboardView dashboard, DatasourceRef datasource, Map<String, Dialect> configured) {
        if (!configured.isEmpty() && datasource != null) {
            for (String key : datasourceKeys(dashboard, datasource)) {
                Dialect d = configured.get(key);
                if (d != null) {
                    return d;
                }
            }
        }
        return dashboard.writtenForVictoriaMetrics() ? Dialect.METRICSQL : Dialect.PROMQL;
    }

    private static java.util.List<String> datasourceKeys(DashboardView dashboard, DatasourceRef ds) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        String var = ds.variableName();
        if (var != null) {
            VariableView v = dashboard.variables().get(var);
            if (v != null) {
                keys.addAll(v.current());
                String text = v.json().path("current").path("text").asText("");
                if (!text.isEmpty()) {
                    keys.add(text);
                }
            }
        } else if (ds.uid() != null) {
            keys.add(ds.uid());
        }
        return keys;
    }
}
