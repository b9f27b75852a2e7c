package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/** A transformation of query results (Grafana's {@code transformations} list), by id and options. */
public record Transformation(String id, ObjectNode options) {

    public Transformation {
        options = options.deepCopy();
    }

    @Override
    public ObjectNode options() {
        return options.deepCopy();
    }

    /**
     * Grafana's "Organize fields": each argument either hides a column ("Time") or renames one
     * ("event_type:Event").
     */
    public static Transformation organize(String... hiddenOrRenamed) {
        ObjectNode options = Json.object();
        ObjectNode exclude = options.putObject("excludeByName");
        options.putObject("indexByName");
        ObjectNode rename = options.putObject("renameByName");
        for (String spec : hiddenOrRenamed) {
            int colon = spec.indexOf(':');
            if (colon < 0) {
                exclude.put(spec, true);
            } else {
                rename.put(spec.substring(0, colon), spec.substring(colon + 1));
            }
        }
        return new Transformation("organize", options);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.set("options", options.deepCopy());
        return n;
    }
}
