package io.vertice.dash.promql;

/**
 * Where a node sits in the ORIGINAL text (before Grafana variables were substituted): character
 * offsets {@code [start, end)} and the 1-based line and column of {@code start}.
 */
public record Span(int start, int end, int line, int column) {
    public Span(int start, int end) {
        this(start, end, 1, start + 1);
    }

    public int length() {
        return end - start;
    }
}
