package io.vertice.dash.promql;

import java.time.Duration;
import java.util.List;

/**
 * A range vector selector {@code foo[5m]}. {@code rangeText} is the range as written in the ORIGINAL
 * text, e.g. {@code $__rate_interval} or {@code 5m}, so rules can tell fixed windows from Grafana's.
 * Offset and {@code @} live on {@code selector}, as in Prometheus.
 */
public record MatrixSelector(VectorSelector selector, Duration range, String rangeText, Span span) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public List<Expr> children() {
        return List.of(selector);
    }
}
