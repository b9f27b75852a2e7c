package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.model.GridPos;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.Severity;

/** A panel outside Grafana's 24-column grid, of zero size, or without a position at all. */
public final class PanelOffGridRule implements DashboardRule {
    @Override
    public String id() {
        return "panel-off-grid";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "Grafana silently moves or resizes panels that do not fit its 24-column grid, so the layout you wrote is not the one users see.";
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        boolean legacyRows = dashboard.json().has("rows") && !dashboard.json().has("panels");
        for (PanelView p : dashboard.panels()) {
            GridPos g = p.gridPos();
            if (g == null) {
                if (!legacyRows) {
                    out.panel(this, p, "has no gridPos; give it x, y, w and h on the 24-column grid.");
                }
                continue;
            }
            String problem = g.offGridReason();
            if (problem != null) {
                out.panel(this, p, "gridPos " + g + " " + problem + ".");
            }
        }
    }
}
