package io.vertice.dash.promql;

/**
 * A Grafana variable or macro found in an expression: {@code $name}, {@code ${name}},
 * {@code ${name:format}} or {@code [[name]]}. {@code format} is null when none was given;
 * {@code start}/{@code end} are offsets of the whole reference in the original text.
 */
public record VariableUse(String name, String format, int start, int end, int line, int column) {
    /** Grafana's built-in macros ({@code $__rate_interval}, {@code $__range}, ...), always defined. */
    public boolean isBuiltin() {
        return name.startsWith("__");
    }
}
