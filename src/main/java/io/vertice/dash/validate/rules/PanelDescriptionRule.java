package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;

/** A panel without a description (rows and text panels, whose content is the text, are exempt). */
@RuleInfo(
        id = "panel-description",
        severity = Severity.INFO,
        summary = "the description is on-call's tooltip",
        why =
                "The description is the panel's (i) tooltip: what it shows, how to read it, what is normal; on-call needs it at 3 a.m.",
        failing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "timeseries", "title": "P1", "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}, "targets": [{"refId": "A", "expr": "maximus_arousal_level"}]}""")
        },
        passing = {@Example(expr = "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}")})
public final class PanelDescriptionRule implements DashboardRule {
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
