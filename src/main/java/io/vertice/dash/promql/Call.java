package io.vertice.dash.promql;

import java.util.List;

/** A function call such as {@code rate(x[5m])}. */
public record Call(Function function, List<Expr> args, Span span) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }

    @Override
    public List<Expr> children() {
        return args;
    }
}
