package io.vertice.dash.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.DashException;
import java.util.Locale;

/**
 * The type rules of classic dashboard JSON, as far as dash reads it, decided by what Grafana's own
 * loader does with a value of the wrong type ({@code DashboardModel}, {@code PanelModel}):
 * <ul>
 *   <li>a list dash walks ({@code panels}, {@code rows}, a row's {@code panels}, {@code targets},
 *       {@code templating.list}, {@code annotations.list}) may be absent or null, which Grafana reads as
 *       empty ({@code data.panels ?? []}); any other non-list is an input error naming its JSON path;</li>
 *   <li>an entry of {@code panels} or {@code rows} that is not an object is tolerated: Grafana makes an
 *       empty panel of it ({@code new PanelModel(null)} copies nothing), so it has no query to check;
 *       so is a variable or annotation that is not an object (Grafana drops null variables);</li>
 *   <li>a query ({@code targets[i]}) that is not an object is an input error: Grafana's
 *       {@code ensureQueryIds} sets {@code refId} on it, which fails on null and on a number or string;</li>
 *   <li>{@code uid} is a string when present: it is how Grafana's copy is found.</li>
 * </ul>
 * Other values of the wrong type (a title that is a number, a gridPos that is a string) are read the way
 * Grafana reads them, leniently, by the views that use them.
 */
final class ClassicShape {
    private final String origin;

    private ClassicShape(String origin) {
        this.origin = origin;
    }

    /** Throws {@code DashException.input} (exit 2) naming the file and the JSON path of the first value Grafana cannot load. */
    static void check(JsonNode dashboard, String origin) {
        new ClassicShape(origin).dashboard(dashboard);
    }

    private void dashboard(JsonNode d) {
        JsonNode uid = d.get("uid");
        if (uid != null && !uid.isNull() && !uid.isTextual()) {
            throw wrong("uid", uid, "a string");
        }
        JsonNode panels = list(d, "panels", "", "panels");
        for (int i = 0; i < panels.size(); i++) {
            panel(panels.get(i), "panels[" + i + "]");
        }
        JsonNode rows = list(d, "rows", "", "rows");
        for (int i = 0; i < rows.size(); i++) {
            panel(rows.get(i), "rows[" + i + "]");
        }
        for (String section : new String[] {"templating", "annotations"}) {
            JsonNode s = d.get(section);
            if (s != null && s.isObject()) {
                list(s, "list", section + ".", section.equals("templating") ? "variables" : "annotation queries");
            }
        }
    }

    /** A panel, a row panel, or an old-style row: its queries, and the panels it holds. */
    private void panel(JsonNode p, String path) {
        if (!p.isObject()) {
            return;
        }
        JsonNode targets = list(p, "targets", path + ".", "queries");
        for (int i = 0; i < targets.size(); i++) {
            JsonNode t = targets.get(i);
            if (!t.isObject()) {
                throw wrong(path + ".targets[" + i + "]", t, "an object (a query)");
            }
        }
        JsonNode inner = list(p, "panels", path + ".", "panels");
        for (int i = 0; i < inner.size(); i++) {
            panel(inner.get(i), path + ".panels[" + i + "]");
        }
    }

    /** The list at {@code parent.field}: empty when absent or null, an input error when not an array. */
    private JsonNode list(JsonNode parent, String field, String prefix, String of) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!v.isArray()) {
            throw wrong(prefix + field, v, "a list (JSON array) of " + of);
        }
        return v;
    }

    private DashException wrong(String path, JsonNode value, String expected) {
        return DashException.input(origin + " is not a dashboard Grafana can load: " + path + " is " + describe(value)
                + ", where Grafana expects " + expected + "; fix or remove it.");
    }

    /** "a string (\"x\")", "null", "an object": the JSON type, with a short value for scalars. */
    static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "null" -> "null";
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a string (" + shorten(v.toString()) + ")";
            default -> "a " + type + " (" + shorten(v.toString()) + ")";
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
