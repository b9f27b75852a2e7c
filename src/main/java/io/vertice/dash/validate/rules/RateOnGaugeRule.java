package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.MatrixSelector;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.Severity;

import java.util.Optional;
import java.util.Set;

/** {@code rate}, {@code irate} or {@code increase} applied to a gauge. */
public final class RateOnGaugeRule implements ParsedQueryRule {
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");

    @Override
    public String id() {
        return "rate-on-gauge";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "rate/irate/increase read every decrease as a counter reset, so on a gauge they invent huge jumps; use deriv or delta.";
    }

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        q.expr().walk(e -> {
            if (e instanceof Call c && COUNTER_FUNCTIONS.contains(c.function().name()) && !c.args().isEmpty()
                    && c.args().get(0) instanceof MatrixSelector m) {
                Optional<MetricCatalog.Series> series = QueryFacts.series(m.selector(), q, context.catalog());
                if (series.isPresent() && series.get().family().type() == MetricType.GAUGE) {
                    String alt = c.function().name().equals("increase") ? "delta" : "deriv";
                    out.query(this, context.query(), c.function().name() + "() over " + series.get().name()
                            + ", which is a gauge; use " + alt + "() or the gauge itself.", c.span().line(), c.span().column());
                }
            }
        });
    }
}
