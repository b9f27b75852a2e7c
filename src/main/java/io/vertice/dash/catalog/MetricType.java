package io.vertice.dash.catalog;

import java.util.Locale;

/** Metric types as exposition formats name them. */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    GAUGEHISTOGRAM,
    SUMMARY,
    STATESET,
    INFO,
    UNKNOWN;

    /** Parses a {@code # TYPE} word; anything unrecognised is {@link #UNKNOWN} ("untyped" too). */
    public static MetricType parse(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT).replace("_", ""));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
