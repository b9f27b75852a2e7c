package io.vertice.dash.model;

/** Horizontal or vertical bars, one per series, against thresholds. */
public final class BarGaugePanel extends PanelBuilder<BarGaugePanel> {

    BarGaugePanel(String title) {
        super(PanelType.BAR_GAUGE, title, "thresholds");
        options.put("displayMode", "gradient");
        options.set("legend", legend("list", "bottom", false));
        options.put("maxVizHeight", 300);
        options.put("minVizHeight", 16);
        options.put("minVizWidth", 8);
        options.put("namePlacement", "auto");
        options.put("orientation", "horizontal");
        options.set("reduceOptions", reduceOptions("lastNotNull"));
        options.put("showUnfilled", true);
        options.put("sizing", "auto");
        options.put("valueMode", "color");
    }

    public BarGaugePanel displayMode(DisplayMode mode) {
        options.put("displayMode", mode.json);
        return this;
    }

    /** Grafana's {@code BarGaugeDisplayMode}. */
    public enum DisplayMode {
        BASIC("basic"),
        LCD("lcd"),
        GRADIENT("gradient");

        private final String json;

        DisplayMode(String json) {
            this.json = json;
        }
    }

    public BarGaugePanel vertical() {
        options.put("orientation", "vertical");
        return this;
    }

    public BarGaugePanel reduce(String calc) {
        options.set("reduceOptions", reduceOptions(calc));
        return this;
    }
}
