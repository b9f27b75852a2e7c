package io.vertice.dash.validate;

import io.vertice.dash.promql.ParsedQuery;

/**
 * A query rule that reads the parsed expression. Queries that do not parse never reach it: reporting
 * them is {@code promql-syntax}'s job, once. Nor do queries Grafana never sends (a hidden target, a disabled
 * annotation): what they would select does not matter to anyone looking at the dashboard.
 */
public interface ParsedQueryRule extends QueryRule {

    void check(QueryContext context, ParsedQuery query, Findings out);

    @Override
    default void check(QueryContext context, Findings out) {
        ParsedQuery parsed = context.query().parsed();
        if (parsed != null && !context.query().hidden()) {
            check(context, parsed, out);
        }
    }
}
