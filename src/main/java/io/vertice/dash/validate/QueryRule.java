package io.vertice.dash.validate;

/** A rule that looks at one PromQL query (a panel target, a Prometheus annotation) against the catalogue. */
public interface QueryRule extends Rule {
    void check(QueryContext query, Findings out);
}
