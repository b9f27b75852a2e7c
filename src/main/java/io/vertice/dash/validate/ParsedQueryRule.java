package io.vertice.dash.validate;

import io.vertice.dash.promql.ParsedQuery;

/**
 * A query rule that reads the parsed expression. Queries that do not parse never reach it: reporting
 * them is {@code promql-syntax}'s job, once.
 */
public interface ParsedQueryRule extends QueryRule {

    void check(QueryContext context, ParsedQuery query, Findings out);

    @Override
    default void check(QueryContext context, Findings out) {
        ParsedQuery parsed = context.query().parsed();
        if (parsed != null) {
            check(context, parsed, out);
        }
    }
}
