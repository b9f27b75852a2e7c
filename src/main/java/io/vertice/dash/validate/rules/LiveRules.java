package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Rule;
import io.vertice.dash.validate.Severity;

import java.util.List;

/** The findings of {@code --live}: queries run against a real Prometheus (see {@code LiveChecker}). */
public final class LiveRules {
    private LiveRules() {
    }

    /** A selector of the query matches no series; the message says why (metric, label or value missing). */
    public static final Rule NO_DATA = new Descriptor("live-no-data", Severity.ERROR,
            "The panel is empty in production: a metric, label or label value the query needs is not there.");

    /** Every selector matches series, yet the whole query returns nothing right now. */
    public static final Rule EMPTY_RESULT = new Descriptor("live-empty-result", Severity.WARNING,
            "The series exist but the expression returns nothing (a join, filter or too short window removes everything).");

    /** Prometheus rejected the query after Grafana's variables were filled in. */
    public static final Rule QUERY_ERROR = new Descriptor("live-query-error", Severity.ERROR,
            "Prometheus refuses the query as Grafana would send it (e.g. a variable value that breaks the syntax).");

    /** One branch of an {@code or} has no data while another has: how dashboards survive a metric rename. */
    public static final Rule BRANCH_MISSING = new Descriptor("live-branch-missing", Severity.INFO,
            "One branch of \"or\" selects nothing here, another has data: the panel shows data (dashboards query old and new names across a rename).");

    public static List<Rule> all() {
        return List.of(NO_DATA, EMPTY_RESULT, QUERY_ERROR, BRANCH_MISSING);
    }

    private record Descriptor(String id, Severity severity, String why) implements Rule {
    }
}
