package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A v2 (or v2beta1) spec → a classic dashboard, by Grafana's server-side converter
 * ({@code v2alpha1_to_v1beta1.go}): rows and tabs are flattened into classic row panels, an auto
 * grid gets computed positions, and what classic cannot hold (conditional rendering, per-row
 * variables, a repeat inside an auto grid) is dropped, as Grafana drops it. Where Grafana's eras
 * disagree, dash takes the choice that converts back to the same v2: rows are numbered after the
 * highest panel id, and a panel's {@code y} is its row's {@code y} + 1 + its {@code y} in the row.
 */
final class V2ToClassic {
    /** The classic schema version Grafana writes when it converts a v2 dashboard back. */
    static final int SCHEMA_VERSION = 42;

    private static final int GRID_COLUMNS = 24;

    private final JsonNode elements;
    private final List<String> placed = new ArrayList<>();
    private final List<ObjectNode> rows = new ArrayList<>();

    private V2ToClassic(JsonNode elements) {
        this.elements = elements == null ? Json.object() : elements;
    }

    static ObjectNode convert(JsonNode spec) {
        ObjectNode d = Json.object();
        d.put("title", Trees.text(spec, "title"));
        Trees.copy(spec, "description", d, "description");
        ArrayNode tags = Trees.strings(spec, "tags");
        if (!tags.isEmpty()) {
            d.set("tags", tags);
        }
        d.put("graphTooltip", Codes.CURSOR_SYNC.code(Trees.text(spec, "cursorSync")));
        d.put("schemaVersion", SCHEMA_VERSION);
        d.put("preload", Trees.bool(spec, "preload", false));
        d.put("editable", Trees.bool(spec, "editable", true));
        Trees.copy(spec, "liveNow", d, "liveNow");
        Trees.copy(spec, "revision", d, "revision");
        timeSettings(spec.path("timeSettings"), d);
        ArrayNode links = Trees.array(spec, "links");
        if (links != null && !links.isEmpty()) {
            ArrayNode out = d.putArray("links");
            for (ObjectNode l : Trees.objects(spec, "links")) {
                out.add(l.deepCopy());
            }
        }
        V2ToClassic layout = new V2ToClassic(spec.get("elements"));
        ArrayNode panels = layout.panels(spec.path("layout"));
        if (!panels.isEmpty()) {
            d.set("panels", panels);
        }
        ArrayNode variables = Variables.toClassic(spec.get("variables"));
        if (!variables.isEmpty()) {
            d.putObject("templating").set("list", variables);
        }
        // always written, or Grafana's dashboard model adds its built-in annotation again
        d.putObject("annotations").set("list", Annotations.toClassic(spec.get("annotations")));
        return d;
    }

    private static void timeSettings(JsonNode t, ObjectNode d) {
        ObjectNode time = d.putObject("time");
        time.put("from", Trees.text(t, "from").isEmpty() ? "now-6h" : Trees.text(t, "from"));
        time.put("to", Trees.text(t, "to").isEmpty() ? "now" : Trees.text(t, "to"));
        Trees.copy(t, "timezone", d, "timezone");
        d.put("refresh", Trees.text(t, "autoRefresh"));
        d.put("fiscalYearStartMonth", Trees.integer(t, "fiscalYearStartMonth", 0));
        Trees.copy(t, "weekStart", d, "weekStart");
        ObjectNode picker = Json.object();
        ArrayNode intervals = Trees.array(t, "autoRefreshIntervals");
        if (intervals != null && !intervals.isEmpty()) {
            picker.set("refresh_intervals", intervals.deepCopy());
        }
        if (Trees.bool(t, "hideTimepicker", false)) {
            picker.put("hidden", true);
        }
        Trees.copy(t, "nowDelay", picker, "nowDelay");
        ArrayNode ranges = Trees.array(t, "quickRanges");
        if (ranges != null && !ranges.isEmpty()) {
            picker.set("quick_ranges", ranges.deepCopy());
        }
        if (!picker.isEmpty()) {
            d.set("timepicker", picker);
        }
    }

