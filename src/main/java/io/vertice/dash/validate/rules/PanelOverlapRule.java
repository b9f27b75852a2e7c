package io.vertice.dash.validate.rules;

import io.vertice.dash.model.GridPos;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.List;

/**
 * Two panels of the same grid that cover the same cells. The panels a collapsed row holds form a grid of
 * their own (Grafana keeps their expanded positions), so they are compared only with each other.
 */
@RuleInfo(
        id = "panel-overlap",
        severity = Severity.ERROR,
        summary = "Grafana pushes overlapping panels down",
        why = "Grafana pushes overlapping panels down, so the dashboard renders differently from its definition.",
        failing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "text", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}},
            {"id": 2, "type": "text", "title": "B", "gridPos": {"x": 6, "y": 4, "w": 12, "h": 8}}""")
        },
        passing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "text", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}},
            {"id": 2, "type": "text", "title": "B", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8}}""")
        })
public final class PanelOverlapRule implements DashboardRule {
    @Override
    public void check(DashboardView dashboard, Findings out) {
        List<PanelView> placed =
                dashboard.panels().stream().filter(p -> p.gridPos() != null).toList();
        for (int i = 0; i < placed.size(); i++) {
            PanelView a = placed.get(i);
            for (int j = i + 1; j < placed.size(); j++) {
                PanelView b = placed.get(j);
                if (a.layout() != b.layout()) {
                    continue;
                }
                GridPos ga = a.gridPos();
                GridPos gb = b.gridPos();
                if (ga.w() > 0 && ga.h() > 0 && gb.w() > 0 && gb.h() > 0 && ga.overlaps(gb)) {
                    out.panel(
                            this,
                            b,
                            "gridPos " + gb + " overlaps \"" + a.label() + "\" (" + ga + "); move one of them.");
                }
            }
        }
    }
}
