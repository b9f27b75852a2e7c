package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** A panel's place on Grafana's 24-column grid. */
public record GridPos(int x, int y, int w, int h) {
    /** Grafana's grid is 24 columns wide. */
    public static final int COLUMNS = 24;

    /** Reads {@code gridPos}; null when absent or not an object with numbers. */
    public static GridPos of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new GridPos(node.path("x").asInt(0), node.path("y").asInt(0), node.path("w").asInt(0), node.path("h").asInt(0));
    }

    public boolean overlaps(GridPos o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    @Override
    public String toString() {
        return "x=" + x + " y=" + y + " w=" + w + " h=" + h;
    }
}
