package io.vertice.dash.promql;

import java.util.List;

/** A string literal with escapes resolved ({@code value}); {@code quote} is {@code "}, {@code '} or a backtick. */
public record StringLiteral(String value, char quote, Span span) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }
}
