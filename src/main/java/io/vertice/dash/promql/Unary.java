package io.vertice.dash.promql;

import java.util.List;

/**
 * Unary minus or plus ({@code negative} tells which) on a scalar or instant vector; {@code type} is the
 * operand's, kept so a long run of signs is not walked to ask.
 */
public record Unary(boolean negative, Expr expr, Span span, ValueType type) implements Expr {
    public Unary(boolean negative, Expr expr, Span span) {
        this(negative, expr, span, expr.type());
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }
}
