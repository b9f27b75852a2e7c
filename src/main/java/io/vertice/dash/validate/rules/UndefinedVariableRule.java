package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.validate.AnnotationView;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.validate.BuiltInVariables;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.TargetView;
import io.vertice.dash.validate.VariableView;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@code $var}, {@code ${var}}, {@code ${var:fmt}} or {@code [[var]]} that no templating variable defines
 * (Grafana's own, like {@code $__rate_interval}, are defined). Looks in expressions, legends, titles,
 * repeats, datasources, annotation queries and variable queries.
 */
public final class UndefinedVariableRule implements DashboardRule {
    @Override
    public String id() {
        return "undefined-variable";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String why() {
        return "Grafana leaves an unknown $variable in the text, so the query fails or the title shows a raw placeholder.";
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        Set<String> defined = dashboard.variables().keySet();
        for (PanelView p : dashboard.panels()) {
            report(defined, p.title(), "title", p.label(), null, out);
            if (p.repeat() != null && !defined.contains(p.repeat())) {
                out.panel(this, p, "repeats over variable \"" + p.repeat() + "\", which the dashboard does not define.");
            }
            report(defined, datasourceText(p.datasource()), "datasource", p.label(), null, out);
            for (TargetView t : p.targets()) {
                if (t.expr() != null) {
                    reportInExpression(dashboard, defined, t.expr(), p.label(), t.refId(), out);
                }
                report(defined, t.legendFormat(), "legend", p.label(), t.refId(), out);
                report(defined, datasourceText(t.datasource()), "datasource", p.label(), t.refId(), out);
            }
        }
        for (AnnotationView a : dashboard.annotations()) {
            String where = "annotation " + a.name();
            if (a.expr() != null) {
                reportInExpression(dashboard, defined, a.expr(), where, null, out);
            }
            report(defined, a.titleFormat(), "title format", where, null, out);
            report(defined, a.textFormat(), "text format", where, null, out);
        }
        for (VariableView v : dashboard.variables().values()) {
            if (!v.type().equals("datasource")) { // a datasource variable's query is a plugin type
                report(defined, v.query(), "query", "variable " + v.name(), null, out);
            }
        }
    }

    private static String datasourceText(DatasourceRef ds) {
        return ds == null ? null : ds.uid();
    }

    private void report(Set<String> defined, String text, String field, String panel, String refId, Findings out) {
        Set<String> missing = new LinkedHashSet<>();
        for (VariableUse r : GrafanaVariables.find(text)) {
            if (!defined.contains(r.name()) && !BuiltInVariables.contains(r.name())) {
                missing.add(r.name());
            }
        }
        for (String name : missing) {
            out.add(this, panel, refId, "the " + field + " uses $" + name + ", which the dashboard does not define; "
                    + "add the variable or fix the name.", null, null);
        }
    }

    /** Uses the PromQL parser's variable list when the expression parsed, else the plain scanner. */
    private void reportInExpression(DashboardView dashboard, Set<String> defined, String expr, String panel, String refId,
                                    Findings out) {
        ParsedQuery parsed = dashboard.parsed(expr);
        if (parsed == null) {
            reportWithPosition(defined, expr, panel, refId, out);
            return;
        }
        for (VariableUse v : parsed.variables()) {
            if (!v.isBuiltin() && !defined.contains(v.name()) && !BuiltInVariables.contains(v.name())) {
                out.add(this, panel, refId, "the query uses $" + v.name() + ", which the dashboard does not define; "
                        + "add the variable or fix the name.", v.line(), v.column());
            }
        }
    }

    private void reportWithPosition(Set<String> defined, String expr, String panel, String refId, Findings out) {
        for (VariableUse r : GrafanaVariables.find(expr)) {
            if (!defined.contains(r.name()) && !BuiltInVariables.contains(r.name())) {
                out.add(this, panel, refId, "the query uses $" + r.name() + ", which the dashboard does not define; "
                        + "add the variable or fix the name.", r.line(), r.column());
            }
        }
    }
}
