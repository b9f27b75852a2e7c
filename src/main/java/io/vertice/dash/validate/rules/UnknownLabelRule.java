package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.Aggregation;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.SentValues;
import io.vertice.dash.validate.Severity;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A matcher requires a label the metric never carries ({@code foo{zone="a"}}), or an aggregation groups
 * {@code by} a label its input cannot have.
 */
@RuleInfo(
        id = "unknown-label",
        severity = Severity.ERROR,
        summary = "a matcher on a label the metric lacks matches nothing; grouping by one collapses everything",
        why =
                "A matcher on a label the metric does not have matches no series; grouping by one collapses everything into one empty-labelled series. up and scrape_* carry the target labels of the scrape configuration, which no catalogue of exposed metrics knows, so their labels are not judged.",
        failing = {
            @Example(expr = "maximus_arousal_level{zone=\"eu\"}"),
            @Example(
                    expr =
                            "sum by (state) (maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"})")
        },
        passing = {
            @Example(
                    expr =
                            "sum by (state) (maximus_arousal_state{environment=\"$environment\", service_name=~\"$service\"})"),
            @Example(expr = "maximus_arousal_level{zone=\"\"}", note = "matches series without the label"),
            @Example(expr = "up{cluster=\"eu\", namespace=\"cockpit\"}", note = "target labels on up")
        })
public final class UnknownLabelRule implements ParsedQueryRule {
    /** "they have: a, b", or "they have no labels" rather than an empty list. */
    private static String theyHave(QueryFacts.LabelSet labels) {
        TreeSet<String> names = new TreeSet<>(labels.labels());
        names.remove(io.vertice.dash.promql.LabelMatcher.METRIC_NAME);
        return names.isEmpty() ? "they have no labels" : "they have: " + String.join(", ", names);
    }

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        for (VectorSelector s : QueryFacts.selectors(q.expr())) {
            Optional<MetricCatalog.Series> series = QueryFacts.series(s, q, context.catalog());
            if (series.isEmpty() || QueryFacts.hasOpenLabelSet(series.get())) {
                continue;
            }
            var labels = context.index().labelNames(series.get());
            for (LabelMatcher m : s.matchers()) {
                if (m.name().equals(LabelMatcher.METRIC_NAME)
                        || labels.contains(m.name())
                        || SentValues.mayMatchEmpty(m, q, context.dashboard(), context.catalog())) {
                    continue; // a matcher that accepts "" (as Grafana fills it in) also accepts series without the
                    // label
                }
                out.query(
                        this,
                        context.query(),
                        "metric " + series.get().name() + " has no label " + m.name()
                                + " (its labels: " + String.join(", ", new TreeSet<>(labels)) + "), so " + m.name()
                                + m.op().symbol()
                                + "\"" + m.value() + "\" matches nothing.",
                        m.span().line(),
                        m.span().column());
            }
        }
        String wanted = context.query().variableLabel();
        if (wanted != null) {
            QueryFacts.LabelSet result = context.outputLabels(q.expr());
            if (!result.mayHave(wanted)) {
                out.query(
                        this,
                        context.query(),
                        "label_values(..., " + wanted + "): the series have no label " + wanted + " ("
                                + theyHave(result) + "), so the variable has no values.");
            }
        }
        q.expr().walk(e -> {
            if (e instanceof Aggregation a && !a.without() && !a.grouping().isEmpty()) {
                QueryFacts.LabelSet in = context.outputLabels(a.expr());
                for (String g : a.grouping()) {
                    if (!in.mayHave(g)) {
                        out.query(
                                this,
                                context.query(),
                                a.op().keyword() + " by (" + g + "): the aggregated series have no label " + g + " ("
                                        + theyHave(in) + ").",
                                a.span().line(),
                                a.span().column());
                    }
                }
            }
        });
    }
}
