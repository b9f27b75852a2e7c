package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.model.GridPos;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of one panel of any type, including rows and the panels a collapsed row holds.
 *
 * @param id          the panel id, null when absent
 * @param title       the title ("" when absent)
 * @param type        the panel plugin type ({@code timeseries}, {@code stat}, {@code row}, ...)
 * @param description the description, null when absent or blank
 * @param gridPos     its grid position as Grafana reads it (fields it lacks take Grafana's defaults, x 0, y 0,
 *                    w 6, h 3); null when absent, and for panels of pre-v16 {@code rows[]}, which Grafana lays
 *                    out itself from {@code span} and the row's height
 * @param datasource  the panel's datasource, null for "default" or none
 * @param unit        {@code fieldConfig.defaults.unit} (or the legacy {@code format}), null when unset
 * @param layout      which grid the panel lives in: 0 the dashboard, n the n-th collapsed row (its own grid)
 * @param row         the title of the row this panel sits under, null at the top
 * @param rowRepeat   the variable the row this panel sits in repeats over (one copy per value), null when none
 * @param legacyLayout a panel of a pre-v16 {@code rows[]} dashboard: Grafana computes its grid position
 */
public record PanelView(
        Integer id,
        String title,
        String type,
        String description,
        GridPos gridPos,
        DatasourceRef datasource,
        List<TargetView> targets,
        String unit,
        String repeat,
        int layout,
        String row,
        String rowRepeat,
        boolean legacyLayout,
        JsonNode json) {

    public PanelView {
        targets = List.copyOf(targets);
    }

    /** Grafana's {@code PanelModel} defaults, which it fills into a {@code gridPos} that lacks a field. */
    private static final GridPos GRAFANA_DEFAULT = new GridPos(0, 0, 6, 3);

    static PanelView of(JsonNode node, int layout, String row, String rowRepeat, boolean legacyRow) {
        JsonNode idNode = node.get("id");
        Integer id = idNode != null && idNode.canConvertToInt() ? idNode.asInt() : null;
        String description =
                node.hasNonNull("description") ? node.get("description").asText() : null;
        if (description != null && description.isBlank()) {
            description = null;
        }
        List<TargetView> targets = new ArrayList<>();
        JsonNode t = node.get("targets");
        if (t != null && t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).isObject()) {
                    targets.add(TargetView.of(t.get(i), i));
                }
            }
        }
        String unit = node.path("fieldConfig").path("defaults").path("unit").asText(null);
        if (unit == null || unit.isEmpty()) {
            unit = legacyUnit(node);
        }
        return new PanelView(
                id,
                node.path("title").asText(""),
                node.path("type").asText(""),
                description,
                legacyRow ? null : gridPos(node.get("gridPos")),
                DatasourceRef.of(node.get("datasource")),
                targets,
                unit,
                repeatOf(node),
                layout,
                row,
                rowRepeat,
                legacyRow,
                node);
    }

    /** The variable a panel or row repeats over; null when it does not repeat. */
    static String repeatOf(JsonNode node) {
        return node.hasNonNull("repeat") && !node.get("repeat").asText().isEmpty()
                ? node.get("repeat").asText()
                : null;
    }

    private static GridPos gridPos(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new GridPos(
                node.path("x").asInt(GRAFANA_DEFAULT.x()),
                node.path("y").asInt(GRAFANA_DEFAULT.y()),
                node.path("w").asInt(GRAFANA_DEFAULT.w()),
                node.path("h").asInt(GRAFANA_DEFAULT.h()));
    }

    /** Graph/singlestat panels of old schemas keep the unit in {@code yaxes[0].format} or {@code format}. */
    private static String legacyUnit(JsonNode node) {
        JsonNode yaxes = node.get("yaxes");
        if (yaxes != null && yaxes.isArray() && !yaxes.isEmpty() && yaxes.get(0).hasNonNull("format")) {
            return yaxes.get(0).get("format").asText();
        }
        return node.hasNonNull("format") ? node.get("format").asText() : null;
    }

    /** Whether the panel is copied once per value of {@code variable}, by its own repeat or its row's. */
    public boolean repeatsOver(String variable) {
        return variable.equals(repeat) || variable.equals(rowRepeat);
    }

    public boolean isRow() {
        return type.equals("row");
    }

    /** What findings call the panel: its title, or "panel ID" when untitled. */
    public String label() {
        if (!title.isBlank()) {
            return title;
        }
        return id == null ? "untitled " + (type.isEmpty() ? "panel" : type) : "panel " + id;
    }
}
