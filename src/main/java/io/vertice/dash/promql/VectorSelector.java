package io.vertice.dash.promql;

import java.time.Duration;
import java.util.List;

/**
 * An instant vector selector such as {@code foo{a="b"} offset 5m @ 123}. {@code name} is the metric name
 * written before the braces or as a lone quoted string inside them ({@code {"my.metric"}}), or
 * {@code null} when only matchers select (then look at {@code __name__} matchers). The name, when
 * set, is also present in {@code matchers} as {@code __name__="name"}, as Prometheus does.
 * {@code offset} and {@code at} are {@code null} when absent.
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, Duration offset, AtModifier at, Span span)
        implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    /** The metric name from before the braces or from an equality matcher on {@code __name__}, else null. */
    public String metricName() {
        if (name != null) {
            return name;
        }
        for (LabelMatcher m : matchers) {
            if (m.name().equals(LabelMatcher.METRIC_NAME) && m.op() == MatchOp.EQUAL) {
                return m.value();
            }
        }
        return null;
    }
}
