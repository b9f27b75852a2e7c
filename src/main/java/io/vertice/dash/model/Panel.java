package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/** A panel placed on the grid with its id: what the dashboard builder makes of a {@link PanelSpec}. */
public record Panel(int id, GridPos gridPos, PanelSpec spec) implements DashboardElement {

    public String title() {
        return spec.title();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        boolean hasQueries = spec.type() != PanelType.TEXT;
        if (hasQueries) {
            n.set("datasource", spec.datasource().toJson());
        }
        n.put("description", spec.description());
        if (hasQueries) {
            ObjectNode fieldConfig = n.putObject("fieldConfig");
            ObjectNode defaults = spec.fieldDefaults();
            if (spec.custom() != null) {
                defaults.set("custom", spec.custom());
            }
            fieldConfig.set("defaults", defaults);
            ArrayNode overrides = fieldConfig.putArray("overrides");
            spec.overrides().forEach(o -> overrides.add(o.toJson()));
        }
        n.set("gridPos", gridPos.toJson());
        n.put("id", id);
        if (spec.interval() != null) {
            n.put("interval", spec.interval());
        }
        if (!spec.links().isEmpty()) {
            ArrayNode links = n.putArray("links");
            spec.links().forEach(l -> links.add(l.toPanelJson()));
        }
        if (spec.maxDataPoints() != null) {
            n.put("maxDataPoints", spec.maxDataPoints());
        }
        if (spec.repeat() != null) {
            if (spec.repeat().maxPerRow() != null) {
                n.put("maxPerRow", spec.repeat().maxPerRow());
            }
        }
        n.set("options", spec.options());
        if (spec.repeat() != null) {
            n.put("repeat", spec.repeat().variable());
            n.put("repeatDirection", spec.repeat().direction().json);
        }
        if (hasQueries) {
            ArrayNode targets = n.putArray("targets");
            spec.targets().forEach(q -> targets.add(q.toJson(spec.datasource())));
        }
        n.put("title", spec.title());
        if (!spec.transformations().isEmpty()) {
            ArrayNode transformations = n.putArray("transformations");
            spec.transformations().forEach(t -> transformations.add(t.toJson()));
        }
        n.put("type", spec.type().pluginId());
        return n;
    }
}
