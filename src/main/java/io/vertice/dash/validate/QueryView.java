package io.vertice.dash.validate;

import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.PromqlException;

import java.util.List;

/**
 * One PromQL query of a dashboard: a Prometheus panel target or a Prometheus annotation, parsed once.
 *
 * @param panel      the panel it belongs to; null for annotations
 * @param annotation the annotation it belongs to; null for panel targets
 * @param location   what findings call its owner ("Panel title" or "annotation NAME")
 * @param refId      the target's refId; null for annotations
 * @param expr       the PromQL text as written, Grafana variables included
 * @param templates  the {@code {{label}}} templates applied to its result: legend, or annotation title/text
 * @param hidden     Grafana does not run it ({@code hide: true}, or a disabled annotation)
 * @param parsed     the parse result; null when the expression has a syntax or type error
 * @param error      that error; null when it parsed
 * @param variable   the query variable whose {@code label_values(EXPR, LABEL)} or {@code query_result(EXPR)}
 *                   this is (then {@code expr} is EXPR and positions are inside it); null otherwise
 * @param variableLabel the LABEL of {@code label_values}; null otherwise
 */
public record QueryView(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                    List<String> templates, boolean hidden, ParsedQuery parsed, PromqlException error,
                    VariableView variable, String variableLabel) {

    public QueryView {
        templates = List.copyOf(templates);
    }

    /** Parses the expression (Grafana variables understood) and keeps the result or the error. */
    static QueryView of(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                    List<String> templates, boolean hidden) {
        return of(panel, annotation, location, refId, expr, templates, hidden, null, null);
    }

    /** A query variable's PromQL: EXPR of {@code label_values(EXPR, LABEL)} or {@code query_result(EXPR)}. */
    static QueryView ofVariable(VariableView variable, String expr, String label) {
        return of(null, null, "variable " + variable.name(), null, expr, List.of(), false, variable, label);
    }

    private static QueryView of(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                            List<String> templates, boolean hidden, VariableView variable, String label) {
        ParsedQuery parsed = null;
        PromqlException error = null;
        try {
            parsed = PromQL.parseGrafana(expr);
        } catch (PromqlException e) {
            error = e;
        }
        return new QueryView(panel, annotation, location, refId, expr, templates, hidden, parsed, error, variable, label);
    }
}
