package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.catalog.PrometheusAddedSeries;
import io.vertice.dash.promql.Aggregation;
import io.vertice.dash.promql.AggregationOp;
import io.vertice.dash.promql.Binary;
import io.vertice.dash.promql.Call;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.Exprs;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.MatchOp;
import io.vertice.dash.promql.MatrixSelector;
import io.vertice.dash.promql.NumberLiteral;
import io.vertice.dash.promql.Paren;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.StringLiteral;
import io.vertice.dash.promql.Subquery;
import io.vertice.dash.promql.Unary;
import io.vertice.dash.promql.ValueType;
import io.vertice.dash.promql.VectorMatching;
import io.vertice.dash.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** What the PromQL rules need to know about an expression: its selectors' series, output labels, ancestry. */
public final class QueryFacts {
    /** Functions whose result keeps the metric name (Prometheus drops it for every other function). */
    private static final Set<String> KEEP_NAME = Set.of(
            "last_over_time",
            "sort",
            "sort_desc",
            "sort_by_label",
            "sort_by_label_desc",
            "label_replace",
            "label_join",
            "first_over_time");

    private QueryFacts() {}

    /**
     * The labels an expression's result can carry. {@code open} means the set is not known (a metric the
     * catalogue lacks, an alert series): any label may be there.
     */
    public record LabelSet(Set<String> labels, boolean open) {
        public static final LabelSet OPEN = new LabelSet(Set.of(), true);
        public static final LabelSet NONE = new LabelSet(Set.of(), false);

        public LabelSet {
            labels = java.util.Collections.unmodifiableSet(
                    labels instanceof LinkedHashSet<String> ? labels : new LinkedHashSet<>(labels));
        }

        public boolean mayHave(String label) {
            return open || labels.contains(label);
        }

        LabelSet without(Set<String> drop) {
            Set<String> s = new LinkedHashSet<>(labels);
            s.removeAll(drop);
            return new LabelSet(s, open);
        }

        LabelSet plus(Set<String> add) {
            Set<String> s = new LinkedHashSet<>(labels);
            s.addAll(add);
            return new LabelSet(s, open);
        }
    }

    /**
     * Visits every node with its ancestors (root first), depth-first, left to right; the ancestor list is
     * valid during the call. Iterative, so trees as deep as Prometheus accepts are walked.
     */
    public static void walk(Expr root, BiConsumer<Expr, List<Expr>> visitor) {
        Exprs.walkWithAncestors(root, visitor);
    }

    /** Every vector selector in an expression (also those inside range selectors), in order. */
    public static List<VectorSelector> selectors(Expr root) {
        List<VectorSelector> out = new ArrayList<>();
        root.walk(e -> {
            if (e instanceof VectorSelector s) {
                out.add(s);
            }
        });
        return out;
    }

    /** Whether the selector's metric name comes from a Grafana variable (then it cannot be checked). */
    public static boolean nameFromVariable(VectorSelector s, ParsedQuery q) {
        if (s.name() != null) {
            if (s.name().contains("$") || s.name().contains("[[")) {
                return true; // a metric name never holds these: it is a variable as written
            }
            int start = s.span().start();
            int end = q.original().startsWith(s.name(), start)
                    ? start + s.name().length()
                    : s.span().end();
            return q.hasVariableIn(start, end);
        }
        for (LabelMatcher m : s.matchers()) {
            if (m.name().equals(LabelMatcher.METRIC_NAME) && m.valueSpan() != null) {
                return q.hasVariableIn(m.valueSpan().start(), m.valueSpan().end())
                        || m.value().contains("$");
            }
        }
        return false;
    }

    /** Whether a matcher's value holds a Grafana variable. */
    public static boolean valueFromVariable(LabelMatcher m, ParsedQuery q) {
        Span span = m.valueSpan() != null
                ? new Span(m.valueSpan().start(), m.valueSpan().end())
                : new Span(m.span().start(), m.span().end());
        return q.hasVariableIn(span.start, span.end) || m.value().contains("$");
    }

    private record Span(int start, int end) {}

    /** The catalogue series a selector names, when it names a literal one the catalogue has. */
    public static Optional<MetricCatalog.Series> series(VectorSelector s, ParsedQuery q, MetricCatalog catalog) {
        String name = s.metricName();
        if (name == null || nameFromVariable(s, q)) {
            return Optional.empty();
        }
        return catalog.series(name);
    }

