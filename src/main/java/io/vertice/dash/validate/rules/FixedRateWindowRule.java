package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.MatrixSelector;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.Position;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.time.Duration;
import java.util.Set;

/**
 * {@code rate}/{@code irate}/{@code increase} over a short fixed window ({@code [5m]}) where Grafana's
 * {@code $__rate_interval} belongs. Windows of an hour or more are taken as deliberate smoothing.
 */
@RuleInfo(
        id = "fixed-rate-window",
        severity = Severity.WARNING,
        summary = "fixed windows break with other scrape intervals or zoom; use `$__rate_interval`",
        why =
                "A fixed window is too short for some scrape intervals and zoom levels (gaps, no data) and too long for others; $__rate_interval adapts to both.",
        failing = {
            @Example(
                    expr =
                            "rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[5m])")
        },
        passing = {
            @Example(
                    expr =
                            "rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])"),
            @Example(
                    expr =
                            "increase(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[1h])",
                    note = "an hour or more is deliberate smoothing")
        })
public final class FixedRateWindowRule implements ParsedQueryRule {
    private static final Set<String> FUNCTIONS = Set.of("rate", "irate", "increase");
    private static final Duration DELIBERATE = Duration.ofHours(1);

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        if (context.query().annotation() != null || context.query().variable() != null) {
            return; // annotations run once per range: a fixed window is their normal shape
        }
        q.expr().walk(e -> {
            if (e instanceof Call c
                    && FUNCTIONS.contains(c.function().name())
                    && !c.args().isEmpty()
                    && c.args().get(0) instanceof MatrixSelector m
                    && !m.rangeText().contains("$")
                    && m.range() != null
                    && m.range().compareTo(DELIBERATE) < 0) {
                int bracket = q.original().indexOf('[', m.selector().span().end());
                int offset = bracket >= 0 && bracket < m.span().end()
                        ? bracket + 1
                        : m.span().start();
                Position at = PromQL.lineColumn(q.original(), offset);
                out.query(
                        this,
                        context.query(),
                        c.function().name() + "() over a fixed [" + m.rangeText() + "] window; use [$__rate_interval].",
                        at.line(),
                        at.column());
            }
        });
    }
}
