package io.vertice.dash.model;

/** A radial gauge: a value between min and max against its threshold bands. */
public final class GaugePanel extends PanelBuilder<GaugePanel> {

    GaugePanel(String title) {
        super(PanelType.GAUGE, title, "thresholds");
        options.put("minVizHeight", 75);
        options.put("minVizWidth", 75);
        options.put("orientation", "auto");
        options.set("reduceOptions", reduceOptions("lastNotNull"));
        options.put("showThresholdLabels", false);
        options.put("showThresholdMarkers", true);
        options.put("sizing", "auto");
    }

    /** Print the threshold values around the dial. */
    public GaugePanel thresholdLabels() {
        options.put("showThresholdLabels", true);
        return this;
    }
}
