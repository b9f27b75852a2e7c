package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.Severity;

/** A panel without a description (rows and text panels, whose content is the text, are exempt). */
public final class PanelDescriptionRule implements DashboardRule {
    @Override
    public String id() {
        return "panel-description";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public String why() {
        return "The description is the panel's (i) tooltip: what it shows, how to read it, what is normal; on-call needs it at 3 a.m.";
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        for (PanelView p : dashboard.panels()) {
            if (p.isRow() || p.type().equals("text") || p.description() != null) {
                continue;
            }
            out.panel(this, p, "has no description; say what it shows, how to read it and what is normal.");
        }
    }
}
