package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Rule;
import io.vertice.dash.validate.RuleMeta;
import io.vertice.dash.validate.Severity;
import java.util.List;

/**
 * The findings of {@code --live}: queries run against a real Prometheus (see {@code LiveChecker}). They have
 * no class each, so their metadata is built here; they need a server, so they carry no examples.
 */
public final class LiveRules {
    private LiveRules() {}

    /** A selector of the query matches no series; the message says why (metric, label or value missing). */
    public static final Rule NO_DATA = live(
            "live-no-data",
            Severity.ERROR,
            "with `--live`: a metric, label or label value the query needs is missing on the server",
            "The panel is empty in production: a metric, label or label value the query needs is not there.");

    /** Every selector matches series, yet the whole query returns nothing right now. */
    public static final Rule EMPTY_RESULT = live(
            "live-empty-result",
            Severity.WARNING,
            "with `--live`: the series exist but the whole expression returns nothing",
            "The series exist but the expression returns nothing (a join, filter or too short window removes everything).");

    /** Prometheus rejected the query after Grafana's variables were filled in. */
    public static final Rule QUERY_ERROR = live(
            "live-query-error",
            Severity.ERROR,
            "with `--live`: Prometheus refuses the query as Grafana would send it",
            "Prometheus refuses the query as Grafana would send it (e.g. a variable value that breaks the syntax).");

    /** One branch of an {@code or} has no data while another has: how dashboards survive a metric rename. */
    public static final Rule BRANCH_MISSING = live(
            "live-branch-missing",
            Severity.INFO,
            "with `--live`: one branch of `or` selects nothing while another has data",
            "One branch of \"or\" selects nothing here, another has data: the panel shows data (dashboards query old and new names across a rename).");

    public static List<Rule> all() {
        return List.of(NO_DATA, EMPTY_RESULT, QUERY_ERROR, BRANCH_MISSING);
    }

    private static Rule live(String id, Severity severity, String summary, String why) {
        return new Descriptor(new RuleMeta(id, severity, summary, why, "live", List.of(), List.of()));
    }

    private record Descriptor(RuleMeta meta) implements Rule {}
}
