package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A selector names a metric the catalogue does not have. Knows the families' series names
 * ({@code _total}, {@code _bucket}/{@code _sum}/{@code _count}) and the series Prometheus adds itself.
 */
@RuleInfo(
        id = "unknown-metric",
        severity = Severity.ERROR,
        summary =
                "a metric nobody exposes selects nothing (knows `_total`, `_bucket`/`_sum`/`_count`, and `up`, `scrape_*`, `ALERTS`)",
        why = "A metric nobody exposes selects nothing: the panel stays empty and looks like \"no traffic\".",
        failing = {
            @Example(
                    expr = "maximus_arousal_levle{environment=\"$environment\", service_name=~\"$service\"}",
                    note = "a typo")
        },
        passing = {
            @Example(expr = "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}"),
            @Example(
                    expr =
                            "sum(rate(maximus_esgt_duration_seconds_sum[5m])) / sum(rate(maximus_esgt_duration_seconds_count[5m]))",
                    note = "a histogram's series"),
            @Example(expr = "up{job=\"maximus\"}", note = "a series Prometheus adds itself")
        })
public final class UnknownMetricRule implements ParsedQueryRule {
    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        Set<String> reported = new LinkedHashSet<>();
        for (VectorSelector s : QueryFacts.selectors(q.expr())) {
            String name = s.metricName();
            if (name == null
                    || QueryFacts.nameFromVariable(s, q)
                    || context.catalog().series(name).isPresent()
                    || !reported.add(name)) {
                continue;
            }
            String hint = Suggestions.closest(name, context.catalog());
            out.query(
                    this,
                    context.query(),
                    "metric " + name + " is not in the metric catalogue"
                            + (hint == null ? "" : "; did you mean " + hint + "?") + (hint == null ? "." : ""),
                    s.span().line(),
                    s.span().column());
        }
    }
}