    /** The classic panel list of a layout, rows numbered after the highest panel id. */
    private ArrayNode panels(JsonNode layout) {
        ArrayNode out = Json.array();
        flatten(layout, 0, out);
        for (var names = elements.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!placed.contains(name)) {
                throw DashException.input(
                        "v2 dashboard element '" + name
                                + "' is not placed in the layout, so a classic dashboard cannot show it; add it to the layout or remove it.");
            }
        }
        long next = maxPanelId(out) + 1;
        for (ObjectNode row : rows) {
            row.put("id", next++);
        }
        return out;
    }

    private static long maxPanelId(ArrayNode panels) {
        long max = 0;
        for (JsonNode p : panels) {
            max = Math.max(max, Trees.integer(p, "id", 0));
            for (JsonNode child : p.path("panels")) {
                max = Math.max(max, Trees.integer(child, "id", 0));
            }
        }
        return max;
    }

    /** Appends the panels of a layout placed from {@code y}; returns the first free y below them. */
    private long flatten(JsonNode layout, long y, ArrayNode out) {
        JsonNode spec = layout.path("spec");
        switch (Trees.text(layout, "kind")) {
            case "GridLayout" -> {
                return grid(spec, y, out);
            }
            case "AutoGridLayout" -> {
                return autoGrid(spec, y, out);
            }
            case "RowsLayout" -> {
                long next = y;
                for (ObjectNode row : Trees.objects(spec, "rows")) {
                    next = row(row.path("spec"), next, out);
                }
                return next;
            }
            case "TabsLayout" -> {
                long next = y;
                for (ObjectNode tab : Trees.objects(spec, "tabs")) {
                    JsonNode ts = tab.path("spec");
                    ObjectNode header = header(ts, next, false);
                    out.add(header);
                    next = flatten(ts.path("layout"), next + 1, out);
                }
                return next;
            }
            default -> {
                return y;
            }
        }
    }

    /** One v2 row: a classic row panel (unless its header is hidden), then or inside it its panels. */
    private long row(JsonNode rs, long y, ArrayNode out) {
        if (Trees.bool(rs, "hideHeader", false)) {
            return flatten(rs.path("layout"), y, out);
        }
        boolean collapsed = Trees.bool(rs, "collapse", false);
        String innerKind = Trees.text(rs.path("layout"), "kind");
        boolean nested = innerKind.equals("RowsLayout") || innerKind.equals("TabsLayout");
        ObjectNode header = header(rs, y, collapsed && !nested);
        out.add(header);
        if (collapsed && !nested) {
            ArrayNode children = Json.array();
            flatten(rs.path("layout"), y + 1, children);
            header.set("panels", children);
            return y + 1;
        }
        return flatten(rs.path("layout"), y + 1, out);
    }

    private ObjectNode header(JsonNode rowOrTab, long y, boolean collapsed) {
        ObjectNode row = Json.object();
        row.put("type", "row");
        row.put("id", 0);
        row.put("title", Trees.text(rowOrTab, "title"));
        row.put("collapsed", collapsed);
        String repeat = Trees.text(rowOrTab.path("repeat"), "value");
        if (!repeat.isEmpty()) {
            row.put("repeat", repeat);
        }
        row.putObject("gridPos").put("h", 1).put("w", GRID_COLUMNS).put("x", 0).put("y", y);
        row.putArray("panels");
        rows.add(row);
        return row;
    }

    private long grid(JsonNode spec, long y, ArrayNode out) {
        long bottom = y;
        for (ObjectNode item : Trees.objects(spec, "items")) {
            JsonNode is = item.path("spec");
            long top = y + Trees.integer(is, "y", 0);
            long height = Trees.integer(is, "height", 0);
            ObjectNode panel = panel(is, Trees.integer(is, "x", 0), top, Trees.integer(is, "width", 0), height);
            JsonNode repeat = is.get("repeat");
            if (repeat != null && !Trees.text(repeat, "value").isEmpty()) {
                panel.put("repeat", Trees.text(repeat, "value"));
                String direction = Trees.text(repeat, "direction");
                if (!direction.isEmpty()) {
                    panel.put("repeatDirection", direction);
                }
                Trees.copy(repeat, "maxPerRow", panel, "maxPerRow");
            }
            out.add(panel);
            bottom = Math.max(bottom, top + height);
        }
        return bottom;
    }

    /**
     * An auto grid has no positions: Grafana places its items left to right, {@code 24 /
     * maxColumnCount} wide (3 columns by default), 5, 9 or 14 high by {@code rowHeightMode}. A
     * repeat there has no classic form and is dropped, as Grafana drops it.
     */
    private long autoGrid(JsonNode spec, long y, ArrayNode out) {
        double columns = spec.path("maxColumnCount").asDouble(3);
        if (columns <= 0) {
            columns = 3;
        }
        long width = (long) (GRID_COLUMNS / columns);
        long height =
                switch (Trees.text(spec, "rowHeightMode")) {
                    case "short" -> 5;
                    case "tall" -> 14;
                    case "custom" -> {
                        double px = spec.path("rowHeight").asDouble(0);
                        yield px > 0 ? (long) Math.ceil(px / 38.0) : 9;
                    }
                    default -> 9;
                };
        long x = 0;
        long top = y;
        long bottom = y;
        for (ObjectNode item : Trees.objects(spec, "items")) {
            out.add(panel(item.path("spec"), x, top, width, height));
            bottom = top + height;
            x += width;
            if (x >= GRID_COLUMNS) {
                x = 0;
                top += height;
            }
        }
        return bottom;
    }

    private ObjectNode panel(JsonNode itemSpec, long x, long y, long w, long h) {
        String name = Trees.text(itemSpec.path("element"), "name");
        JsonNode element = elements.get(name);
        if (element == null) {
            throw DashException.input("v2 dashboard layout places element '" + name
                    + "', which is not in 'elements'; fix the layout or add the element.");
        }
        placed.add(name);
        ObjectNode panel = Json.object();
        panel.putObject("gridPos").put("h", h).put("w", w).put("x", x).put("y", y);
        return PanelElements.toClassic(element, panel);
    }
}
