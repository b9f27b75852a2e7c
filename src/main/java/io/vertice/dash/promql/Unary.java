package io.vertice.dash.promql;

import java.util.List;

/** Unary minus or plus ({@code negative} tells which) on a scalar or instant vector. */
public record Unary(boolean negative, Expr expr, Span span) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }
}
