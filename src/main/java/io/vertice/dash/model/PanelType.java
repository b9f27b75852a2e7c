package io.vertice.dash.model;

/** The panel plugins dash builds, by their Grafana plugin id. */
public enum PanelType {
    TIMESERIES("timeseries"),
    STAT("stat"),
    GAUGE("gauge"),
    BAR_GAUGE("bargauge"),
    TABLE("table"),
    PIE_CHART("piechart"),
    HEATMAP("heatmap"),
    STATE_TIMELINE("state-timeline"),
    TEXT("text");

    private final String pluginId;

    PanelType(String pluginId) {
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
