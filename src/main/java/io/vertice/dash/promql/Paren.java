package io.vertice.dash.promql;

import java.util.List;

/** A parenthesised expression. */
public record Paren(Expr expr, Span span) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }
}
