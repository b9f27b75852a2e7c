package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.Aggregation;
import io.vertice.dash.promql.AggregationOp;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.Subquery;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * A counter (or a histogram's bucket/sum/count) shown as its raw, ever-growing value instead of through
 * {@code rate}/{@code increase}/{@code irate}/{@code resets}/... Uses that read no value (count, group,
 * absent, timestamp) are fine, as is a subquery that a rate reads.
 */
@RuleInfo(
        id = "counter-without-rate",
        severity = Severity.WARNING,
        summary = "a raw counter only grows and resets; wrap it in `rate()` or `increase()`",
        why =
                "A raw counter only grows and restarts at zero; the panel shows process uptime, not activity. Wrap it in rate() or increase().",
        failing = {
            @Example(
                    expr =
                            "sum(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"})"),
            @Example(
                    expr =
                            "maximus_esgt_duration_seconds_count{environment=\"$environment\", service_name=~\"$service\"}")
        },
        passing = {
            @Example(
                    expr =
                            "sum(increase(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__range]))"),
            @Example(
                    expr =
                            "count(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"})",
                    note = "counting series reads no value"),
            @Example(
                    expr =
                            "absent(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"})")
        })
public final class CounterWithoutRateRule implements ParsedQueryRule {
    /** Instant uses that do not read the value. */
    private static final Set<String> VALUE_FREE_FUNCTIONS =
            Set.of("absent", "timestamp", "present_over_time", "absent_over_time");

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        if (context.query().variable() != null) {
            return; // a variable query reads label values, not sample values
        }
        // whether each node's samples are read through a range or a value-free operation, known from its
        // parent's answer: one step per node, however deep the query
        java.util.IdentityHashMap<Expr, Boolean> hidden = new java.util.IdentityHashMap<>();
        QueryFacts.walk(q.expr(), (e, ancestors) -> {
            Expr parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
            boolean valueFree = parent != null && (hidden.get(parent) || readsNoValues(parent));
            hidden.put(e, valueFree);
            if (!(e instanceof VectorSelector s)
                    || valueFree
                    || parent instanceof io.vertice.dash.promql.MatrixSelector) {
                return;
            }
            Optional<MetricCatalog.Series> series = QueryFacts.series(s, q, context.catalog());
            if (series.isPresent() && QueryFacts.isCounterSeries(series.get())) {
                out.query(
                        this,
                        context.query(),
                        series.get().name() + " is a counter shown raw; use rate("
                                + series.get().name() + "[$__rate_interval]) or increase(...).",
                        s.span().line(),
                        s.span().column());
            }
        });
    }

    /** Whether the values of {@code a}'s input are not read: a subquery (a range function reads it), absent(), count... */
    private static boolean readsNoValues(Expr a) {
        return a instanceof Subquery
                || (a instanceof Call c
                        && VALUE_FREE_FUNCTIONS.contains(c.function().name()))
                || (a instanceof Aggregation g && (g.op() == AggregationOp.COUNT || g.op() == AggregationOp.GROUP));
    }
}
