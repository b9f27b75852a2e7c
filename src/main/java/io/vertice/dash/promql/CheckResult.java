package io.vertice.dash.promql;

/**
 * The verdict on one expression for {@code dash promql check}: valid, or the error with its line and
 * column inside the expression and a caret excerpt.
 */
public record CheckResult(String expression, boolean valid, String error, int line, int column, String excerpt) {

    /** Parses {@code expression} as a Grafana query (variables allowed) and reports the verdict. */
    public static CheckResult of(String expression) {
        try {
            PromQL.parseGrafana(expression);
            return new CheckResult(expression, true, null, 0, 0, null);
        } catch (PromqlException e) {
            return invalid(expression, e);
        }
    }

    /** The verdict for an expression that failed with {@code e}. */
    public static CheckResult invalid(String expression, PromqlException e) {
        return new CheckResult(expression, false, e.message(), e.line(), e.column(), e.excerpt());
    }
}
