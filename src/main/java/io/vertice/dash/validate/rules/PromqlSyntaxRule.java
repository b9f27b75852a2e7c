package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.PromqlException;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryRule;
import io.vertice.dash.validate.Severity;

/** The expression does not parse or type-check as PromQL (Grafana variables understood). */
public final class PromqlSyntaxRule implements QueryRule {
    @Override
    public String id() {
        return "promql-syntax";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "Prometheus rejects the query, so the panel shows an error instead of data.";
    }

    @Override
    public void check(QueryContext context, Findings out) {
        PromqlException e = context.query().error();
        if (e != null) {
            out.query(this, context.query(), e.message() + ".", e.line(), e.column());
        }
    }
}
