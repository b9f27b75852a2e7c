package io.vertice.dash.validate;

import java.util.ArrayList;
import java.util.List;

/** Where rules put what they find; it knows the file and dashboard so rules only say what and where inside. */
public final class Findings {
    private final String file;
    private final String dashboard;
    private final List<Finding> found = new ArrayList<>();

    public Findings(String file, String dashboard) {
        this.file = file;
        this.dashboard = dashboard;
    }

    /** A finding about the dashboard as a whole. */
    public void dashboard(Rule rule, String message) {
        add(rule, null, null, message, null, null);
    }

    /** A finding about one panel. */
    public void panel(Rule rule, PanelView panel, String message) {
        record(rule, rule.severity(), panel.label(), panel.id(), null, message, null, null);
    }

    /** A finding about one target of a panel, found without parsing it (datasource, legend, variables). */
    public void target(Rule rule, PanelView panel, String refId, String message, Integer line, Integer column) {
        record(rule, rule.severity(), panel.label(), panel.id(), refId, message, line, column);
    }

    /** A finding about one query, without a position inside it. */
    public void query(Rule rule, QueryView query, String message) {
        queryAt(rule, rule.severity(), query, message, null, null);
    }

    /** A finding about one query at a 1-based line and column of its expression. */
    public void query(Rule rule, QueryView query, String message, int line, int column) {
        queryAt(rule, rule.severity(), query, message, line, column);
    }

    /** A finding about one query at another severity than the rule's (a hidden target's: at most info). */
    public void queryAt(Rule rule, Severity severity, QueryView query, String message, Integer line, Integer column) {
        record(
                rule,
                severity,
                query.location(),
                query.panel() == null ? null : query.panel().id(),
                query.refId(),
                message,
                line,
                column);
    }

    /** A finding about something that is not a panel: an annotation or a variable, named by {@code where}. */
    public void add(Rule rule, String where, String refId, String message, Integer line, Integer column) {
        record(rule, rule.severity(), where, null, refId, message, line, column);
    }

    private void record(
            Rule rule,
            Severity severity,
            String panel,
            Integer panelId,
            String refId,
            String message,
            Integer line,
            Integer column) {
        found.add(new Finding(file, dashboard, panel, panelId, refId, rule.id(), severity, message, line, column));
    }

    public List<Finding> list() {
        return List.copyOf(found);
    }
}
