package io.vertice.dash.promql;

/** The {@code @} modifier: a fixed timestamp in seconds, or {@code start()} / {@code end()} of the query range. */
public record AtModifier(Kind kind, double timestamp, Span span) {
    public enum Kind {
        TIMESTAMP,
        START,
        END
    }
}
