package io.vertice.dash.promql;

import static io.vertice.dash.promql.ValueType.MATRIX;
import static io.vertice.dash.promql.ValueType.SCALAR;
import static io.vertice.dash.promql.ValueType.STRING;
import static io.vertice.dash.promql.ValueType.VECTOR;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every PromQL function dash accepts: the stable set of Prometheus 2.x and 3.x, plus {@code holt_winters}
 * (2.x; renamed {@code double_exponential_smoothing} in 3.0) and the widely used experimental
 * {@code mad_over_time}, {@code sort_by_label}, {@code sort_by_label_desc}, {@code double_exponential_smoothing}.
 */
public final class Functions {
    private static final Map<String, Function> BY_NAME;

    /**
     * Functions and modifiers that exist in Prometheus only behind feature flags and that dash does not
     * support; using them gives a "not supported" error rather than "unknown function".
     */
    private static final Set<String> UNSUPPORTED = Set.of(
            "info",
            "first_over_time",
            "ts_of_first_over_time",
            "ts_of_last_over_time",
            "ts_of_max_over_time",
            "ts_of_min_over_time",
            "histogram_quantiles",
            "integral",
            "step",
            "range",
            "start",
            "end",
            "min_of",
            "max_of",
            "fill",
            "fill_left",
            "fill_right");

    static {
        Map<String, Function> m = new HashMap<>();
        for (String name : List.of(
                "abs",
                "absent",
                "acos",
                "acosh",
                "asin",
                "asinh",
                "atan",
                "atanh",
                "ceil",
                "cos",
                "cosh",
                "deg",
                "exp",
                "floor",
                "histogram_avg",
                "histogram_count",
                "histogram_sum",
                "histogram_stddev",
                "histogram_stdvar",
                "ln",
                "log10",
                "log2",
                "rad",
                "sgn",
                "sin",
                "sinh",
                "sort",
                "sort_desc",
                "sqrt",
                "tan",
                "tanh",
                "timestamp")) {
            add(m, name, List.of(VECTOR), 0, VECTOR, false);
        }
        for (String name : List.of(
                "absent_over_time",
                "avg_over_time",
                "changes",
                "count_over_time",
                "delta",
                "deriv",
                "idelta",
                "increase",
                "irate",
                "last_over_time",
                "max_over_time",
                "min_over_time",
                "present_over_time",
                "rate",
                "resets",
                "stddev_over_time",
                "stdvar_over_time",
                "sum_over_time")) {
            add(m, name, List.of(MATRIX), 0, VECTOR, false);
        }
        for (String name : List.of(
                "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year")) {
            add(m, name, List.of(VECTOR), 1, VECTOR, false);
        }
        add(m, "clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR, false);
        add(m, "clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        add(m, "clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        add(m, "histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR, false);
        add(m, "histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR, false);
        add(m, "holt_winters", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, false);
        add(m, "double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, true);
        add(m, "label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR, false);
        add(m, "label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR, false);
        add(m, "mad_over_time", List.of(MATRIX), 0, VECTOR, true);
        add(m, "pi", List.of(), 0, SCALAR, false);
        add(m, "predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR, false);
        add(m, "quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR, false);
        add(m, "round", List.of(VECTOR, SCALAR), 1, VECTOR, false);
        add(m, "scalar", List.of(VECTOR), 0, SCALAR, false);
        add(m, "sort_by_label", List.of(VECTOR, STRING), -1, VECTOR, true);
        add(m, "sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR, true);
        add(m, "time", List.of(), 0, SCALAR, false);
        add(m, "vector", List.of(SCALAR), 0, VECTOR, false);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private Functions() {}

    private static void add(
            Map<String, Function> m,
            String name,
            List<ValueType> args,
            int variadic,
            ValueType ret,
            boolean experimental) {
        m.put(name, new Function(name, args, variadic, ret, experimental));
    }

    /** The function with this exact (case-sensitive) name, or null. */
    public static Function get(String name) {
        return BY_NAME.get(name);
    }

    /** All supported functions, sorted by name. */
    public static Collection<Function> all() {
        return Collections.unmodifiableCollection(new TreeMap<>(BY_NAME).values());
    }

    /** Whether Prometheus knows this name only behind a feature flag that dash does not support. */
    static boolean isUnsupported(String name) {
        return UNSUPPORTED.contains(name);
    }
}
