package io.vertice.dash.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import io.vertice.dash.model.Dashboard;

/** A dashboard rendered to Grafana JSON, ready to write, validate or push. */
public record RenderedDashboard(String uid, String title, int panelCount, ObjectNode json) {

    public RenderedDashboard {
        json = json.deepCopy();
    }

    public static RenderedDashboard of(Dashboard d) {
        return new RenderedDashboard(d.uid(), d.title(), d.panels().size(), d.toJson());
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
}
