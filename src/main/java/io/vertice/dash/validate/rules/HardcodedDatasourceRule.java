package io.vertice.dash.validate.rules;

import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.validate.AnnotationView;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.TargetView;
import io.vertice.dash.validate.VariableView;
import java.util.List;

/**
 * A panel, target or annotation bound to one fixed datasource (uid or name) instead of the dashboard's
 * datasource variable; also panels that fall back to the default datasource while a variable exists. Only
 * Prometheus panels, targets and annotations (or those whose type is unknown) are advised.
 */
@RuleInfo(
        id = "datasource-hardcoded",
        severity = Severity.WARNING,
        summary = "a fixed datasource uid breaks in other Grafanas and ignores the datasource picker",
        why =
                "A fixed datasource uid breaks the dashboard in every other Grafana and ignores the datasource picker; use ${datasource}. Only Prometheus panels get this advice.",
        failing = {
            @Example(
                    panels =
                            """
            {"id": 1, "type": "timeseries", "title": "P1", "description": "d", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
             "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}, "targets": [{"refId": "A", "expr": "maximus_arousal_level"}]}""")
        },
        passing = {
            @Example(expr = "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}"),
            @Example(
                    panels =
                            """
            {"id": 1, "type": "table", "title": "P1", "description": "d", "datasource": {"type": "grafana-clickhouse-datasource", "uid": "ch1"},
             "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}, "targets": [{"refId": "A", "rawSql": "SELECT 1"}]}""",
                    note = "a ClickHouse panel")
        })
public final class HardcodedDatasourceRule implements DashboardRule {
    @Override
    public void check(DashboardView dashboard, Findings out) {
        List<VariableView> dsVars = dashboard.datasourceVariables();
        String advice = dsVars.isEmpty()
                ? "add a datasource variable (type datasource, query prometheus) and use ${datasource}."
                : "use ${" + dsVars.get(0).name() + "}.";
        for (PanelView p : dashboard.panels()) {
            DatasourceRef ds = p.datasource();
            if (p.isRow() || p.targets().isEmpty() || (ds != null && !ds.isSpecial() && !dashboard.isPrometheus(ds))) {
                continue; // advice about a Prometheus variable is for Prometheus panels only
            }
            if (ds != null && ds.isHardCoded()) {
                out.panel(this, p, "uses the fixed datasource " + ds.describe() + "; " + advice);
            } else if (ds == null && !dsVars.isEmpty() && p.targets().stream().allMatch(t -> t.datasource() == null)) {
                out.panel(this, p, "has no datasource, so it queries Grafana's default one; " + advice);
            }
            for (TargetView t : p.targets()) {
                DatasourceRef tds = t.datasource();
                if (tds != null
                        && tds.isHardCoded()
                        && dashboard.isPrometheus(tds)
                        && !(ds != null && tds.equals(ds))) {
                    out.target(
                            this,
                            p,
                            t.refId(),
                            "query uses the fixed datasource " + tds.describe() + "; " + advice,
                            null,
                            null);
                }
            }
        }
        for (AnnotationView a : dashboard.annotations()) {
            if (!a.builtIn()
                    && a.datasource() != null
                    && a.datasource().isHardCoded()
                    && dashboard.isPrometheus(a.datasource())) {
                out.add(
                        this,
                        "annotation " + a.name(),
                        null,
                        "uses the fixed datasource " + a.datasource().describe() + "; " + advice,
                        null,
                        null);
            }
        }
    }
}
