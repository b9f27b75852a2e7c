package io.vertice.dash.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/**
 * A panel's place on Grafana's 24-column grid. A plain value, so it can also describe a misplaced
 * panel read from a file: {@link #offGridReason()} says what is wrong with it, if anything. The
 * dashboard builder refuses to place a panel off the grid; {@code dash validate} reports one.
 */
public record GridPos(int x, int y, int w, int h) {
    /** Grafana's grid is 24 columns wide. */
    public static final int COLUMNS = 24;

    /** Reads {@code gridPos}; null when absent or not an object. */
    public static GridPos of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new GridPos(
                node.path("x").asInt(0),
                node.path("y").asInt(0),
                node.path("w").asInt(0),
                node.path("h").asInt(0));
    }

    /** Why Grafana would move or resize this panel, or null when it fits the grid. */
    public String offGridReason() {
        if (x < 0 || y < 0) {
            return "has a negative position; x and y start at 0";
        }
        if (w < 1 || h < 1) {
            return "has no size; w and h must be at least 1";
        }
        if (x + w > COLUMNS) {
            return "ends at column " + (x + w) + ", past the grid's " + COLUMNS + " columns (x + w must be at most 24)";
        }
        return null;
    }

    /** Whether the two rectangles share any cell. */
    public boolean overlaps(GridPos o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("h", h);
        n.put("w", w);
        n.put("x", x);
        n.put("y", y);
        return n;
    }

    @Override
    public String toString() {
        return "x=" + x + " y=" + y + " w=" + w + " h=" + h;
    }
}
