package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A time series graph: lines, bars or points over time. */
public final class TimeSeriesPanel extends PanelBuilder<TimeSeriesPanel> {

    TimeSeriesPanel(String title) {
        super(PanelType.TIMESERIES, title, "palette-classic");
        custom = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        custom.put("axisBorderShow", false);
        custom.put("axisCenteredZero", false);
        custom.put("axisColorMode", "text");
        custom.put("axisLabel", "");
        custom.put("axisPlacement", "auto");
        custom.put("barAlignment", 0);
        custom.put("barWidthFactor", 0.6);
        custom.put("drawStyle", "line");
        custom.put("fillOpacity", 10);
        custom.put("gradientMode", "none");
        custom.set("hideFrom", hideFrom());
        custom.put("insertNulls", false);
        custom.put("lineInterpolation", "linear");
        custom.put("lineWidth", 1);
        custom.put("pointSize", 5);
        custom.set("scaleDistribution", linearScale());
        custom.put("showPoints", "never");
        custom.put("spanNulls", false);
        ObjectNode stacking = custom.putObject("stacking");
        stacking.put("group", "A");
        stacking.put("mode", "none");
        custom.putObject("thresholdsStyle").put("mode", "off");
        options.set("legend", legend("list", "bottom", true));
        options.set("tooltip", tooltip("multi"));
    }

    /** Stack series on top of each other (normal) or as shares of 100 % (percent). */
    public TimeSeriesPanel stacked(boolean percent) {
        ObjectNode stacking = (ObjectNode) custom.get("stacking");
        stacking.put("mode", percent ? "percent" : "normal");
        return this;
    }

    /** Draw bars instead of lines (counts per interval read better as bars). */
    public TimeSeriesPanel bars() {
        custom.put("drawStyle", "bars");
        custom.put("fillOpacity", 80);
        return this;
    }

    public TimeSeriesPanel fillOpacity(int percent) {
        custom.put("fillOpacity", percent);
        return this;
    }

    public TimeSeriesPanel lineWidth(int px) {
        custom.put("lineWidth", px);
        return this;
    }

    /** Step lines, for values that hold until they change. */
    public TimeSeriesPanel stepAfter() {
        custom.put("lineInterpolation", "stepAfter");
        return this;
    }

    /** Draw the thresholds as dashed lines on the graph. */
    public TimeSeriesPanel thresholdLines() {
        custom.putObject("thresholdsStyle").put("mode", "dashed");
        return this;
    }

    /** Draw the thresholds as coloured bands behind the graph. */
    public TimeSeriesPanel thresholdAreas() {
        custom.putObject("thresholdsStyle").put("mode", "area");
        return this;
    }

    public TimeSeriesPanel axisLabel(String label) {
        custom.put("axisLabel", label);
        return this;
    }

    public TimeSeriesPanel softRange(double softMin, double softMax) {
        custom.put("axisSoftMin", softMin);
        custom.put("axisSoftMax", softMax);
        return this;
    }

    /** A legend as a table with these calculations (e.g. "mean", "max", "lastNotNull"). */
    public TimeSeriesPanel legendTable(String... calcs) {
        options.set("legend", legend("table", "bottom", true, calcs));
        return this;
    }
}
