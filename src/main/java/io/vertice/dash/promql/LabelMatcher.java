package io.vertice.dash.promql;

/**
 * One matcher inside braces, e.g. {@code state="alert"}. A metric name given as {@code {"name"}} or
 * {@code {__name__="name"}} appears as a matcher on {@code __name__}. {@code valueSpan} locates the
 * quoted value (quotes included) in the original text.
 */
public record LabelMatcher(String name, MatchOp op, String value, Span span, Span valueSpan) {
    public static final String METRIC_NAME = "__name__";

    /** Whether this matcher matches series that lack the label (i.e. it matches the empty string). */
    public boolean matchesEmpty() {
        return switch (op) {
            case EQUAL -> value.isEmpty();
            case NOT_EQUAL -> !value.isEmpty();
            case REGEX -> Regexes.matchesEmpty(value);
            case NOT_REGEX -> !Regexes.matchesEmpty(value);
        };
    }

    /** Whether a series whose label has {@code labelValue} ("" when it lacks the label) is selected, as Prometheus decides (RE2, anchored). */
    public boolean matches(String labelValue) {
        return switch (op) {
            case EQUAL -> value.equals(labelValue);
            case NOT_EQUAL -> !value.equals(labelValue);
            case REGEX -> Regexes.matches(value, labelValue);
            case NOT_REGEX -> !Regexes.matches(value, labelValue);
        };
    }
}
