package io.vertice.dash.promql;

import java.util.Locale;

/**
 * The query language an expression is written in: PromQL as Prometheus parses it, or MetricsQL, the
 * VictoriaMetrics superset (its functions, optional range selectors, {@code keep_metric_names}, {@code limit N}
 * after aggregations, the {@code if}/{@code ifnot}/{@code default} operators).
 */
public enum Dialect {
    PROMQL,
    METRICSQL;

    /** The lower-case word used in configuration ({@code promql}, {@code metricsql}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
