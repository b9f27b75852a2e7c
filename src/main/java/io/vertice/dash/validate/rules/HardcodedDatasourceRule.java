package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.AnnotationView;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.TargetView;
import io.vertice.dash.validate.VariableView;

import java.util.List;

/**
 * A panel, target or annotation bound to one fixed datasource (uid or name) instead of the dashboard's
 * datasource variable; also panels that fall back to the default datasource while a variable exists.
 */
public final class HardcodedDatasourceRule implements DashboardRule {
    @Override
    public String id() {
        return "datasource-hardcoded";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String why() {
        return "A fixed datasource uid breaks the dashboard in every other Grafana and ignores the datasource picker; use ${datasource}.";
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        List<VariableView> dsVars = dashboard.datasourceVariables();
        String advice = dsVars.isEmpty()
                ? "add a datasource variable (type datasource, query prometheus) and use ${datasource}."
                : "use ${" + dsVars.get(0).name() + "}.";
        for (PanelView p : dashboard.panels()) {
            if (p.isRow() || p.targets().isEmpty()) {
                continue;
            }
            DatasourceRef ds = p.datasource();
            if (ds != null && ds.isHardCoded()) {
                out.panel(this, p, "uses the fixed datasource " + ds.describe() + "; " + advice);
            } else if (ds == null && !dsVars.isEmpty() && p.targets().stream().allMatch(t -> t.datasource() == null)) {
                out.panel(this, p, "has no datasource, so it queries Grafana's default one; " + advice);
            }
            for (TargetView t : p.targets()) {
                DatasourceRef tds = t.datasource();
                if (tds != null && tds.isHardCoded() && !(ds != null && tds.equals(ds))) {
                    out.add(this, p.label(), t.refId(), "query uses the fixed datasource " + tds.describe() + "; " + advice,
                            null, null);
                }
            }
        }
        for (AnnotationView a : dashboard.annotations()) {
            if (!a.builtIn() && a.datasource() != null && a.datasource().isHardCoded()) {
                out.add(this, "annotation " + a.name(), null, "uses the fixed datasource " + a.datasource().describe()
                        + "; " + advice, null, null);
            }
        }
    }
}
