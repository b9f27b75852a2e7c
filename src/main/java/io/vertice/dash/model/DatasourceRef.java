package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/** A reference to a datasource: its plugin type and its uid (which may be a variable, {@code ${datasource}}). */
public record DatasourceRef(String type, String uid) {

    /** The Prometheus datasource chosen by the dashboard's {@code datasource} variable. */
    public static final DatasourceRef PROMETHEUS_VARIABLE = new DatasourceRef("prometheus", "${datasource}");

    /** Grafana's own datasource, used by the built-in annotations. */
    public static final DatasourceRef GRAFANA = new DatasourceRef("grafana", "-- Grafana --");

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("type", type);
        n.put("uid", uid);
        return n;
    }
}