    /** Whether the series counts up: a counter, or a histogram's/summary's bucket, sum or count. */
    /**
     * Whether the catalogue cannot know the series' labels: alert series carry their rule's labels, and
     * {@code up}/{@code scrape_*} carry every target label of the scrape configuration (a relabelling
     * Prometheus adds {@code cluster}, {@code namespace}, ...), which a catalogue of exposed metrics only
     * models as {@code job} and {@code instance}. A catalogue that knows more for them (a Prometheus API) is trusted.
     */
    public static boolean hasOpenLabelSet(MetricCatalog.Series series) {
        if (PrometheusAddedSeries.hasOpenLabelSet(series.name())) {
            return true;
        }
        return PrometheusAddedSeries.SCRAPE_SERIES.contains(series.name())
                && PrometheusAddedSeries.TARGET_LABELS.containsAll(
                        series.family().labels().keySet());
    }

    public static boolean isCounterSeries(MetricCatalog.Series series) {
        MetricType type = series.family().type();
        return type == MetricType.COUNTER
                || ((type == MetricType.HISTOGRAM || type == MetricType.SUMMARY)
                        && !series.suffix().isEmpty());
    }

    /** The labels the result of {@code e} can carry, inferred through functions, aggregations and operators. */
    public static LabelSet outputLabels(Expr e, ParsedQuery q, MetricCatalog catalog) {
        return outputLabels(e, q, catalog, new java.util.IdentityHashMap<>());
    }

    /** As above, remembering every node's answer in {@code cache} (identity-keyed). */
    static LabelSet outputLabels(Expr e, ParsedQuery q, MetricCatalog catalog, java.util.Map<Expr, LabelSet> cache) {
        LabelSet known = cache.get(e);
        if (known == null) {
            // children before parents, in a loop: compute() then finds each child's answer in the cache, so
            // a tree of any depth is answered without deep recursion
            Exprs.postOrder(e, node -> {
                if (!cache.containsKey(node)) {
                    cache.put(node, compute(node, q, catalog, cache));
                }
            });
            known = cache.get(e);
        }
        return known;
    }

    private static LabelSet compute(Expr e, ParsedQuery q, MetricCatalog catalog, java.util.Map<Expr, LabelSet> cache) {
        if (e instanceof VectorSelector s) {
            String name = s.metricName();
            if (name == null || nameFromVariable(s, q)) {
                return LabelSet.OPEN;
            }
            Optional<MetricCatalog.Series> series = catalog.series(name);
            if (series.isEmpty() || hasOpenLabelSet(series.get())) {
                return LabelSet.OPEN;
            }
            return new LabelSet(series.get().labelNames(), false).plus(Set.of(LabelMatcher.METRIC_NAME));
        }
        if (e instanceof MatrixSelector m) {
            return outputLabels(m.selector(), q, catalog, cache);
        }
        if (e instanceof Paren p) {
            return outputLabels(p.expr(), q, catalog, cache);
        }
        if (e instanceof Subquery sq) {
            return outputLabels(sq.expr(), q, catalog, cache);
        }
        if (e instanceof Unary u) {
            return outputLabels(u.expr(), q, catalog, cache)
                    .without(u.negative() ? Set.of(LabelMatcher.METRIC_NAME) : Set.of());
        }
        if (e instanceof NumberLiteral || e instanceof StringLiteral) {
            return LabelSet.NONE;
        }
        if (e instanceof Call c) {
            return callLabels(c, q, catalog, cache);
        }
        if (e instanceof Aggregation a) {
            return aggregationLabels(a, q, catalog, cache);
        }
        if (e instanceof Binary b) {
            return binaryLabels(b, q, catalog, cache);
        }
        return LabelSet.OPEN;
    }

