package io.vertice.dash.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregation such as {@code sum by (job) (x)} or {@code topk(5, x)}. {@code param} is null for
 * operators without one; {@code grouping} holds the {@code by}/{@code without} labels ({@code without}
 * tells which; an empty {@code by} list and no clause both aggregate everything).
 */
public record Aggregation(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without, Span span)
        implements Expr {
    public Aggregation {
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public List<Expr> children() {
        if (param == null) {
            return List.of(expr);
        }
        List<Expr> c = new ArrayList<>(2);
        c.add(param);
        c.add(expr);
        return List.copyOf(c);
    }
}
