package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/**
 * A classic dashboard → a v2 spec, by Grafana's server-side converter
 * ({@code apps/dashboard/pkg/migration/conversion/v1beta1_to_v2alpha1.go}, then the v2alpha1 →
 * v2beta1 step that turns datasource references into {@code DataQuery} groups). The dashboard's
 * {@code id}, {@code uid}, {@code version} and {@code schemaVersion} leave the spec: the uid becomes
 * the resource's {@code metadata.name}.
 */
final class ClassicToV2 {
    /** Grafana's refresh picker choices when a dashboard names none. */
    static final List<String> DEFAULT_REFRESH_INTERVALS =
            List.of("5s", "10s", "30s", "1m", "5m", "15m", "30m", "1h", "2h", "1d");
    /** Height of a classic row header in grid units. */
    private static final int ROW_HEIGHT = 1;

    private ClassicToV2() {}

    static ObjectNode convert(JsonNode d, SchemaVersion version) {
        ObjectNode spec = Json.object();
        spec.set("annotations", Annotations.toV2(d));
        spec.put("cursorSync", Codes.CURSOR_SYNC.name(d.get("graphTooltip")));
        Trees.copyNonEmptyText(d, "description", spec, "description");
        spec.put("editable", Trees.bool(d, "editable", true));
        layout(d, spec, version);
        spec.set("links", links(d));
        spec.put("liveNow", Trees.bool(d, "liveNow", false));
        spec.put("preload", Trees.bool(d, "preload", false));
        JsonNode revision = d.get("revision");
        if (revision != null && revision.isNumber()) {
            spec.put("revision", revision.asInt());
        }
        spec.set("tags", Trees.strings(d, "tags"));
        spec.set("timeSettings", timeSettings(d));
        spec.put("title", Trees.text(d, "title"));
        spec.set("variables", Variables.toV2(d));
        return spec;
    }

    private static ObjectNode timeSettings(JsonNode d) {
        ObjectNode t = Json.object();
        ObjectNode time = Trees.object(d, "time");
        t.put("from", Trees.text(time, "from").isEmpty() ? "now-6h" : Trees.text(time, "from"));
        t.put("to", Trees.text(time, "to").isEmpty() ? "now" : Trees.text(time, "to"));
        t.put("timezone", Trees.text(d, "timezone", "browser"));
        t.put("autoRefresh", Trees.text(d, "refresh"));
        t.put("fiscalYearStartMonth", Trees.integer(d, "fiscalYearStartMonth", 0));
        Trees.copyNonEmptyText(d, "weekStart", t, "weekStart");
        ArrayNode intervals = Json.array();
        DEFAULT_REFRESH_INTERVALS.forEach(intervals::add);
        ObjectNode picker = Trees.object(d, "timepicker");
        boolean hidden = false;
        if (picker != null) {
            ArrayNode given = Trees.strings(picker, "refresh_intervals");
            if (!given.isEmpty()) {
                intervals = given;
            }
            hidden = Trees.bool(picker, "hidden", false);
            Trees.copyNonEmptyText(picker, "nowDelay", t, "nowDelay");
            if (Trees.array(picker, "quick_ranges") != null) {
                ArrayNode ranges = t.putArray("quickRanges");
                for (ObjectNode r : Trees.objects(picker, "quick_ranges")) {
                    ranges.addObject()
                            .put("display", Trees.text(r, "display"))
                            .put("from", Trees.text(r, "from"))
                            .put("to", Trees.text(r, "to"));
                }
            }
        }
        t.set("autoRefreshIntervals", intervals);
        t.put("hideTimepicker", hidden);
        return t;
    }

    private static ArrayNode links(JsonNode d) {
        ArrayNode out = Json.array();
        for (ObjectNode l : Trees.objects(d, "links")) {
            ObjectNode link = out.addObject();
            link.put("title", Trees.text(l, "title"));
            link.put("type", Trees.text(l, "type", "link"));
            link.put("icon", Trees.text(l, "icon"));
            link.put("tooltip", Trees.text(l, "tooltip"));
            link.set("tags", Trees.strings(l, "tags"));
            for (String flag : List.of("asDropdown", "targetBlank", "includeVars", "keepTime")) {
                link.put(flag, Trees.bool(l, flag, false));
            }
            JsonNode url = l.get("url");
            if (url != null && url.isTextual()) {
                link.put("url", url.asText());
            }
            JsonNode placement = l.get("placement");
            if (placement != null && placement.isTextual()) {
                link.put("placement", placement.asText());
            }
        }
        return out;
    }

