package io.vertice.dash.promql;

import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a parsed, type-checked PromQL expression. Every node is an immutable record that keeps
 * its {@link Span} in the original text.
 */
public sealed interface Expr
        permits NumberLiteral,
                StringLiteral,
                VectorSelector,
                MatrixSelector,
                Subquery,
                Call,
                Aggregation,
                Binary,
                Unary,
                Paren {

    /** The value type the expression evaluates to. */
    ValueType type();

    /** Where the expression sits in the original text. */
    Span span();

    /** Direct sub-expressions, left to right. */
    List<Expr> children();

    /** Visits this node and every descendant depth-first, parents before children, left to right. */
    default void walk(Consumer<Expr> visitor) {
        Exprs.walk(this, visitor);
    }
}
