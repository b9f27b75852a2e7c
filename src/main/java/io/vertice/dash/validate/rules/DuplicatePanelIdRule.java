package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.Severity;

import java.util.HashMap;
import java.util.Map;

/** Two panels (rows included, collapsed ones too) with the same id. */
public final class DuplicatePanelIdRule implements DashboardRule {
    @Override
    public String id() {
        return "duplicate-panel-id";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "Grafana addresses panels by id (view/edit links, repeats, library panels); a duplicate makes them land on the wrong panel.";
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        Map<Integer, PanelView> seen = new HashMap<>();
        for (PanelView p : dashboard.panels()) {
            if (p.id() == null) {
                continue;
            }
            PanelView first = seen.putIfAbsent(p.id(), p);
            if (first != null) {
                out.panel(this, p, "panel id " + p.id() + " is also used by \"" + first.label()
                        + "\"; give every panel a unique id.");
            }
        }
    }
}
