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
 */
public record Query(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                    List<String> templates, boolean hidden, ParsedQuery parsed, PromqlException error) {

    public Query {
        templates = List.copyOf(templates);
    }

    /** Parses the expression (Grafana variables understood) and keeps the result or the error. */
    static Query of(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                    List<String> templates, boolean hidden) {
        ParsedQuery parsed = null;
        PromqlException error = null;
        try {
            parsed = PromQL.parseGrafana(expr);
        } catch (PromqlException e) {
            error = e;
        }
        return new Query(panel, annotation, location, refId, expr, templates, hidden, parsed, error);
    }
}
