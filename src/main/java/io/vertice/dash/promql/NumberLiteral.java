package io.vertice.dash.promql;

import java.util.List;

/** A number: decimal, hex, octal-looking ({@code 0755} is 493), exponent, {@code Inf}, {@code NaN}; sign folded in. */
public record NumberLiteral(double value, Span span) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }
}
