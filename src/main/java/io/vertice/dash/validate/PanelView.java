package io.vertice.dash.validate;

import io.vertice.dash.model.DatasourceRef;
import com.fasterxml.jackson.databind.JsonNode;
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
 * @param gridPos     its grid position, null when absent
 * @param datasource  the panel's datasource, null for "default" or none
 * @param unit        {@code fieldConfig.defaults.unit} (or the legacy {@code format}), null when unset
 * @param layout      which grid the panel lives in: 0 the dashboard, n the n-th collapsed row (its own grid)
 * @param row         the title of the row this panel sits under, null at the top
 */
public record PanelView(Integer id, String title, String type, String description, GridPos gridPos,
                        DatasourceRef datasource, List<TargetView> targets, String unit, String repeat,
                        int layout, String row, JsonNode json) {

    public PanelView {
        targets = List.copyOf(targets);
    }

    static PanelView of(JsonNode node, int layout, String row) {
        JsonNode idNode = node.get("id");
        Integer id = idNode != null && idNode.canConvertToInt() ? idNode.asInt() : null;
        String description = node.hasNonNull("description") ? node.get("description").asText() : null;
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
        String repeat = node.hasNonNull("repeat") && !node.get("repeat").asText().isEmpty() ? node.get("repeat").asText() : null;
        return new PanelView(id, node.path("title").asText(""), node.path("type").asText(""), description,
                GridPos.of(node.get("gridPos")), DatasourceRef.of(node.get("datasource")), targets, unit, repeat,
                layout, row, node);
    }

    /** Graph/singlestat panels of old schemas keep the unit in {@code yaxes[0].format} or {@code format}. */
    private static String legacyUnit(JsonNode node) {
        JsonNode yaxes = node.get("yaxes");
        if (yaxes != null && yaxes.isArray() && !yaxes.isEmpty() && yaxes.get(0).hasNonNull("format")) {
            return yaxes.get(0).get("format").asText();
        }
        return node.hasNonNull("format") ? node.get("format").asText() : null;
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
