package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A heatmap of Prometheus histogram buckets over time: one row per bucket ({@code le}), colour by
 * the count in it. Queries should use format heatmap and the legend {@code {{le}}}.
 */
public final class HeatmapPanel extends PanelBuilder<HeatmapPanel> {

    HeatmapPanel(String title) {
        super(PanelType.HEATMAP, title, "palette-classic");
        custom = JsonNodeFactory.instance.objectNode();
        custom.set("hideFrom", hideFrom());
        custom.set("scaleDistribution", linearScale());
        options.put("calculate", false);
        options.put("cellGap", 1);
        ObjectNode color = options.putObject("color");
        color.put("exponent", 0.5);
        color.put("fill", "dark-orange");
        color.put("mode", "scheme");
        color.put("reverse", false);
        color.put("scale", "exponential");
        color.put("scheme", "Oranges");
        color.put("steps", 64);
        options.putObject("exemplars").put("color", "rgba(255,0,255,0.7)");
        options.putObject("filterValues").put("le", 1e-9);
        options.putObject("legend").put("show", true);
        options.putObject("rowsFrame").put("layout", "auto");
        options.put("showValue", "never");
        ObjectNode tooltip = options.putObject("tooltip");
        tooltip.put("mode", "single");
        tooltip.put("showColorScale", false);
        tooltip.put("yHistogram", true);
        ObjectNode yAxis = options.putObject("yAxis");
        yAxis.put("axisPlacement", "left");
        yAxis.put("reverse", false);
    }

    /** Unit of the bucket boundaries on the y axis (e.g. "s" for durations). */
    public HeatmapPanel yUnit(String unitId) {
        ((ObjectNode) options.get("yAxis")).put("unit", unitId);
        return this;
    }

    /** A colour scheme from Grafana's list, e.g. "Spectral", "Blues". */
    public HeatmapPanel scheme(String scheme) {
        ((ObjectNode) options.get("color")).put("scheme", scheme);
        return this;
    }
}
