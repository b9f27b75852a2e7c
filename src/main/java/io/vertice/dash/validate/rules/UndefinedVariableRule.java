package io.vertice.dash.validate.rules;

import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.validate.AnnotationView;
import io.vertice.dash.validate.BuiltInVariables;
import io.vertice.dash.validate.DashboardRule;
import io.vertice.dash.validate.DashboardView;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.PanelView;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.TargetView;
import io.vertice.dash.validate.VariableView;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@code $var}, {@code ${var}}, {@code ${var:fmt}} or {@code [[var]]} that no templating variable defines
 * (Grafana's own, like {@code $__rate_interval}, are defined). Looks in expressions, legends, titles,
 * repeats, datasources, annotation queries and variable queries.
 */
@RuleInfo(
        id = "undefined-variable",
        severity = Severity.ERROR,
        summary = "Grafana leaves an unknown `$var` in the query text",
        why =
                "Grafana leaves an unknown $variable in the text, so the query fails or the title shows a raw placeholder. Names declared in __inputs are filled on import, and an escaped \\$ is literal.",
        failing = {
            @Example(expr = "maximus_arousal_level{environment=\"$enviroment\"}", note = "a typo in the variable name")
        },
        passing = {
            @Example(
                    expr =
                            "maximus_arousal_level{environment=\"$environment\", service_name=~\"${service:regex}\"} * $__range_s"),
            @Example(
                    expr =
                            "label_replace(maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}, \"x\", \"$1\", \"service_name\", \"(.*)\")",
                    note = "$1 is a regex group")
        })
public final class UndefinedVariableRule implements DashboardRule {
    /** Where a finding goes: a panel (with its id) or an annotation or variable. */
    @FunctionalInterface
    private interface Place {
        void report(String refId, String message, Integer line, Integer column);
    }

    @Override
    public void check(DashboardView dashboard, Findings out) {
        Set<String> defined = new HashSet<>(dashboard.variables().keySet());
        defined.addAll(dashboard.importInputs());
        for (PanelView p : dashboard.panels()) {
            Place panel = (refId, message, line, column) -> out.target(this, p, refId, message, line, column);
            report(defined, p.title(), "title", panel, null);
            if (p.repeat() != null && !defined.contains(p.repeat())) {
                out.panel(
                        this, p, "repeats over variable \"" + p.repeat() + "\", which the dashboard does not define.");
            }
            report(defined, datasourceText(p.datasource()), "datasource", panel, null);
            for (TargetView t : p.targets()) {
                if (t.expr() != null) {
                    reportInExpression(dashboard, defined, t.expr(), panel, t.refId());
                }
                report(defined, t.legendFormat(), "legend", panel, t.refId());
                report(defined, datasourceText(t.datasource()), "datasource", panel, t.refId());
            }
        }
        for (AnnotationView a : dashboard.annotations()) {
            String where = "annotation " + a.name();
            Place annotation = (refId, message, line, column) -> out.add(this, where, refId, message, line, column);
            if (a.expr() != null) {
                reportInExpression(dashboard, defined, a.expr(), annotation, null);
            }
            report(defined, a.titleFormat(), "title format", annotation, null);
            report(defined, a.textFormat(), "text format", annotation, null);
        }
        for (VariableView v : dashboard.variables().values()) {
            if (!v.type().equals("datasource")) { // a datasource variable's query is a plugin type
                report(
                        defined,
                        v.query(),
                        "query",
                        (refId, message, line, column) ->
                                out.add(this, "variable " + v.name(), refId, message, line, column),
                        null);
            }
        }
    }

    /**
     * Neither defined nor Grafana's own. A {@code \$name} is meant literally (a dollar in a regex): Grafana leaves
     * an unknown name in the text, which is then exactly what the author wrote.
     */
    private static boolean undefined(Set<String> defined, String text, VariableUse use) {
        boolean escaped = use.start() > 0 && text.charAt(use.start() - 1) == '\\';
        return !escaped && !defined.contains(use.name()) && !BuiltInVariables.contains(use.name());
    }

    private static String datasourceText(DatasourceRef ds) {
        return ds == null ? null : ds.uid();
    }

    private static String message(String field, String name) {
        return "the " + field + " uses $" + name
                + ", which the dashboard does not define; add the variable or fix the name.";
    }

    /** Each undefined name of a text once, without position. */
    private static void report(Set<String> defined, String text, String field, Place place, String refId) {
        Set<String> missing = new LinkedHashSet<>();
        for (VariableUse r : GrafanaVariables.find(text)) {
            if (undefined(defined, text, r)) {
                missing.add(r.name());
            }
        }
        missing.forEach(name -> place.report(refId, message(field, name), null, null));
    }

    /** Every undefined use in a query, at its position; the parser's variable list when the expression parsed. */
    private static void reportInExpression(
            DashboardView dashboard, Set<String> defined, String expr, Place place, String refId) {
        ParsedQuery parsed = dashboard.parsed(expr);
        for (VariableUse v : parsed != null ? parsed.variables() : GrafanaVariables.find(expr)) {
            if (undefined(defined, expr, v)) {
                place.report(refId, message("query", v.name()), v.line(), v.column());
            }
        }
    }
}
