package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.MatchOp;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.VariableView;

/**
 * A multi-value or include-All variable inside an {@code =} or {@code !=} matcher. Grafana inserts several
 * values as a regex {@code (a|b)}, which equality compares literally. A panel that repeats over the
 * variable gets one value per copy, so it is fine there.
 */
public final class MultiValueEqualityRule implements ParsedQueryRule {
    @Override
    public String id() {
        return "multi-value-equality";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "With several values (or All) selected Grafana sends label=\"(a|b)\", which matches nothing; multi-value variables need =~.";
    }

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        String repeat = context.query().panel() == null ? null : context.query().panel().repeat();
        for (VectorSelector s : QueryFacts.selectors(q.expr())) {
            for (LabelMatcher m : s.matchers()) {
                if ((m.op() != MatchOp.EQUAL && m.op() != MatchOp.NOT_EQUAL) || m.valueSpan() == null) {
                    continue;
                }
                for (VariableUse v : q.variables()) {
                    if (v.start() < m.valueSpan().start() || v.end() > m.valueSpan().end() || v.name().equals(repeat)) {
                        continue;
                    }
                    VariableView var = context.dashboard().variables().get(v.name());
                    if (var != null && (var.multi() || var.includeAll())) {
                        out.query(this, context.query(), "variable $" + v.name() + " allows several values (multi or All) but "
                                + m.name() + m.op().symbol() + " compares literally; use " + m.name()
                                + (m.op() == MatchOp.EQUAL ? "=~" : "!~") + ".", v.line(), v.column());
                    }
                }
            }
        }
    }
}
