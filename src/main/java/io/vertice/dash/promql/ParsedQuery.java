package io.vertice.dash.promql;

import java.util.List;

/**
 * A Grafana query parsed as PromQL: the expression (positions in {@code original}), and the variables
 * it uses in order of appearance.
 */
public record ParsedQuery(Expr expr, List<VariableUse> variables, String original) {
    public ParsedQuery {
        variables = List.copyOf(variables);
    }

    /** Whether the original text range {@code [start, end)} contains or overlaps a variable reference. */
    public boolean hasVariableIn(int start, int end) {
        for (VariableUse v : variables) {
            if (v.start() < end && v.end() > start) {
                return true;
            }
        }
        return false;
    }
}