    private static LabelSet callLabels(
            Call c, ParsedQuery q, MetricCatalog catalog, java.util.Map<Expr, LabelSet> cache) {
        String f = c.function().name();
        switch (f) {
            case "vector", "time", "pi", "scalar" -> {
                return LabelSet.NONE;
            }
            case "absent", "absent_over_time" -> {
                // the result carries the equality matchers of the selector it was given
                Set<String> labels = new LinkedHashSet<>();
                for (VectorSelector s : selectors(c.args().get(0))) {
                    s.matchers().stream()
                            .filter(m -> m.op() == MatchOp.EQUAL && !m.name().equals(LabelMatcher.METRIC_NAME))
                            .forEach(m -> labels.add(m.name()));
                }
                return new LabelSet(labels, false);
            }
            case "label_replace", "label_join" -> {
                LabelSet in = outputLabels(c.args().get(0), q, catalog, cache);
                return c.args().get(1) instanceof StringLiteral dst ? in.plus(Set.of(dst.value())) : LabelSet.OPEN;
            }
            case "histogram_quantile", "histogram_fraction" -> {
                return outputLabels(c.args().get(c.args().size() - 1), q, catalog, cache)
                        .without(Set.of("le", LabelMatcher.METRIC_NAME));
            }
            default -> {
                for (Expr arg : c.args()) {
                    if (arg.type() == ValueType.VECTOR || arg.type() == ValueType.MATRIX) {
                        LabelSet in = outputLabels(arg, q, catalog, cache);
                        return KEEP_NAME.contains(f) ? in : in.without(Set.of(LabelMatcher.METRIC_NAME));
                    }
                }
                return LabelSet.NONE;
            }
        }
    }

    private static LabelSet aggregationLabels(
            Aggregation a, ParsedQuery q, MetricCatalog catalog, java.util.Map<Expr, LabelSet> cache) {
        LabelSet in = outputLabels(a.expr(), q, catalog, cache);
        if (a.op() == AggregationOp.TOPK
                || a.op() == AggregationOp.BOTTOMK
                || a.op().keyword().equals("limitk")
                || a.op().keyword().equals("limit_ratio")) {
            return in; // selects series, keeps their labels
        }
        Set<String> grouping = new LinkedHashSet<>(a.grouping());
        if (a.op() == AggregationOp.COUNT_VALUES && a.param() instanceof StringLiteral label) {
            grouping.add(label.value());
        }
        if (!a.without()) {
            // by (...) keeps exactly its grouping labels; one the input lacks is unknown-label's finding, at its cause
            return new LabelSet(grouping, false);
        }
        Set<String> drop = new LinkedHashSet<>(grouping);
        drop.add(LabelMatcher.METRIC_NAME);
        LabelSet out = in.without(drop);
        if (a.op() == AggregationOp.COUNT_VALUES && a.param() instanceof StringLiteral label) {
            out = out.plus(Set.of(label.value()));
        }
        return out;
    }

    private static LabelSet binaryLabels(
            Binary b, ParsedQuery q, MetricCatalog catalog, java.util.Map<Expr, LabelSet> cache) {
        LabelSet lhs = outputLabels(b.lhs(), q, catalog, cache);
        LabelSet rhs = outputLabels(b.rhs(), q, catalog, cache);
        boolean lv = b.lhs().type() == ValueType.VECTOR;
        boolean rv = b.rhs().type() == ValueType.VECTOR;
        Set<String> dropName = b.op().isComparison() && !b.returnBool() ? Set.of() : Set.of(LabelMatcher.METRIC_NAME);
        if (!lv && !rv) {
            return LabelSet.NONE;
        }
        if (!rv) {
            return lhs.without(dropName);
        }
        if (!lv) {
            return rhs.without(dropName);
        }
        if (b.op().isSetOperator()) {
            if (b.op().symbol().equals("or")) {
                return new LabelSet(union(lhs.labels(), rhs.labels()), lhs.open() || rhs.open());
            }
            return lhs;
        }
        VectorMatching m = b.matching();
        if (m == null) {
            return lhs.without(Set.of(LabelMatcher.METRIC_NAME));
        }
        switch (m.cardinality()) {
            case MANY_TO_ONE -> {
                return lhs.without(dropName).plus(new LinkedHashSet<>(m.include()));
            }
            case ONE_TO_MANY -> {
                return rhs.without(dropName).plus(new LinkedHashSet<>(m.include()));
            }
            default -> {
                LabelSet base = lhs.without(Set.of(LabelMatcher.METRIC_NAME));
                if (m.on()) {
                    Set<String> kept = new LinkedHashSet<>();
                    for (String l : m.labels()) {
                        if (base.mayHave(l)) {
                            kept.add(l);
                        }
                    }
                    return new LabelSet(kept, false);
                }
                return base.without(new LinkedHashSet<>(m.labels()));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }
}
