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
        add(rule, panel.label(), null, message, null, null);
    }

    /** A finding about one query, without a position inside it. */
    public void query(Rule rule, QueryView query, String message) {
        add(rule, query.location(), query.refId(), message, null, null);
    }

    /** A finding about one query at a 1-based line and column of its expression. */
    public void query(Rule rule, QueryView query, String message, int line, int column) {
        add(rule, query.location(), query.refId(), message, line, column);
    }

    public void add(Rule rule, String panel, String refId, String message, Integer line, Integer column) {
        found.add(new Finding(file, dashboard, panel, refId, rule.id(), rule.severity(), message, line, column));
    }

    public List<Finding> list() {
        return List.copyOf(found);
    }
}
