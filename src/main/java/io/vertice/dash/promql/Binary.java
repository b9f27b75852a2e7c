package io.vertice.dash.promql;

import java.util.List;

/**
 * A binary operation. {@code matching} is set when both sides are instant vectors (as Prometheus
 * does), null otherwise.
 */
public record Binary(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, Span span)
        implements Expr {
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    @Override
    public List<Expr> children() {
        return List.of(lhs, rhs);
    }
}
