package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.HashMap;
import java.util.Map;

/** Two panels (rows included, collapsed ones too) with the same id. */
@RuleInfo(
        id = "duplicate-panel-id",
        severity = Severity.ERROR,
        summary = "links, repeats and library panels land on the wrong panel",
        why =
                "Grafana addresses panels by id (view/edit links, repeats, library panels); a duplicate makes them land on the wrong panel.",
        failing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "text", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}},
            {"id": 1, "type": "text", "title": "B", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4}}""")
        },
        passing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "text", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}},
            {"id": 2, "type": "text", "title": "B", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4}}""")
        })
public final class DuplicatePanelIdRule implements DashboardRule {
    @Override
    public void check(DashboardView dashboard, Findings out) {
        Map<Integer, PanelView> seen = new HashMap<>();
        for (PanelView p : dashboard.panels()) {
            if (p.id() == null) {
                continue;
            }
            PanelView first = seen.putIfAbsent(p.id(), p);
            if (first != null) {
                out.panel(
                        this,
                        p,
                        "panel id " + p.id() + " is also used by \"" + first.label()
                                + "\"; give every panel a unique id.");
            }
        }
    }
}
