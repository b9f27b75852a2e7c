package io.vertice.dash.validate.rules;

import io.vertice.dash.model.GridPos;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;

/**
 * A panel outside Grafana's 24-column grid, of zero size, or without a position at all. Pre-v16 {@code rows[]}
 * dashboards and row panels are laid out by Grafana itself, so only their positions could be wrong.
 */
@RuleInfo(
        id = "panel-off-grid",
        severity = Severity.ERROR,
        summary = "Grafana moves or resizes panels that do not fit the 24-column grid",
        why =
                "Grafana silently moves or resizes panels that do not fit its 24-column grid, so the layout you wrote is not the one users see. Pre-v16 rows[] dashboards (span) and row panels (always full width) are laid out by Grafana itself.",
        failing = {
            @Example(
                    panels =
                            """
{"id": 1, "type": "text", "title": "A", "gridPos": {"x": 14, "y": 0, "w": 12, "h": 4}}""",
                    note = "ends at column 26")
        },
        passing = {
            @Example(
                    panels =
                            """
{"id": 1, "type": "text", "title": "A", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4}}"""),
            @Example(
                    panels = """
{"id": 1, "type": "row", "title": "R", "gridPos": {"x": 0, "y": 0, "w": 0, "h": 1}}""",
                    note = "a row is drawn full width")
        })
public final class PanelOffGridRule implements DashboardRule {
    @Override
    public void check(DashboardView dashboard, Findings out) {
        for (PanelView p : dashboard.panels()) {
            GridPos g = p.gridPos();
            if (p.legacyLayout()) {
                continue; // a pre-v16 rows[] panel: Grafana computes its place from span
            }
            if (g == null) {
                out.panel(this, p, "has no gridPos; give it x, y, w and h on the 24-column grid.");
                continue;
            }
            String problem = p.isRow() ? rowProblem(g) : g.offGridReason();
            if (problem != null) {
                out.panel(this, p, "gridPos " + g + " " + problem + ".");
            }
        }
    }

    /** Grafana draws every row full width and one unit high, whatever its w and h say; only a position can be wrong. */
    private static String rowProblem(GridPos g) {
        return g.x() < 0 || g.y() < 0 ? "has a negative position; x and y start at 0" : null;
    }
}
