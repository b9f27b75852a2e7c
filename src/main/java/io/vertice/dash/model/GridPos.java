package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/** A panel's place on Grafana's 24-column grid. */
public record GridPos(int x, int y, int w, int h) {
    public static final int COLUMNS = 24;

    public GridPos {
        if (w < 1 || w > COLUMNS) {
            throw new IllegalArgumentException("panel width must be 1.." + COLUMNS + ", was " + w);
        }
        if (h < 1) {
            throw new IllegalArgumentException("panel height must be at least 1, was " + h);
        }
        if (x < 0 || x + w > COLUMNS || y < 0) {
            throw new IllegalArgumentException("panel at x=" + x + ", y=" + y + ", w=" + w + " is off the grid");
        }
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
}
