package io.vertice.dash.promql;

import java.time.Duration;
import java.util.List;

/**
 * A subquery {@code expr[range:step]}; {@code step} is null when omitted ({@code [5m:]}). The texts are
 * the ORIGINAL spellings. {@code offset} and {@code at} are null when absent.
 */
public record Subquery(
        Expr expr,
        Duration range,
        String rangeText,
        Duration step,
        String stepText,
        Duration offset,
        AtModifier at,
        Span span)
        implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }
}
