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

    /** What the panel prints; {@link TextMode#VALUE_AND_NAME} shows the series name beside each value. */
    public StatPanel textMode(TextMode mode) {
        options.put("textMode", mode.json);
        return this;
    }

    /** Grafana's {@code BigValueTextMode}. */
    public enum TextMode {
        AUTO("auto"),
        VALUE("value"),
        VALUE_AND_NAME("value_and_name"),
        NAME("name"),
        NONE("none");

        private final String json;

        TextMode(String json) {
            this.json = json;
        }
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
