package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.Aggregation;
import io.vertice.dash.promql.AggregationOp;
import io.vertice.dash.promql.Binary;
import io.vertice.dash.promql.BinaryOp;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.MatrixSelector;
import io.vertice.dash.promql.Paren;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.Subquery;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A 0..1 ratio shown with unit {@code percent} (which expects 0..100) instead of {@code percentunit}.
 * A query is a ratio when it returns a ratio metric (help text says 0..1, or the name ends in
 * {@code _ratio} or {@code _score}) through value-preserving functions and aggregations, or divides one
 * rate/increase by another (not a {@code _sum}/{@code _count} mean). Multiplying by 100 makes it a percentage.
 */
@RuleInfo(
        id = "ratio-unit",
        severity = Severity.WARNING,
        summary = "unit `percent` expects 0..100, so a 0..1 ratio reads 0.8 %; use `percentunit`",
        why = "Unit percent expects 0..100: a 0..1 ratio then reads 0.8% instead of 80%; use percentunit.",
        failing = {
            @Example(
                    expr = "avg(maximus_esgt_success_ratio{environment=\"$environment\", service_name=~\"$service\"})",
                    unit = "percent")
        },
        passing = {
            @Example(
                    expr =
                            "100 * avg(maximus_esgt_success_ratio{environment=\"$environment\", service_name=~\"$service\"})",
                    unit = "percent"),
            @Example(
                    expr = "avg(maximus_esgt_success_ratio{environment=\"$environment\", service_name=~\"$service\"})",
                    unit = "percentunit")
        })
public final class RatioUnitRule implements ParsedQueryRule {
    /** Functions whose result stays within the input's range. */
    private static final Set<String> RANGE_PRESERVING = Set.of(
            "avg_over_time",
            "min_over_time",
            "max_over_time",
            "last_over_time",
            "quantile_over_time",
            "clamp",
            "clamp_min",
            "clamp_max",
            "round",
            "sort",
            "sort_desc",
            "label_replace",
            "label_join",
            "abs");

    private static final Set<String> RATES = Set.of("rate", "irate", "increase");

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        PanelView panel = context.query().panel();
        if (panel == null || !"percent".equals(panel.unit())) {
            return;
        }
        String reason = ratioReason(q.expr(), q, context.catalog());
        if (reason != null) {
            out.query(
                    this,
                    context.query(),
                    "the panel's unit is percent (0..100) but the query returns a 0..1 ratio (" + reason
                            + "); use unit percentunit.");
        }
    }

    /** Why the expression is a 0..1 ratio, or null when it is not (or cannot be told). */
    static String ratioReason(Expr e, ParsedQuery q, MetricCatalog catalog) {
        while (true) { // a loop, not recursion: queries may nest as deep as Prometheus accepts
            if (e instanceof Paren p) {
                e = p.expr();
            } else if (e instanceof VectorSelector s) {
                return ratioMetric(s, q, catalog);
            } else if (e instanceof MatrixSelector m) {
                return ratioMetric(m.selector(), q, catalog);
            } else if (e instanceof Subquery sq) {
                e = sq.expr();
            } else if (e instanceof Call c
                    && RANGE_PRESERVING.contains(c.function().name())) {
                Expr next = null;
                for (Expr arg : c.args()) {
                    if (!(arg instanceof io.vertice.dash.promql.NumberLiteral)
                            && !(arg instanceof io.vertice.dash.promql.StringLiteral)) {
                        next = arg;
                        break;
                    }
                }
                if (next == null) {
                    return null;
                }
                e = next;
            } else if (e instanceof Aggregation a
                    && (a.op() == AggregationOp.AVG
                            || a.op() == AggregationOp.MIN
                            || a.op() == AggregationOp.MAX
                            || a.op() == AggregationOp.QUANTILE
                            || a.op() == AggregationOp.TOPK
                            || a.op() == AggregationOp.BOTTOMK)) {
                e = a.expr();
            } else if (e instanceof Binary b
                    && b.op() == BinaryOp.DIV
                    && isRateOf(b.lhs())
                    && isRateOf(b.rhs())
                    && !isMean(b)) {
                return "a rate divided by a rate";
            } else {
                return null;
            }
        }
    }

    private static String ratioMetric(VectorSelector s, ParsedQuery q, MetricCatalog catalog) {
        Optional<MetricCatalog.Series> series = QueryFacts.series(s, q, catalog);
        String name = series.map(MetricCatalog.Series::name).orElse(s.metricName());
        if (name == null || QueryFacts.nameFromVariable(s, q)) {
            return null;
        }
        if (name.endsWith("_ratio") || name.endsWith("_score")) {
            return name + " ends in " + name.substring(name.lastIndexOf('_'));
        }
        String help = series.map(x -> x.family().help()).orElse("").toLowerCase(Locale.ROOT);
        if (help.contains("0..1") || help.contains("0-1") || help.contains("[0, 1]") || help.contains("0 to 1")) {
            return "the help of " + name + " says 0..1";
        }
        return null;
    }

    /** A rate-like call, possibly aggregated by sum and parenthesised. */
    private static boolean isRateOf(Expr e) {
        while (true) {
            if (e instanceof Paren p) {
                e = p.expr();
            } else if (e instanceof Aggregation a && a.op() == AggregationOp.SUM) {
                e = a.expr();
            } else {
                break;
            }
        }
        return e instanceof Call c && RATES.contains(c.function().name());
    }

    /** rate(x_sum) / rate(x_count) is a mean (seconds, bytes), not a ratio. */
    private static boolean isMean(Binary b) {
        boolean[] sum = {false};
        boolean[] count = {false};
        b.lhs().walk(x -> {
            if (x instanceof VectorSelector s
                    && s.metricName() != null
                    && s.metricName().endsWith("_sum")) {
                sum[0] = true;
            }
        });
        b.rhs().walk(x -> {
            if (x instanceof VectorSelector s
                    && s.metricName() != null
                    && s.metricName().endsWith("_count")) {
                count[0] = true;
            }
        });
        return sum[0] && count[0];
    }
}
