package io.vertice.dash.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a datasource: its plugin type and its uid, which may name a variable
 * ({@code ${datasource}}). Read from a file, it may be an object {@code {"type", "uid"}} (schema 33+)
 * or a plain name string (older exports).
 *
 * @param type the plugin type, e.g. {@code prometheus}; null when the JSON does not say
 * @param uid  the uid, or the name for the legacy string form; null for "the default datasource"
 */
public record DatasourceRef(String type, String uid) {

    /** The Prometheus datasource chosen by the dashboard's {@code datasource} variable. */
    public static final DatasourceRef PROMETHEUS_VARIABLE = new DatasourceRef("prometheus", "${datasource}");

    /** Grafana's own datasource, used by the built-in annotations. */
    public static final DatasourceRef GRAFANA = new DatasourceRef("grafana", "-- Grafana --");

    private static final Pattern VARIABLE = Pattern.compile(
            "^\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}$|^\\$([A-Za-z0-9_]+)$|^\\[\\[([A-Za-z0-9_]+)(?::[^]]*)?]]$");

    /** Reads the JSON value of a {@code datasource} field; null when absent or JSON null. */
    public static DatasourceRef of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return new DatasourceRef(null, node.asText());
        }
        if (node.isObject()) {
            String type = text(node, "type");
            String uid = text(node, "uid");
            if (type == null && uid == null) {
                return null;
            }
            return new DatasourceRef(type, uid);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** The variable this reference points at ({@code datasource} for {@code ${datasource}}), or null. */
    public String variableName() {
        if (uid == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(uid.trim());
        if (!m.matches()) {
            return null;
        }
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** Grafana's pseudo datasources: mixed, the built-in Grafana one, the dashboard datasource. */
    public boolean isSpecial() {
        if (uid != null
                && (uid.equals("-- Mixed --")
                        || uid.equals("-- Grafana --")
                        || uid.equals("-- Dashboard --")
                        || uid.equals("grafana"))) {
            return true;
        }
        return type != null && (type.equals("datasource") || type.equals("grafana"));
    }

    /** A fixed uid or name: neither a variable, a pseudo datasource, nor "the default". */
    public boolean isHardCoded() {
        return uid != null && variableName() == null && !isSpecial();
    }

    /** How a user would recognise it in a message. */
    public String describe() {
        return type == null ? '"' + uid + '"' : type + " \"" + uid + '"';
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("type", type);
        n.put("uid", uid);
        return n;
    }
}
