package io.vertice.dash.model;

/** One big number (or word, through value mappings), with an optional sparkline. */
public final class StatPanel extends PanelBuilder<StatPanel> {

    StatPanel(String title) {
        super(PanelType.STAT, title, "thresholds");
        options.put("colorMode", "value");
        options.put("graphMode", "area");
        options.put("justifyMode", "auto");
        options.put("orientation", "auto");
        options.put("percentChangeColorMode", "standard");
        options.set("reduceOptions", reduceOptions("lastNotNull"));
        options.put("showPercentChange", false);
        options.put("textMode", "auto");
        options.put("wideLayout", true);
    }

    /** Colour the background instead of the value (reads from across the room). */
    public StatPanel colorBackground() {
        options.put("colorMode", "background");
        return this;
    }

    public StatPanel noSparkline() {
        options.put("graphMode", "none");
        return this;
    }

    /** "value_and_name" shows the series name beside each value. */
    public StatPanel textMode(String mode) {
        options.put("textMode", mode);
        return this;
    }

    /** How values are reduced over the range: "lastNotNull", "mean", "max", "sum"... */
    public StatPanel reduce(String calc) {
        options.set("reduceOptions", reduceOptions(calc));
        return this;
    }

    public StatPanel horizontal() {
        options.put("orientation", "horizontal");
        return this;
    }
}
