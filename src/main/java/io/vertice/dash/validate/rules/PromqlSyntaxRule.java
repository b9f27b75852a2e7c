package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.Dialect;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryRule;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.SyntaxError;

/**
 * The expression does not parse or type-check as PromQL (or, for a VictoriaMetrics datasource, as MetricsQL) (Grafana variables understood; a variable with known
 * values that stands for a piece of PromQL is tried with each of them). Empty targets are not queries.
 */
@RuleInfo(
        id = "promql-syntax",
        severity = Severity.ERROR,
        summary = "Prometheus rejects the query (syntax or types), so the panel shows an error instead of data",
        why =
                "Prometheus rejects the query, so the panel shows an error instead of data. Targets Grafana never sends (an empty expr, hide: true) are not checked.",
        failing = {
            @Example(
                    expr =
                            "sum(rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])",
                    note = "a parenthesis is missing"),
            @Example(
                    expr = "rate(maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"})",
                    note = "rate needs a range vector")
        },
        passing = {
            @Example(
                    expr =
                            "sum(rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval]))")
        })
public final class PromqlSyntaxRule implements QueryRule {
    @Override
    public void check(QueryContext context, Findings out) {
        SyntaxError e = context.query().error();
        if (e == null) {
            return;
        }
        // Grafana does not send a hidden target (hide: true) or a disabled annotation: worth knowing, not an error
        boolean hidden = context.query().hidden();
        Severity severity = hidden ? Severity.INFO : severity();
        String message = (hidden ? "hidden, so Grafana does not run it, but it does not parse: " : "")
                + (context.query().dialect() == Dialect.METRICSQL ? "as MetricsQL (VictoriaMetrics' dialect): " : "")
                + e.message() + ".";
        out.queryAt(this, severity, context.query(), message, e.line(), e.column());
    }
}
