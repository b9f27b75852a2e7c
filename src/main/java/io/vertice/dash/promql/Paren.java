package io.vertice.dash.promql;

import java.util.List;

/** A parenthesised expression; {@code type} is the inner expression's, kept so deep nesting is not walked to ask. */
public record Paren(Expr expr, Span span, ValueType type) implements Expr {
    public Paren(Expr expr, Span span) {
        this(expr, span, expr.type());
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }
}
