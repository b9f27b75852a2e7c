package io.vertice.dash.promql;

import java.util.Locale;

/** Aggregation operators; {@code paramType} is the type of the first argument when one is taken. */
public enum AggregationOp {
    SUM(null),
    AVG(null),
    COUNT(null),
    MIN(null),
    MAX(null),
    GROUP(null),
    STDDEV(null),
    STDVAR(null),
    TOPK(ValueType.SCALAR),
    BOTTOMK(ValueType.SCALAR),
    QUANTILE(ValueType.SCALAR),
    COUNT_VALUES(ValueType.STRING);

    private final ValueType paramType;

    AggregationOp(ValueType paramType) {
        this.paramType = paramType;
    }

    /** The parameter's type, or null for operators without a parameter. */
    public ValueType paramType() {
        return paramType;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup, as Prometheus treats aggregation keywords; null when not an operator. */
    public static AggregationOp of(String word) {
        if (word.length() < 3 || word.length() > 12) {
            return null;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "sum" -> SUM;
            case "avg" -> AVG;
            case "count" -> COUNT;
            case "min" -> MIN;
            case "max" -> MAX;
            case "group" -> GROUP;
            case "stddev" -> STDDEV;
            case "stdvar" -> STDVAR;
            case "topk" -> TOPK;
            case "bottomk" -> BOTTOMK;
            case "quantile" -> QUANTILE;
            case "count_values" -> COUNT_VALUES;
            default -> null;
        };
    }
}
