package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.MatrixSelector;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.Optional;
import java.util.Set;

/** {@code rate}, {@code irate} or {@code increase} applied to a gauge. */
@RuleInfo(
        id = "rate-on-gauge",
        severity = Severity.ERROR,
        summary = "`rate`/`irate`/`increase` read every decrease of a gauge as a counter reset",
        why =
                "rate/irate/increase read every decrease as a counter reset, so on a gauge they invent huge jumps; use deriv or delta.",
        failing = {
            @Example(
                    expr =
                            "rate(maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])")
        },
        passing = {
            @Example(
                    expr =
                            "rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])"),
            @Example(
                    expr = "deriv(maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}[5m])")
        })
public final class RateOnGaugeRule implements ParsedQueryRule {
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        q.expr().walk(e -> {
            if (e instanceof Call c
                    && COUNTER_FUNCTIONS.contains(c.function().name())
                    && !c.args().isEmpty()
                    && c.args().get(0) instanceof MatrixSelector m) {
                Optional<MetricCatalog.Series> series = QueryFacts.series(m.selector(), q, context.catalog());
                if (series.isPresent() && series.get().family().type() == MetricType.GAUGE) {
                    String alt = c.function().name().equals("increase") ? "delta" : "deriv";
                    out.query(
                            this,
                            context.query(),
                            c.function().name() + "() over " + series.get().name() + ", which is a gauge; use " + alt
                                    + "() or the gauge itself.",
                            c.span().line(),
                            c.span().column());
                }
            }
        });
    }
}
