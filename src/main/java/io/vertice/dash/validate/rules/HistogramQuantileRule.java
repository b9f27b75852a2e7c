package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.promql.Aggregation;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.Dialect;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.List;
import java.util.Optional;

/**
 * {@code histogram_quantile} over something that is not a classic histogram's {@code _bucket} series, or
 * whose {@code le} label an aggregation removed ({@code sum by (job)} without {@code le}).
 */
@RuleInfo(
        id = "histogram-quantile",
        severity = Severity.ERROR,
        summary = "needs `_bucket` series with `le` kept through aggregations",
        why =
                "histogram_quantile needs the buckets' le label; without it (or on a non-bucket series) it returns nothing or NaN.",
        failing = {
            @Example(
                    expr =
                            "histogram_quantile(0.95, sum by (service_name) (rate(maximus_esgt_duration_seconds_bucket{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])))"),
            @Example(
                    expr =
                            "histogram_quantile(0.95, rate(maximus_esgt_duration_seconds_sum{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval]))")
        },
        passing = {
            @Example(
                    expr =
                            "histogram_quantile(0.95, sum by (le, service_name) (rate(maximus_esgt_duration_seconds_bucket{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval])))")
        })
public final class HistogramQuantileRule implements ParsedQueryRule {
    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        q.expr().walk(e -> {
            if (!(e instanceof Call c)
                    || !c.function().name().equals("histogram_quantile")
                    || c.args().size() < 2) {
                return;
            }
            Expr input = c.args().get(1);
            for (VectorSelector s : QueryFacts.selectors(input)) {
                Optional<MetricCatalog.Series> series = QueryFacts.series(s, q, context.catalog());
                if (series.isEmpty()) {
                    continue;
                }
                MetricCatalog.Series found = series.get();
                if (found.family().type() == MetricType.UNKNOWN) {
                    continue; // the server did not say what it is (VictoriaMetrics has no metadata): type unknown, no
                    // verdict
                }
                boolean bucket = found.suffix().equals("_bucket");
                boolean nativeHistogram =
                        found.suffix().isEmpty() && found.family().type() == MetricType.HISTOGRAM;
                if (!bucket && !nativeHistogram) {
                    out.query(
                            this,
                            context.query(),
                            "histogram_quantile over " + found.name() + ", which is not a histogram's _bucket series"
                                    + (found.family().type() == MetricType.HISTOGRAM
                                            ? "; use " + found.family().name() + "_bucket."
                                            : "."),
                            s.span().line(),
                            s.span().column());
                    return;
                }
            }
            QueryFacts.LabelSet labels = context.outputLabels(input);
            // VictoriaMetrics histograms label their buckets vmrange, which MetricsQL's histogram_quantile reads
            boolean vmBuckets = context.query().dialect() == Dialect.METRICSQL
                    && labels.labels().contains("vmrange");
            if (!labels.open()
                    && !labels.labels().contains("le")
                    && !vmBuckets
                    && !QueryFacts.selectors(input).isEmpty()) {
                Aggregation culprit = firstAggregation(input);
                String where = culprit == null
                        ? "the input"
                        : culprit.op().keyword() + (culprit.without() ? " without (" : " by (")
                                + String.join(", ", culprit.grouping()) + ")";
                Expr at = culprit == null ? input : culprit;
                out.query(
                        this,
                        context.query(),
                        "histogram_quantile input has no le label: " + where
                                + " removes it; keep le in the grouping, e.g. sum by (le) (...).",
                        at.span().line(),
                        at.span().column());
            }
        });
    }

    private static Aggregation firstAggregation(Expr input) {
        List<Aggregation> found = new java.util.ArrayList<>();
        input.walk(e -> {
            if (e instanceof Aggregation a
                    && (a.without()
                            ? a.grouping().contains("le")
                            : !a.grouping().contains("le"))) {
                found.add(a);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }
}
