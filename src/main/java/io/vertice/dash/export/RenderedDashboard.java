package io.vertice.dash.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardRegistry;

/**
 * A dashboard rendered to Grafana JSON, ready to write, validate or push.
 *
 * @param definition the class that defines it, e.g. {@code io.vertice.dash.dashboards.EsgtDeepDive}, or null
 *                   for a dashboard built elsewhere (tests)
 */
public record RenderedDashboard(String uid, String title, int panelCount, ObjectNode json, String definition) {

    public RenderedDashboard {
        json = json.deepCopy();
    }

    /** A dashboard no class of ours defines: its messages name its file. */
    public RenderedDashboard(String uid, String title, int panelCount, ObjectNode json) {
        this(uid, title, panelCount, json, null);
    }

    public static RenderedDashboard of(Dashboard d) {
        return new RenderedDashboard(d.uid(), d.title(), d.panels().size(), d.toJson(), null);
    }

    public static RenderedDashboard of(DashboardRegistry.Defined d) {
        Dashboard dashboard = d.dashboard();
        return new RenderedDashboard(
                dashboard.uid(),
                dashboard.title(),
                dashboard.panels().size(),
                dashboard.toJson(),
                d.definition().getName());
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The exact file content: byte-stable JSON. */
    public String text() {
        return Json.write(json);
    }

    /** The file name it is exported under. */
    public String fileName() {
        return uid + ".json";
    }

    /** What a message about its code names: the defining class, else the file it is exported to. */
    public String source() {
        return definition != null ? definition : fileName();
    }
}
