package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.MatchOp;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.VariableView;

/**
 * A multi-value or include-All variable inside an {@code =} or {@code !=} matcher. Grafana inserts several
 * values as a regex {@code (a|b)}, which equality compares literally. A panel, or a row, that repeats over
 * the variable gets one value per copy, so it is fine there.
 */
@RuleInfo(
        id = "multi-value-equality",
        severity = Severity.ERROR,
        summary = "a multi-value or All variable in `=` sends `label=\"(a|b)\"`, which matches nothing",
        why =
                "With several values (or All) selected Grafana sends label=\"(a|b)\", which matches nothing; multi-value variables need =~. Inside a panel or row that repeats over the variable each copy gets one value, so = is right there.",
        failing = {@Example(expr = "maximus_arousal_level{environment=\"$environment\", service_name=\"$service\"}")},
        passing = {
            @Example(expr = "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}"),
            @Example(
                    panels =
                            """
            {"id": 1, "type": "row", "title": "$service", "repeat": "service", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}},
            {"id": 2, "type": "timeseries", "title": "P2", "description": "d", "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "gridPos": {"x": 0, "y": 1, "w": 24, "h": 8},
             "targets": [{"refId": "A", "expr": "maximus_arousal_level{service_name=\\"$service\\"}"}]}""",
                    note = "a row repeated over the variable")
        })
public final class MultiValueEqualityRule implements ParsedQueryRule {
    /** Inside a panel or row repeated over the variable, each copy holds one value. */
    private static boolean repeated(QueryContext context, String variable) {
        return context.query().panel() != null && context.query().panel().repeatsOver(variable);
    }

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        for (VectorSelector s : QueryFacts.selectors(q.expr())) {
            for (LabelMatcher m : s.matchers()) {
                if ((m.op() != MatchOp.EQUAL && m.op() != MatchOp.NOT_EQUAL) || m.valueSpan() == null) {
                    continue;
                }
                for (VariableUse v : q.variables()) {
                    if (v.start() < m.valueSpan().start()
                            || v.end() > m.valueSpan().end()
                            || repeated(context, v.name())) {
                        continue;
                    }
                    VariableView var = context.dashboard().variables().get(v.name());
                    if (var != null && (var.multi() || var.includeAll())) {
                        out.query(
                                this,
                                context.query(),
                                "variable $" + v.name() + " allows several values (multi or All) but "
                                        + m.name() + m.op().symbol() + " compares literally; use " + m.name()
                                        + (m.op() == MatchOp.EQUAL ? "=~" : "!~") + ".",
                                v.line(),
                                v.column());
                    }
                }
            }
        }
    }
}
