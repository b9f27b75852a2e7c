package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/**
 * A row header across the grid. An expanded row's panels follow it in the dashboard's panel list;
 * a collapsed row carries its panels inside, as Grafana stores them.
 */
public record Row(int id, GridPos gridPos, String title, boolean collapsed, List<Panel> panels)
        implements DashboardElement {

    public Row {
        panels = List.copyOf(panels);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("collapsed", collapsed);
        n.set("gridPos", gridPos.toJson());
        n.put("id", id);
        ArrayNode inner = n.putArray("panels");
        panels.forEach(p -> inner.add(p.toJson()));
        n.put("title", title);
        n.put("type", "row");
        return n;
    }
}
