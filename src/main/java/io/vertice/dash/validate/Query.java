package io.vertice.dash.validate;

import java.util.List;

/**
 * One PromQL query of a dashboard: a Prometheus panel target or a Prometheus annotation.
 *
 * @param panel      the panel it belongs to; null for annotations
 * @param annotation the annotation it belongs to; null for panel targets
 * @param location   what findings call its owner ("Panel title" or "annotation NAME")
 * @param refId      the target's refId; null for annotations
 * @param expr       the PromQL text as written, Grafana variables included
 * @param templates  the {@code {{label}}} templates applied to its result: legend, or annotation title/text
 * @param hidden     Grafana does not run it ({@code hide: true}, or a disabled annotation)
 */
public record Query(PanelView panel, AnnotationView annotation, String location, String refId, String expr,
                    List<String> templates, boolean hidden) {

    public Query {
        templates = List.copyOf(templates);
    }
}