    /**
     * Panels → elements and a layout: a {@code GridLayout} when there is no row, else a
     * {@code RowsLayout} whose rows each hold a {@code GridLayout} with {@code y} relative to the row.
     * Panels above the first row go into a row with a hidden header.
     */
    private static void layout(JsonNode d, ObjectNode spec, SchemaVersion version) {
        ObjectNode elements = spec.putObject("elements");
        ObjectNode layout = spec.putObject("layout");
        List<ObjectNode> panels = Trees.objects(d, "panels");
        boolean hasRows = panels.stream().anyMatch(p -> Trees.text(p, "type").equals("row"));
        if (!hasRows) {
            ArrayNode items = grid(layout);
            for (ObjectNode p : panels) {
                elements.set(PanelElements.elementName(p), PanelElements.toV2(p, version));
                items.add(item(p, null));
            }
            return;
        }
        layout.put("kind", "RowsLayout");
        ArrayNode rows = layout.putObject("spec").putArray("rows");
        ObjectNode row = null;
        ArrayNode items = null;
        long rowY = 0;
        for (ObjectNode p : panels) {
            if (Trees.text(p, "type").equals("row")) {
                rowY = Trees.integer(Trees.object(p, "gridPos"), "y", 0);
                if (row != null) {
                    rows.add(row);
                }
                row = Json.object();
                row.put("kind", "RowsLayoutRow");
                ObjectNode rs = row.putObject("spec");
                rs.put("title", Trees.text(p, "title"));
                rs.put("collapse", Trees.bool(p, "collapsed", false));
                String repeat = Trees.text(p, "repeat");
                if (!repeat.isEmpty()) {
                    rs.putObject("repeat").put("mode", "variable").put("value", repeat);
                }
                items = grid(rs.putObject("layout"));
                for (ObjectNode child : Trees.objects(p, "panels")) {
                    elements.set(PanelElements.elementName(child), PanelElements.toV2(child, version));
                    items.add(item(child, yInRow(child, rowY)));
                }
                continue;
            }
            elements.set(PanelElements.elementName(p), PanelElements.toV2(p, version));
            if (row == null) {
                // Panels above the first row: a row that exists only in v2, "above" the grid
                rowY = -1;
                row = Json.object();
                row.put("kind", "RowsLayoutRow");
                ObjectNode rs = row.putObject("spec");
                rs.put("title", "");
                rs.put("collapse", false);
                rs.put("hideHeader", true);
                items = grid(rs.putObject("layout"));
                items.add(item(p, 0L));
            } else {
                items.add(item(p, yInRow(p, rowY)));
            }
        }
        if (row != null) {
            rows.add(row);
        }
    }

    private static ArrayNode grid(ObjectNode layout) {
        layout.put("kind", "GridLayout");
        return layout.putObject("spec").putArray("items");
    }

    private static long yInRow(JsonNode panel, long rowY) {
        ObjectNode gridPos = Trees.object(panel, "gridPos");
        return gridPos == null ? 0 : Trees.integer(gridPos, "y", 0) - rowY - ROW_HEIGHT;
    }

    private static ObjectNode item(ObjectNode panel, Long y) {
        ObjectNode gridPos = Trees.object(panel, "gridPos");
        ObjectNode item = Json.object();
        item.put("kind", "GridLayoutItem");
        ObjectNode spec = item.putObject("spec");
        // Grafana's frontend gives a panel without gridPos 6 × 3 at the top left
        spec.put("x", gridPos == null ? 0 : Trees.integer(gridPos, "x", 0));
        spec.put("y", y != null ? y : gridPos == null ? 0 : Trees.integer(gridPos, "y", 0));
        spec.put("width", gridPos == null ? 6 : Trees.integer(gridPos, "w", 6));
        spec.put("height", gridPos == null ? 3 : Trees.integer(gridPos, "h", 3));
        ObjectNode element = spec.putObject("element");
        element.put("kind", "ElementReference");
        element.put("name", PanelElements.elementName(panel));
        String repeat = Trees.text(panel, "repeat");
        if (!repeat.isEmpty()) {
            ObjectNode r = spec.putObject("repeat");
            r.put("mode", "variable");
            r.put("value", repeat);
            String direction = Trees.text(panel, "repeatDirection");
            if (direction.equals("h") || direction.equals("v")) {
                r.put("direction", direction);
            }
            long maxPerRow = Trees.integer(panel, "maxPerRow", 0);
            if (maxPerRow > 0) {
                r.put("maxPerRow", maxPerRow);
            }
        }
        return item;
    }
}
