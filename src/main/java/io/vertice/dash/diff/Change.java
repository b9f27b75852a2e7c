package io.vertice.dash.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One semantic difference between the dashboard we expect (our code) and the one found (a file or
 * Grafana). Applying ours would turn {@code found} into {@code expected}.
 *
 * @param dashboard the dashboard's title (or uid when it has none)
 * @param uid       the dashboard's uid
 * @param panel     the panel's title, or null for a dashboard-level change
 * @param path      JSON path inside the panel or dashboard ({@code targets[A].expr}); empty for a whole
 *                  dashboard or panel
 * @param kind      what differs
 * @param found     the value found (null when absent)
 * @param expected  the value we expect (null when absent)
 */
public record Change(
        String dashboard, String uid, String panel, String path, Kind kind, JsonNode found, JsonNode expected) {

    public enum Kind {
        /** Present in ours, absent in what was found. */
        ADDED,
        /** Present in what was found, absent in ours. */
        REMOVED,
        /** Present in both with different values. */
        CHANGED
    }

    /** Where the change is, for people: {@code ESGT Deep Dive › Failure Reasons › targets[A].expr}. */
    public String location() {
        StringBuilder s = new StringBuilder(dashboard);
        if (panel != null) {
            s.append(" › ").append(panel);
        }
        if (!path.isEmpty()) {
            s.append(" › ").append(path);
        }
        return s.toString();
    }
}
