package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.MatchOp;
import io.vertice.dash.promql.ParsedQuery;
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
 * A literal label value the metric never has ({@code state="focused"} when the states are sleep..hyperalert),
 * or a {@code =~} regex that matches none of the known values. Values holding variables are skipped, and so
 * are labels whose values the catalogue does not know.
 */
@RuleInfo(
        id = "unknown-label-value",
        severity = Severity.ERROR,
        summary = "a value the label never takes (`state=\"focused\"`) selects nothing; `=~` must match a known value",
        why = "A value the label never takes selects nothing; typos and renamed values hide behind an empty panel.",
        failing = {
            @Example(expr = "maximus_arousal_state{state=\"focused\"}"),
            @Example(expr = "maximus_arousal_state{state=~\"focus.*|calm\"}")
        },
        passing = {
            @Example(expr = "maximus_arousal_state{state=\"alert\"}"),
            @Example(expr = "maximus_arousal_state{state=~\"hyper.*\"}"),
            @Example(expr = "maximus_arousal_state{state!=\"focused\"}")
        })
public final class UnknownLabelValueRule implements ParsedQueryRule {
    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        for (VectorSelector s : QueryFacts.selectors(q.expr())) {
            Optional<MetricCatalog.Series> series = QueryFacts.series(s, q, context.catalog());
            if (series.isEmpty()) {
                continue;
            }
            for (LabelMatcher m : s.matchers()) {
                if (m.name().equals(LabelMatcher.METRIC_NAME)
                        || QueryFacts.valueFromVariable(m, q)
                        || (m.op() != MatchOp.EQUAL && m.op() != MatchOp.REGEX)
                        || m.matchesEmpty()) {
                    continue;
                }
                Set<String> known = series.get().family().labels().get(m.name());
                if (known == null
                        || known.isEmpty()
                        || context.index()
                                .remember(
                                        series.get().name()
                                                + '\u0000'
                                                + m.name()
                                                + '\u0000'
                                                + m.op().symbol()
                                                + m.value(),
                                        () -> matchesAny(m, known))) {
                    continue;
                }
                String what = m.op() == MatchOp.EQUAL
                        ? "value \"" + m.value() + "\" never occurs"
                        : "regex \"" + m.value() + "\" matches none of its values";
                var at = m.valueSpan() != null ? m.valueSpan() : m.span();
                out.query(
                        this,
                        context.query(),
                        "label " + m.name() + " of " + series.get().name() + ": " + what + "; known values: "
                                + String.join(", ", known) + ".",
                        at.line(),
                        at.column());
            }
        }
    }

    private static boolean matchesAny(LabelMatcher m, Set<String> known) {
        if (m.op() == MatchOp.EQUAL) {
            return known.contains(m.value());
        }
        return known.stream().anyMatch(m::matches); // RE2, anchored: Prometheus's answer
    }
}
