package io.vertice.dash.validate;

import io.vertice.dash.promql.Dialect;
import io.vertice.dash.promql.ParsedQuery;
import java.util.List;
import java.util.Map;

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
 * @param parsed     the parse result; null when the expression has a syntax or type error, or parses only with
 *                   its variables' values filled in (see {@link QuerySyntax})
 * @param error      the syntax or type error; null when it parsed
 * @param variable   the query variable whose {@code label_values(EXPR, LABEL)} or {@code query_result(EXPR)}
 *                   this is (then {@code expr} is EXPR and positions are inside it); null otherwise
 * @param variableLabel the LABEL of {@code label_values}; null otherwise
 * @param dialect    the query language of its datasource
 */
public record QueryView(
        PanelView panel,
        AnnotationView annotation,
        String location,
        String refId,
        String expr,
        List<String> templates,
        boolean hidden,
        ParsedQuery parsed,
        SyntaxError error,
        VariableView variable,
        String variableLabel,
        Dialect dialect) {

    public QueryView {
        templates = List.copyOf(templates);
    }

    /** Parses the expression (Grafana variables understood) and keeps the result or the error. */
    static QueryView of(
            PanelView panel,
            AnnotationView annotation,
            String location,
            String refId,
            String expr,
            List<String> templates,
            boolean hidden,
            Map<String, VariableView> variables,
            Dialect dialect) {
        return of(panel, annotation, location, refId, expr, templates, hidden, null, null, variables, dialect);
    }

    /** A query variable's PromQL: EXPR of {@code label_values(EXPR, LABEL)} or {@code query_result(EXPR)}. */
    static QueryView ofVariable(
            VariableView variable, String expr, String label, Map<String, VariableView> variables, Dialect dialect) {
        return of(
                null,
                null,
                "variable " + variable.name(),
                null,
                expr,
                List.of(),
                false,
                variable,
                label,
                variables,
                dialect);
    }

    private static QueryView of(
            PanelView panel,
            AnnotationView annotation,
            String location,
            String refId,
            String expr,
            List<String> templates,
            boolean hidden,
            VariableView variable,
            String label,
            Map<String, VariableView> variables,
            Dialect dialect) {
        QuerySyntax.Result r = QuerySyntax.parse(expr, variables, dialect);
        return new QueryView(
                panel,
                annotation,
                location,
                refId,
                expr,
                templates,
                hidden,
                r.parsed(),
                r.error(),
                variable,
                label,
                dialect);
    }
}
