package io.vertice.dash.validate.rules;

import static io.vertice.dash.validate.RuleHarness.dashboard;
import static io.vertice.dash.validate.RuleHarness.panel;
import static io.vertice.dash.validate.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.validate.Finding;
import io.vertice.dash.validate.Rule;
import java.util.List;

/**
 * One named row of a rule's test table: a dashboard, and either no finding ({@code expected} null) or exactly
 * one finding of the rule whose message contains {@code expected} (at {@code column} of the query when set).
 */
record RuleCase(String name, String json, String expected, Integer column) {

    /** The query, alone in one panel of the harness dashboard, is reported with this message part. */
    static RuleCase reports(String name, String expr, String expected) {
        return new RuleCase(name, dashboard(panel(1, 0, 0, expr, null)), expected, null);
    }

    static RuleCase reportsAt(String name, String expr, String expected, int column) {
        return new RuleCase(name, dashboard(panel(1, 0, 0, expr, null)), expected, column);
    }

    /** The query, alone in one panel, is accepted. */
    static RuleCase passes(String name, String expr) {
        return new RuleCase(name, dashboard(panel(1, 0, 0, expr, null)), null, null);
    }

    /** A query with a legend template. */
    static RuleCase legend(String name, String expr, String legend, String expected) {
        return new RuleCase(name, dashboard(panel(1, 0, 0, expr, legend)), expected, null);
    }

    /** A whole dashboard. */
    static RuleCase json(String name, String dashboardJson, String expected) {
        return new RuleCase(name, dashboardJson, expected, null);
    }

    void check(Rule rule) {
        List<Finding> found = run(rule, json);
        if (expected == null) {
            assertThat(found).as(name).isEmpty();
            return;
        }
        assertThat(found).as(name).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(rule.id());
            if (f.message().startsWith("hidden, ") || f.message().startsWith("not checked as MetricsQL")) {
                assertThat(f.severity())
                        .as("a query Grafana does not send, or MetricsQL")
                        .isEqualTo(io.vertice.dash.validate.Severity.INFO);
            } else {
                assertThat(f.severity()).isEqualTo(rule.severity());
            }
            assertThat(f.message()).contains(expected);
            if (column != null) {
                assertThat(f.line()).isEqualTo(1);
                assertThat(f.column()).isEqualTo(column);
            }
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
