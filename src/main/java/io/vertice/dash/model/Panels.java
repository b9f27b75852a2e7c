package io.vertice.dash.model;

/** Entry point for panel builders, so a dashboard reads {@code timeseries("Arousal").unit(...)}. */
public final class Panels {
    private Panels() {}

    public static TimeSeriesPanel timeseries(String title) {
        return new TimeSeriesPanel(title);
    }

    public static StatPanel stat(String title) {
        return new StatPanel(title);
    }

    public static GaugePanel gauge(String title) {
        return new GaugePanel(title);
    }

    public static BarGaugePanel barGauge(String title) {
        return new BarGaugePanel(title);
    }

    public static TablePanel table(String title) {
        return new TablePanel(title);
    }

    public static PieChartPanel pieChart(String title) {
        return new PieChartPanel(title);
    }

    public static HeatmapPanel heatmap(String title) {
        return new HeatmapPanel(title);
    }

    public static StateTimelinePanel stateTimeline(String title) {
        return new StateTimelinePanel(title);
    }

    public static TextPanel text(String title, String markdown) {
        return new TextPanel(title, markdown);
    }
}
