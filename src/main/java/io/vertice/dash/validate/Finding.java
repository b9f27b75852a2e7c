package io.vertice.dash.validate;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in one dashboard.
 *
 * @param file      the file (or source name) the dashboard came from
 * @param dashboard the dashboard title (uid when untitled)
 * @param panel     the panel title, "annotation NAME" or "variable NAME"; null for dashboard-wide findings
 * @param panelId   the panel's id, null when the finding is not about a panel or the panel has none (real
 *                  dashboards often give several panels one title, so text output shows both)
 * @param refId     the query's refId; null when the finding is not about one query
 * @param rule      the rule id, e.g. {@code unknown-metric}
 * @param line      1-based line inside the expression, null when the finding has no position
 * @param column    1-based column inside the expression, null when the finding has no position
 */
public record Finding(
        String file,
        String dashboard,
        String panel,
        Integer panelId,
        String refId,
        String rule,
        Severity severity,
        String message,
        Integer line,
        Integer column) {

    /** File, dashboard, panel, query, position, rule, message: the order every output format uses. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(
                    Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::dashboard, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::panel, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::panelId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::refId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::line, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::column, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A finding without a panel id. */
    public Finding(
            String file,
            String dashboard,
            String panel,
            String refId,
            String rule,
            Severity severity,
            String message,
            Integer line,
            Integer column) {
        this(file, dashboard, panel, null, refId, rule, severity, message, line, column);
    }

    /** This finding at another severity ({@code .dash.yaml} overrides). */
    public Finding withSeverity(Severity other) {
        return new Finding(file, dashboard, panel, panelId, refId, rule, other, message, line, column);
    }

    /** Where the finding is, as "file: dashboard › panel (id N) › refId". */
    public String location() {
        StringBuilder b = new StringBuilder();
        b.append(file == null ? "-" : file).append(": ").append(dashboard == null ? "-" : dashboard);
        if (panel != null) {
            b.append(" › ").append(panel);
            if (panelId != null) {
                b.append(" (id ").append(panelId).append(')');
            }
        }
        if (refId != null) {
            b.append(" › ").append(refId);
        }
        return b.toString();
    }
}
