package io.vertice.dash.promql;

import java.util.List;

/**
 * A binary operation. {@code matching} is set when both sides are instant vectors (as Prometheus
 * does), null otherwise. {@code type} is derived from the sides (scalar only when both are) and kept,
 * so asking a node of a long operator chain for its type does not walk the chain.
 */
public record Binary(
        BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, Span span, ValueType type)
        implements Expr {

    public Binary(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, Span span) {
        this(
                op,
                lhs,
                rhs,
                returnBool,
                matching,
                span,
                lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR);
    }

    @Override
    public List<Expr> children() {
        return List.of(lhs, rhs);
    }
}
